"""The project's side: members see the results and remarks, outsiders nothing; a beheerder makes,
opens, closes, renews the link, downloads the poster and takes the answers into the project."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.engine.divergence import RESIDENTS, divergence
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.residents.models import Questionnaire
from stuurknop.web.residents.poster import render_poster
from tests.reports.printed import assert_accessible, outside_references
from tests.web.conftest import People

from .conftest import Post, form_url

REMARK = "Graag een bankje bij de ingang"


def manage_url(project: Project) -> str:
    return reverse("residents_manage", args=[project.pk])


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_lezer_sees_the_count_results_and_remarks(
    questionnaire: Questionnaire, answer: Post, project: Project, people: People
) -> None:
    answer(zorgteam=3, ontmoeten=1, help_organise="ja", remark=REMARK)
    answer(address="192.0.2.11", zorgteam=2)
    html = signed_in(people.carla).get(manage_url(project)).content.decode()
    assert '<dd id="aantal-antwoorden">2</dd>' in html
    assert REMARK in html
    assert "Een vast zorgteam" in html and "2,5" in html  # (3 + 2) / 2
    assert "Stuurknop 7: Organisatie zorg" in html
    assert form_url(questionnaire) in html
    # A lezer sees no buttons.
    assert reverse("residents_close", args=[project.pk]) not in html


def test_an_outsider_and_an_anonymous_visitor_see_no_remark(
    questionnaire: Questionnaire, answer: Post, project: Project, people: People
) -> None:
    answer(zorgteam=3, remark=REMARK)
    outsider = signed_in(people.olaf).get(manage_url(project))
    assert outsider.status_code == 404
    assert REMARK not in outsider.content.decode()
    anonymous = Client().get(manage_url(project))
    assert anonymous.status_code == 302 and REMARK not in anonymous.content.decode()


def test_without_a_questionnaire_a_beheerder_makes_one_that_is_open(
    project: Project, people: People
) -> None:
    anna = signed_in(people.anna)
    assert "Vragenlijst maken en openen" in anna.get(manage_url(project)).content.decode()
    response = anna.post(reverse("residents_create", args=[project.pk]))
    assert response.status_code == 302
    questionnaire = Questionnaire.objects.get(project=project)
    assert questionnaire.is_open and len(questionnaire.token) >= 32
    assert Client().get(form_url(questionnaire)).status_code == 200
    assert LogEntry.objects.filter(project=project, what__contains="gemaakt en geopend").exists()


def test_a_second_questionnaire_is_refused(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    anna = signed_in(people.anna)
    response = anna.post(reverse("residents_create", args=[project.pk]), follow=True)
    assert "heeft al een bewonersvragenlijst" in response.content.decode()
    assert Questionnaire.objects.filter(project=project).count() == 1


def test_a_beheerder_closes_and_opens_it_again(
    questionnaire: Questionnaire, answer: Post, project: Project, people: People
) -> None:
    anna = signed_in(people.anna)
    anna.post(reverse("residents_close", args=[project.pk]))
    questionnaire.refresh_from_db()
    assert not questionnaire.is_open and questionnaire.closed_by == people.anna
    assert answer(zorgteam=1).status_code == 410
    anna.post(reverse("residents_open", args=[project.pk]))
    assert answer(zorgteam=1).status_code == 302


def test_a_bewerker_cannot_close_it(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    response = signed_in(people.bram).post(reverse("residents_close", args=[project.pk]))
    assert response.status_code == 403
    questionnaire.refresh_from_db()
    assert questionnaire.is_open


def test_a_new_link_kills_the_old_one_and_keeps_the_answers(
    questionnaire: Questionnaire, answer: Post, project: Project, people: People
) -> None:
    answer(zorgteam=3)
    old = form_url(questionnaire)
    signed_in(people.anna).post(reverse("residents_new_link", args=[project.pk]))
    questionnaire.refresh_from_db()
    assert Client().get(old).status_code == 404
    assert Client().get(form_url(questionnaire)).status_code == 200
    assert questionnaire.responses.count() == 1


def test_taking_the_answers_in_makes_them_the_residents_view(
    questionnaire: Questionnaire, answer: Post, project: Project, people: People
) -> None:
    answer(zorgteam=3, veilig=2, help_organise="ja", remark=REMARK)
    answer(address="192.0.2.11", zorgteam=2, help_organise="nee")
    response = signed_in(people.anna).post(reverse("residents_take_in", args=[project.pk]))
    assert response.status_code == 302
    project.refresh_from_db()
    [record] = [doc.ResidentInput.model_validate(r) for r in project.resident_input]
    assert record.respondents == 2
    assert record.knobs[7] == Decimal("2.25")  # zorgteam 2.5 and veilig 2.0
    assert record.help_organise == doc.HelpCounts(ja=1, misschien=0, nee=1)
    assert record.remarks == [REMARK]
    assert RESIDENTS in divergence(load_model(), project_document(project)).parties
    assert LogEntry.objects.filter(project=project, what__contains="2 bewoners").exists()


def test_taking_in_without_answers_changes_nothing(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    response = signed_in(people.anna).post(
        reverse("residents_take_in", args=[project.pk]), follow=True
    )
    assert "nog geen antwoorden om te verwerken" in response.content.decode()
    project.refresh_from_db()
    assert project.resident_input == []


def test_the_poster_is_one_a4_page_with_the_link_and_the_project_name(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    response = signed_in(people.carla).get(reverse("residents_poster", args=[project.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    pdf = pdfium.PdfDocument(io.BytesIO(response.content))
    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = pdf[0].get_textpage().get_text_range().replace("\r", "").replace("\n", "")
    assert questionnaire.token in text
    assert project.name in text
    assert "Wat vindt u belangrijk" in text


def test_the_poster_is_pdf_ua_links_nowhere_and_carries_only_its_own_fonts(
    tmp_path: Path,
) -> None:
    content = render_poster(project_name="De Linde", url="http://testserver/b/abc/").content

    assert_accessible(content, tmp_path, figures=1)
    uris, fonts = outside_references(content)
    assert uris == []
    assert fonts and all("DejaVu" in font for font in fonts), fonts


def test_a_project_name_with_markup_prints_as_written() -> None:
    rendered = render_poster(
        project_name='De Linde <img src="http://192.0.2.1/x.png">', url="http://testserver/b/x/"
    )
    text = pdfium.PdfDocument(io.BytesIO(rendered.content))[0].get_textpage().get_text_range()
    assert '<img src="http://192.0.2.1/x.png">' in text.replace("\r", "").replace("\n", "")


@pytest.mark.parametrize(
    "name", ["#set page(width: 1cm) #pagebreak()", "] [ *vet* _schuin_ $x$ @ref <label> \\"]
)
def test_typst_markup_in_a_project_name_prints_as_written_on_one_a4_page(name: str) -> None:
    rendered = render_poster(project_name=name, url="http://testserver/b/x/")
    pdf = pdfium.PdfDocument(io.BytesIO(rendered.content))
    assert len(pdf) == 1
    assert (round(pdf[0].get_size()[0]), round(pdf[0].get_size()[1])) == (595, 842)
    assert name in pdf[0].get_textpage().get_text_range().replace("\r", "").replace("\n", "")
