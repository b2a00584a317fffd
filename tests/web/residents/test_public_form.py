"""The public questionnaire: a resident without an account fills it in, and only the answers are
kept (no name, address or time); closed, unknown and empty are answered clearly."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.gespreksmodel import load_model
from stuurknop.web.projects.models import Project
from stuurknop.web.residents.models import Questionnaire, Response
from stuurknop.web.residents.services import questionnaire_close
from tests.web.conftest import People

from .conftest import Post, form_url


def test_the_form_asks_every_item_of_the_model_with_words_for_each_score(
    questionnaire: Questionnaire,
) -> None:
    response = Client().get(form_url(questionnaire))
    html = response.content.decode()
    assert response.status_code == 200
    for item in load_model().questionnaire:
        assert f"<legend>{item.label}</legend>" in html
        assert f'name="score_{item.id}"' in html
    for words in ("Heel belangrijk", "Belangrijk", "Een beetje belangrijk", "Niet belangrijk"):
        assert words in html
    assert "Wilt u helpen om iets te organiseren?" in html
    assert "<script" not in html  # works on any phone, without JavaScript


def test_the_form_is_never_cached_nor_indexed(questionnaire: Questionnaire) -> None:
    response = Client().get(form_url(questionnaire))
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_honeypot_is_hidden_from_people_and_screen_readers(
    questionnaire: Questionnaire,
) -> None:
    html = Client().get(form_url(questionnaire)).content.decode()
    assert '<div class="residents-hp" aria-hidden="true">' in html
    assert 'name="website" tabindex="-1" autocomplete="off"' in html


def test_an_answer_is_stored_with_the_day_only_and_the_resident_thanked(
    questionnaire: Questionnaire, answer: Post
) -> None:
    response = answer(zorgteam=3, buurt=0, help_organise="misschien", remark=" Meer bankjes. ")
    assert response.status_code == 302
    assert response["Location"] == reverse("residents_thanks", args=[questionnaire.token])
    row = Response.objects.get(questionnaire=questionnaire)
    assert row.scores == {"zorgteam": 3, "buurt": 0}
    assert (row.help_organise, row.remark) == ("misschien", "Meer bankjes.")
    assert row.created_on == timezone.localdate()
    thanks = Client().get(response["Location"])
    assert "Bedankt voor het invullen!" in thanks.content.decode()


def test_no_address_user_agent_or_time_is_stored_with_an_answer(
    questionnaire: Questionnaire, answer: Post
) -> None:
    answer(address="203.0.113.77", ontmoeten=2, remark="Fijn plan")
    fields = {f.name for f in Response._meta.get_fields()}
    # The round is the period an answer came in, shared by every answer of it; nothing else.
    assert fields == {
        "id",
        "questionnaire",
        "round",
        "scores",
        "instrument_answers",
        "help_organise",
        "remark",
        "created_on",
    }
    row = Response.objects.values().get()
    assert "203.0.113.77" not in repr(row)
    assert isinstance(row["created_on"], dt.date) and not isinstance(row["created_on"], dt.datetime)


def test_an_empty_form_is_refused_with_a_message(
    questionnaire: Questionnaire, answer: Post
) -> None:
    response = answer()
    assert response.status_code == 400
    assert "U heeft nog niets ingevuld" in response.content.decode()
    assert not Response.objects.exists()


def test_a_score_outside_the_scale_is_refused(questionnaire: Questionnaire, answer: Post) -> None:
    response = answer(zorgteam=7)
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_a_remark_over_1000_characters_is_refused_beside_the_field(
    questionnaire: Questionnaire, answer: Post
) -> None:
    response = answer(zorgteam=2, remark="x" * 1001)
    html = response.content.decode()
    assert response.status_code == 400
    assert "maximaal 1000 tekens (nu 1001)" in html
    assert 'aria-describedby="uitleg-opmerking fout-opmerking" aria-invalid="true"' in html
    assert not Response.objects.exists()


def test_what_was_chosen_stays_chosen_when_the_form_comes_back(
    questionnaire: Questionnaire, answer: Post
) -> None:
    html = answer(zorgteam=2, remark="x" * 1001).content.decode()
    assert 'name="score_zorgteam" value="2" id="id_score_zorgteam_1" checked>' in html
    assert 'name="score_buurt" value="" id="id_score_buurt_4" checked>' in html  # "geen antwoord"
    assert "x" * 1001 + "</textarea>" in html


def test_an_unknown_link_is_not_found(db: None) -> None:
    assert Client().get(reverse("residents_form", args=["geen-echte-link"])).status_code == 404


def test_a_closed_questionnaire_says_so_and_refuses_answers(
    questionnaire: Questionnaire, answer: Post, people: People
) -> None:
    questionnaire_close(questionnaire=questionnaire, by=people.anna)
    page = Client().get(form_url(questionnaire))
    assert page.status_code == 200
    assert "Deze vragenlijst is gesloten" in page.content.decode()
    assert answer(zorgteam=3).status_code == 410
    assert not Response.objects.exists()


def test_an_archived_projects_questionnaire_takes_no_answers(
    questionnaire: Questionnaire, answer: Post, project: Project
) -> None:
    Project.objects.filter(pk=project.pk).update(archived=True)
    assert answer(zorgteam=3).status_code == 410
    assert not Response.objects.exists()


def test_the_public_pages_need_no_account_and_show_no_project_data(
    questionnaire: Questionnaire, answer: Post
) -> None:
    answer(zorgteam=3, remark="Geheime opmerking van een bewoner")
    for url in (form_url(questionnaire), reverse("residents_thanks", args=[questionnaire.token])):
        response = Client().get(url)
        assert response.status_code == 200
        assert "Geheime opmerking" not in response.content.decode()
