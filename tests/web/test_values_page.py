"""The values-and-routes page: the model map and the figures with their reasons, and the
interests per party edited in place (htmx) or with a plain form, with conflicts and bad input.

The shared project (conftest): knobs 2 (stand 2) and 4 (stand 1) on; woco weighs goed wonen 3,
zorg weighs minder zorgvraag 2.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Interest, LogEntry, Project, ProjectParty, Scenario
from stuurknop.web.projects.services import interest_set
from tests.web.conftest import People
from tests.web.logged import changed


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    # Figures are cached by project id and revision; ids come back in the next test's database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


def party(project: Project, key: str) -> ProjectParty:
    return project.parties.get(key=key)


def page_url(project: Project, scenario: Scenario) -> str:
    return reverse("values_page", args=[project.pk, scenario.pk])


def edit_url(project: Project, scenario: Scenario, key: str) -> str:
    return reverse("interest_edit", args=[project.pk, scenario.pk, party(project, key).pk])


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def weights(scenario: Scenario, key: str) -> dict[str, tuple[int, str, int]]:
    """(weight, reason, version) per value of one party, as stored."""
    return {
        i.value: (i.weight, i.reason, i.version)
        for i in Interest.objects.filter(scenario=scenario, party__key=key)
    }


def form_data(scenario: Scenario, key: str, **changes: Any) -> dict[str, str]:
    """The party's form as loaded now (every value, with its version), with ``changes``:
    ``goed_wonen=(2, "reden")`` or ``goed_wonen=2``.
    """
    row = ProjectParty.objects.get(project=scenario.project, key=key)
    stored = weights(scenario, key)
    data = {}
    for value in ("goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier"):
        weight, reason, version = stored.get(value, ("", "", 0))
        change = changes.get(value)
        if change is not None:
            weight, reason = change if isinstance(change, tuple) else (change, reason)
        data[f"partij{row.pk}-weight_{value}"] = str(weight)
        data[f"partij{row.pk}-reason_{value}"] = reason
        data[f"partij{row.pk}-version_{value}"] = str(version)
    return data


def main(response: Any) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def text(response: Any) -> str:
    """The page's text without tags, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", main(response)).split())


# --- what a reader sees ------------------------------------------------------------------


def test_a_lezer_sees_the_map_with_its_tables_and_every_figure_with_its_reason(
    project: Project, scenario: Scenario, people: People
) -> None:
    response = signed_in(people.carla).get(page_url(project, scenario))
    assert response.status_code == 200
    html, words = main(response), text(response)
    assert html.count("<h1>") == 1 and "Waarden en routes" in words
    # The map: an accessible SVG drawn for this scenario, with the same figures as tables.
    assert f'aria-labelledby="modelkaart-{scenario.pk}-title modelkaart-{scenario.pk}-desc"' in html
    assert "Kaart van het model: stuurknoppen, routes en waarden in scenario Basis" in words
    assert "aan, 2 van 3 (gemiddeld)" in words
    assert "Alle lijnen van de kaart als tabel" in words
    # Route activation with the engine's reason (knob 2 at 2 and knob 4 at 1, of 9 knobs × 3).
    assert "Zorgen voor elkaar-route 0,11 stuurknop 2 (2) + stuurknop 4 (1) = 3 van 27" in words
    # Value potential per value, and per party, with the engine's reasons.
    assert "Goed wonen 0,10 gemiddelde van 3 routes" in words
    assert "3 × 0,10 (Goed wonen) = 0,31" in words
    assert "Welzijn 0,00 0 0% 0% geen belangen ingevuld" in words
    # The interests per party: weight in words, unset values said so.
    assert "Goed wonen 3 – heel belangrijk" in words
    assert "Werkplezier nog niet ingevuld" in words
    # The map and two bar charts beside their tables (each bar chart drawn for a phone too,
    # chart_images.py), and a status region for edits.
    assert html.count('role="img"') == 5 and html.count('-telefoon-title"') == 2
    assert 'id="belangen-status" class="values-status" role="status"' in html


def test_the_pages_value_and_map_tables_are_the_plans(
    project: Project, scenario: Scenario, people: People
) -> None:
    import datetime as dt

    from stuurknop.gespreksmodel import load_model
    from stuurknop.presentation.blocks import Figure, PlanTable
    from stuurknop.reports.plan import build_plan
    from stuurknop.web.projects.selectors import project_document

    page = signed_in(people.carla).get(page_url(project, scenario)).context
    document = project_document(project)
    plan = build_plan(
        load_model(project.model_version),
        document,
        document.scenario(scenario.name),
        today=dt.date(2026, 1, 1),
    )
    (potentials,) = [
        block
        for block in plan.section("waarden").blocks
        if isinstance(block, PlanTable) and block.caption.startswith("Potentieel")
    ]
    assert page["potentials"] == potentials
    figure, routes = plan.section("kaart").blocks[1:]
    assert isinstance(figure, Figure)
    assert tuple(page["map_tables"]) == (figure.table, routes)


def test_a_lezer_gets_no_edit_controls_and_a_bewerker_does(
    project: Project, scenario: Scenario, people: People
) -> None:
    assert "wijzigen" not in text(signed_in(people.carla).get(page_url(project, scenario)))
    bram_page = main(signed_in(people.bram).get(page_url(project, scenario)))
    url = edit_url(project, scenario, "woco")
    assert f'href="{url}" hx-get="{url}" hx-target="#belang-{party(project, "woco").pk}"' in (
        bram_page
    )


def test_the_page_needs_no_inline_style_or_script(
    project: Project, scenario: Scenario, people: People
) -> None:
    html = main(signed_in(people.carla).get(page_url(project, scenario)))
    assert "<svg" in html
    assert not re.search(r"\sstyle=|<style|<script|\son[a-z]+=|hx-on", html)


def test_the_map_is_drawn_once_per_revision_of_the_project(
    project: Project, scenario: Scenario, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stuurknop.web.projects.views import values

    calls = []
    real = values.model_map
    monkeypatch.setattr(values, "model_map", lambda *a, **k: calls.append(1) or real(*a, **k))
    client = signed_in(people.bram)
    client.get(page_url(project, scenario))
    client.get(page_url(project, scenario))
    assert len(calls) == 1
    client.post(edit_url(project, scenario, "woco"), form_data(scenario, "woco", werkplezier=1))
    client.get(page_url(project, scenario))
    assert len(calls) == 2


# --- editing interests -----------------------------------------------------------------------


def test_the_form_shows_what_is_stored_with_its_versions(
    project: Project, scenario: Scenario, people: People
) -> None:
    woco = party(project, "woco")
    client = signed_in(people.bram)
    page = client.get(edit_url(project, scenario, "woco"))
    assert page.status_code == 200
    html = main(page)
    assert "<h1>Belangen van Woco</h1>" in html
    assert f'name="partij{woco.pk}-version_goed_wonen" value="1"' in html
    assert f'name="partij{woco.pk}-version_werkplezier" value="0"' in html
    assert '<option value="3" selected>3 – heel belangrijk</option>' in html
    # A stored weight can be changed, not emptied; an unset one may stay unset.
    goed_wonen = html[html.index("weight_goed_wonen") : html.index("</select>")]
    assert "nog niet ingevuld" not in goed_wonen
    assert '<option value="" selected>nog niet ingevuld</option>' in html
    fragment = client.get(edit_url(project, scenario, "woco"), headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert b"<html" not in fragment.content and b"<h1" not in fragment.content
    assert f'<section id="belang-{woco.pk}"'.encode() in fragment.content


def test_an_edit_in_place_is_stored_logged_and_changes_the_figures(
    project: Project, scenario: Scenario, people: People
) -> None:
    client = signed_in(people.bram)
    woco = party(project, "woco")
    before = text(client.get(page_url(project, scenario)))
    assert "3 × 0,10 (Goed wonen) = 0,31" in before
    response = client.post(
        edit_url(project, scenario, "woco"),
        form_data(scenario, "woco", minder_zorgvraag=(3, "Minder druk op de wijkzorg")),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert weights(scenario, "woco") == {
        "goed_wonen": (3, "", 1),  # unchanged, so not written again
        "minder_zorgvraag": (3, "Minder druk op de wijkzorg", 1),
    }
    [entry] = LogEntry.objects.filter(what__startswith="Belang van Woco")
    assert entry.what == "Belang van Woco bij Verminderen zorgbehoefte gewijzigd"
    assert (entry.who, entry.scenario) == ("Bram", "Basis")
    assert changed(entry)["weight"] == (None, 3)
    # The answer: the party's part as shown, and out of band the new figures and a status.
    fragment = response.content.decode()
    assert f'<section id="belang-{woco.pk}"' in fragment and "<html" not in fragment
    assert "Minder druk op de wijkzorg" in fragment
    assert 'id="waarde-per-partij" class="values-section"' in fragment
    assert 'hx-swap-oob="true"' in fragment
    assert "3 × 0,10 (Goed wonen) + 3 × 0,10 (Verminderen zorgbehoefte) = 0,60" in fragment
    assert '<div id="belangen-status" hx-swap-oob="innerHTML">Belang van Woco opgeslagen.' in (
        fragment
    )
    after = text(client.get(page_url(project, scenario)))
    assert "3 × 0,10 (Goed wonen) + 3 × 0,10 (Verminderen zorgbehoefte) = 0,60" in after


def test_without_javascript_the_form_saves_and_goes_back_to_the_page(
    project: Project, scenario: Scenario, people: People
) -> None:
    client = signed_in(people.bram)
    woco = party(project, "woco")
    response = client.post(
        edit_url(project, scenario, "woco"),
        form_data(scenario, "woco", goed_wonen=(1, "Vooral betaalbaar"), werkplezier=2),
    )
    assert response.status_code == 302
    assert response.url == f"{page_url(project, scenario)}#belang-{woco.pk}"
    stored = weights(scenario, "woco")
    assert stored["goed_wonen"] == (1, "Vooral betaalbaar", 2)
    assert stored["werkplezier"] == (2, "", 1)
    assert LogEntry.objects.filter(what__startswith="Belang van Woco").count() == 2
    page = text(client.get(response.url))
    assert "2 belangen van Woco opgeslagen." in page
    assert "Goed wonen 1 – een beetje belangrijk Vooral betaalbaar" in page


def test_saving_what_was_loaded_changes_nothing(
    project: Project, scenario: Scenario, people: People
) -> None:
    client = signed_in(people.bram)
    log_before = LogEntry.objects.count()
    response = client.post(edit_url(project, scenario, "woco"), form_data(scenario, "woco"))
    assert response.status_code == 302
    assert weights(scenario, "woco") == {"goed_wonen": (3, "", 1)}
    assert LogEntry.objects.count() == log_before
    assert "Niets gewijzigd aan de belangen van Woco." in text(client.get(response.url))


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"goed_wonen": 9}, "weight_goed_wonen", "Kies een gewicht van 0 tot en met 3."),
        ({"werkplezier": "veel"}, "weight_werkplezier", "Kies een gewicht van 0 tot en met 3."),
        (
            {"minder_zorgvraag": (2, "x" * 2001)},
            "reason_minder_zorgvraag",
            "Houd de toelichting korter dan 2000 tekens (nu 2001).",
        ),
        (
            {"goed_wonen": ""},
            "weight_goed_wonen",
            "Een ingevuld belang kan niet leeg worden; kies 0 als deze waarde niet telt",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_beside_the_field_and_nothing_is_stored(
    project: Project,
    scenario: Scenario,
    people: People,
    change: dict[str, Any],
    field: str,
    message: str,
) -> None:
    woco = party(project, "woco")
    data = form_data(scenario, "woco", **change, efficient_werken=2)
    log_before = LogEntry.objects.count()
    response = signed_in(people.bram).post(edit_url(project, scenario, "woco"), data)
    assert response.status_code == 400
    html = main(response)
    field_id = f"id_partij{woco.pk}-{field}"
    assert f'<ul class="errorlist" id="{field_id}_error"><li>{message}</li></ul>' in html
    widget = re.search(rf'<(select|textarea)[^>]*id="{field_id}"[^>]*>', html)
    assert widget is not None
    assert 'aria-invalid="true"' in widget[0]
    assert f'aria-describedby="{field_id}_error"' in widget[0]
    assert "De belangen zijn niet opgeslagen." in html
    assert weights(scenario, "woco") == {"goed_wonen": (3, "", 1)}  # efficient_werken neither
    assert LogEntry.objects.count() == log_before


def test_bad_input_in_place_answers_the_form_with_its_messages(
    project: Project, scenario: Scenario, people: People
) -> None:
    response = signed_in(people.bram).post(
        edit_url(project, scenario, "woco"),
        form_data(scenario, "woco", goed_wonen=7),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200  # htmx swaps only successful answers
    assert b"<html" not in response.content
    assert "Kies een gewicht van 0 tot en met 3." in response.content.decode()
    assert weights(scenario, "woco")["goed_wonen"] == (3, "", 1)


def test_a_form_without_versions_is_refused_with_a_message(
    project: Project, scenario: Scenario, people: People
) -> None:
    data = {
        k: v for k, v in form_data(scenario, "woco", goed_wonen=1).items() if "version" not in k
    }
    response = signed_in(people.bram).post(edit_url(project, scenario, "woco"), data)
    assert response.status_code == 400
    assert "Het versienummer ontbreekt of klopt niet" in response.content.decode()
    assert weights(scenario, "woco")["goed_wonen"] == (3, "", 1)


# --- two editors -----------------------------------------------------------------------------


def test_a_conflict_shows_both_versions_and_the_form_on_the_stored_one(
    project: Project, scenario: Scenario, people: People
) -> None:
    woco = party(project, "woco")
    annas_form = form_data(scenario, "woco", goed_wonen=(2, "Anna's reden"), werkplezier=1)
    interest_set(  # bram saves first
        scenario=scenario,
        by=people.bram,
        expected_version=1,
        party="woco",
        value="goed_wonen",
        weight=1,
        reason="Bram's reden",
    )
    response = signed_in(people.anna).post(edit_url(project, scenario, "woco"), annas_form)
    assert response.status_code == 409
    html, words = main(response), text(response)
    assert "Iemand anders was je voor." in words
    assert "jij bewerkte versie 1, opgeslagen is versie 2" in words
    assert "laatst gewijzigd door Bram" in words
    assert (
        "Goed wonen (verschilt) 2 – belangrijk: Anna's reden "
        "1 – een beetje belangrijk: Bram's reden" in words.replace("&#x27;", "'")
    )
    assert "Werkplezier (verschilt) 1 – een beetje belangrijk nog niet ingevuld" in words
    # The form is on the stored version now; nothing of Anna's was saved, werkplezier neither.
    assert f'name="partij{woco.pk}-version_goed_wonen" value="2"' in html
    assert '<option value="1" selected>1 – een beetje belangrijk</option>' in html
    assert weights(scenario, "woco") == {"goed_wonen": (1, "Bram's reden", 2)}


def test_a_conflict_in_place_is_shown_in_the_form(
    project: Project, scenario: Scenario, people: People
) -> None:
    stale = form_data(scenario, "zorg", minder_zorgvraag=3)
    signed_in(people.anna).post(
        edit_url(project, scenario, "zorg"), form_data(scenario, "zorg", minder_zorgvraag=1)
    )
    response = signed_in(people.bram).post(
        edit_url(project, scenario, "zorg"), stale, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Iemand anders was je voor." in body and "<html" not in body
    assert weights(scenario, "zorg")["minder_zorgvraag"][0] == 1


def test_two_people_adding_the_same_weight_do_not_both_win(
    project: Project, scenario: Scenario, people: People
) -> None:
    loaded = form_data(scenario, "welzijn", werkplezier=2)
    first = signed_in(people.anna).post(edit_url(project, scenario, "welzijn"), loaded)
    also_loaded = {**loaded, f"partij{party(project, 'welzijn').pk}-weight_werkplezier": "3"}
    second = signed_in(people.bram).post(edit_url(project, scenario, "welzijn"), also_loaded)
    assert first.status_code == 302 and second.status_code == 409
    assert weights(scenario, "welzijn") == {"werkplezier": (2, "", 1)}


# --- who may --------------------------------------------------------------------------------


def test_a_lezer_may_not_open_or_post_the_form(
    project: Project, scenario: Scenario, people: People
) -> None:
    client = signed_in(people.carla)
    url = edit_url(project, scenario, "woco")
    assert client.get(url).status_code == 403
    assert client.post(url, form_data(scenario, "woco", goed_wonen=0)).status_code == 403
    assert weights(scenario, "woco") == {"goed_wonen": (3, "", 1)}


def test_an_archived_project_is_read_only(
    project: Project, scenario: Scenario, people: People
) -> None:
    Project.objects.filter(pk=project.pk).update(archived=True)
    client = signed_in(people.bram)
    assert client.get(page_url(project, scenario)).status_code == 200
    assert "wijzigen" not in text(client.get(page_url(project, scenario)))
    url = edit_url(project, scenario, "woco")
    assert client.post(url, form_data(scenario, "woco", goed_wonen=0)).status_code == 403
    assert weights(scenario, "woco") == {"goed_wonen": (3, "", 1)}


def test_an_outsider_finds_nothing(project: Project, scenario: Scenario, people: People) -> None:
    client = signed_in(people.olaf)
    assert client.get(page_url(project, scenario)).status_code == 404
    url = edit_url(project, scenario, "woco")
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(scenario, "woco", goed_wonen=0)).status_code == 404
    assert weights(scenario, "woco") == {"goed_wonen": (3, "", 1)}


def test_a_party_or_scenario_of_another_project_is_not_found(
    project: Project, scenario: Scenario, people: People, shared_document: Any
) -> None:
    from stuurknop.web.projects.services import project_import

    other = project_import(document=shared_document, by=people.olaf, organisation=people.elders)
    client = signed_in(people.bram)
    foreign_party = other.parties.get(key="woco")
    foreign_scenario = other.scenarios.get()
    url = reverse("interest_edit", args=[project.pk, scenario.pk, foreign_party.pk])
    assert client.post(url, form_data(foreign_scenario, "woco", goed_wonen=0)).status_code == 404
    assert client.get(url).status_code == 404
    assert client.get(page_url(project, foreign_scenario)).status_code == 404
    assert Interest.objects.get(scenario=foreign_scenario, value="goed_wonen").weight == 3
