"""Perspectives, the pages: who answered, the own view form, reveal, and the divergence page."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.services.perspectives import (
    perspective_set,
    perspective_version,
    perspectives_add,
    perspectives_reveal,
)

from .conftest import People


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def give(project, by, party, knobs=None, values=None, remarks=""):
    perspective_set(
        project=project,
        by=by,
        party=party,
        knobs=knobs or {},
        values=values or {},
        remarks=remarks,
        expected_version=perspective_version(project, party),
    )


def two_views(project: Project, people: People) -> None:
    give(project, people.anna, "woco", knobs={3: 3, 6: 2}, values={"goed_wonen": 3}, remarks="Kern")
    give(project, people.bram, "zorg", knobs={3: 0, 6: 1}, values={"goed_wonen": 1})


def page(project: Project, user, name: str = "perspectives_page", **query) -> str:
    response = client_for(user).get(reverse(name, args=[project.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def edit_data(project: Project, party: str, **fields) -> dict:
    return {"party": party, "version": perspective_version(project, party), **fields}


# --- the perspectives page ----------------------------------------------------------------


def test_a_lezer_sees_who_answered_and_only_their_own_partys_view(
    project: Project, people: People
) -> None:
    two_views(project, people)
    give(project, people.bram, "welzijn", values={"werkplezier": 2})  # carla's party, namens
    html = page(project, people.carla)
    assert "3 van de 5 partijen aan tafel hebben een eigen perspectief gegeven" in html
    assert "Het perspectief van Welzijn" in html
    assert "2 – belangrijk" in html  # welzijn's weight for werkplezier
    assert "3 – heel belangrijk" not in html and "3 – sterk" not in html  # nothing of woco's
    assert "Kern" not in html
    assert "Toon de antwoorden" not in html  # only the beheerder reveals
    assert "Perspectief invullen" not in html  # a lezer does not fill in


def test_the_beheerder_has_the_button_to_reveal_and_then_to_hide(
    project: Project, people: People
) -> None:
    assert "Toon de antwoorden" in page(project, people.anna)
    response = client_for(people.anna).post(reverse("perspectives_reveal", args=[project.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("divergence_page", args=[project.pk])
    project.refresh_from_db()
    assert project.perspectives_revealed
    html = page(project, people.anna)
    assert "Verberg de antwoorden (nieuwe ronde)" in html
    assert "De antwoorden zijn getoond." in html


# --- the form -------------------------------------------------------------------------------


def test_the_form_opens_on_the_editors_own_party(project: Project, people: People) -> None:
    html = page(project, people.bram, "perspective_edit")
    assert "Perspectief van Zorg" in html
    assert re.search(r'<option value="zorg" selected>', html)
    assert 'name="knob_10"' in html and 'name="value_werkplezier"' in html


def test_a_bewerker_saves_their_partys_view(project: Project, people: People) -> None:
    data = edit_data(project, "zorg", knob_3="2", knob_7="", value_werkplezier="3", remarks="Ja")
    client = client_for(people.bram)
    response = client.post(reverse("perspective_edit", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    [view] = project.perspectives
    assert (view["party"], view["origin"], view["knobs"], view["values"], view["remarks"]) == (
        "zorg",
        "eigen",
        {"3": 2},
        {"werkplezier": 3},
        "Ja",
    )
    html = client.get(response["Location"]).content.decode()
    assert "Het perspectief van Zorg is opgeslagen." in html


def test_a_bad_choice_is_refused_beside_its_field(project: Project, people: People) -> None:
    data = edit_data(project, "zorg", knob_3="7")
    response = client_for(people.bram).post(reverse("perspective_edit", args=[project.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een getal van 0 tot en met 3, of geen antwoord." in html
    assert re.search(r'<select name="knob_3"[^>]*aria-invalid="true"', html)
    project.refresh_from_db()
    assert project.perspectives == []


def test_a_stale_form_gets_a_conflict(project: Project, people: People) -> None:
    data = edit_data(project, "zorg", knob_3="1")
    give(project, people.bram, "zorg", knobs={3: 3})
    response = client_for(people.bram).post(reverse("perspective_edit", args=[project.pk]), data)
    assert response.status_code == 409
    assert "Iemand anders was je voor." in response.content.decode()
    project.refresh_from_db()
    assert project.perspectives[0]["knobs"] == {"3": 3}


def test_before_the_reveal_another_partys_answer_is_not_in_the_form(
    project: Project, people: People
) -> None:
    give(project, people.bram, "gemeente", values={"goed_wonen": 3}, remarks="Geheim")
    html = page(project, people.anna, "perspective_edit", partij="gemeente")
    assert "Geheim" not in html
    assert "selected>3 – heel belangrijk" not in html
    assert "Het blijft verborgen tot de beheerder de antwoorden toont" in html
    perspectives_reveal(project=project, by=people.anna)
    assert "Geheim" in page(project, people.anna, "perspective_edit", partij="gemeente")


def test_a_partys_own_view_is_not_offered_to_others_to_replace(
    project: Project, people: People
) -> None:
    give(project, people.anna, "woco", knobs={1: 1})
    html = page(project, people.bram, "perspective_edit", partij="woco")
    assert "Woco heeft zelf een perspectief gegeven" in html
    assert 'name="knob_1"' not in html


# --- the divergence page --------------------------------------------------------------------


def test_before_the_reveal_the_divergence_page_shows_who_answered_but_no_scores(
    project: Project, people: People
) -> None:
    two_views(project, people)
    html = page(project, people.bram, "divergence_page")
    assert "2 van de 5 partijen aan tafel hebben een eigen perspectief gegeven: Woco, Zorg" in html
    assert "De scores verschijnen hier zodra de beheerder de antwoorden toont." in html
    assert "<svg" not in html and "Spreiding" not in html and "Kern" not in html


def test_views_from_a_live_session_are_shown_before_the_reveal(
    project: Project, people: People
) -> None:
    two_views(project, people)
    perspectives_add(
        project=project,
        by=people.anna,
        perspectives=[
            doc.Perspective(party="woco", origin="sessie", knobs={5: 3}),
            doc.Perspective(party="gemeente", origin="sessie", knobs={5: 1}),
        ],
        what="Live sessie gesloten",
    )
    html = page(project, people.carla, "divergence_page")
    assert "alleen wat al in de zaal is getoond" in html
    assert "Stuurknop 5" in html
    assert "Stuurknop 3" not in html  # that difference is in the hidden own views


def test_after_the_reveal_the_largest_difference_comes_first_with_map_table_and_remarks(
    project: Project, people: People
) -> None:
    two_views(project, people)
    perspectives_reveal(project=project, by=people.anna)
    html = page(project, people.carla, "divergence_page")
    ranking = html.split('id="verschillen-titel"')[1].split("</table>")[0]
    names = re.findall(r'<th scope="row">(?:<span[^>]*>Waarde</span> )?([^<]+)</th>', ranking)
    assert names == [
        "Stuurknop 3: Financiering ontmoetingsruimte",
        "Goed wonen",
        "Stuurknop 6: Gemeenschapsvorming",
    ]
    assert "0 (Zorg)" in ranking and "3 (Woco)" in ranking
    assert 'role="img"' in html  # the heat map, and its table beside it
    assert "Scores per partij (0 tot 3; – : geen score gegeven)" in html
    assert "Kern" in html  # woco's remark
    assert "Zet op de agenda" not in html  # carla reads only


def test_a_bewerker_puts_a_difference_on_the_agenda(project: Project, people: People) -> None:
    two_views(project, people)
    perspectives_reveal(project=project, by=people.anna)
    client = client_for(people.bram)
    assert (
        "Zet op de agenda"
        in client.get(reverse("divergence_page", args=[project.pk])).content.decode()
    )
    response = client.post(
        reverse("agenda_point_add", args=[project.pk]), {"subject": "value", "key": "goed_wonen"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#verschillen")
    entry = LogEntry.objects.filter(project=project).latest("id")
    assert entry.what == "Agendapunt 'Verschil over Goed wonen' op de agenda van 'Volgend overleg'"
    html = client.get(response["Location"]).content.decode()
    assert "Op de agenda gezet: “Verschil over Goed wonen”, bij Volgend overleg" in html
    assert "Bekijk de agenda" in html


def test_an_unknown_difference_is_refused_with_a_message(project: Project, people: People) -> None:
    response = client_for(people.bram).post(
        reverse("agenda_point_add", args=[project.pk]), {"subject": "knob", "key": "99"}
    )
    assert response.status_code == 400
    assert "Dit verschil staat niet (meer) op de pagina" in response.content.decode()
