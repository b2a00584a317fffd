"""A residents' round with the loneliness scale, in Chromium: a beheerder starts the round on
the management page, a resident answers the six statements on a phone (390 px), the beheerder
closes the round, and its score appears as a measurement of the project's library indicator on
the evidence page. axe-core finds nothing on the form or the management page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from stuurknop.presentation.numbers import dutch_date
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.residents.models import Questionnaire, Response
from stuurknop.web.residents.services import questionnaire_create
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The statements as the CBS prints them, with the answers of one resident: a point on each but
# the last (leegte ja, narigheid nee, vertrouwen nee, mis mensen ja, verbonden min of meer,
# in de steek nee): a total of 5, ernstig eenzaam.
ANSWERS = {
    "Ik ervaar een leegte om me heen.": "Ja",
    "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.": "Nee",
    "Ik heb veel mensen op wie ik volledig kan vertrouwen.": "Nee",
    "Ik mis mensen om me heen.": "Ja",
    "Er zijn voldoende mensen met wie ik me nauw verbonden voel.": "Min of meer",
    "Vaak voel ik me in de steek gelaten.": "Nee",
}


@pytest.fixture
def questionnaire(project: Project, people: People) -> Questionnaire:
    return questionnaire_create(project=project, by=people.anna)


def monitor_loneliness(project: Project) -> Scenario:
    """The project monitors loneliness with the library's indicator (picked on B's page)."""
    scenario = project.scenarios.filter(chosen=True).first() or project.scenarios.first()
    assert scenario is not None
    plan = {
        "value": "goed_wonen",
        "indicators": [
            {
                "id": "eenzaamheid",
                "name": "Eenzaamheid van bewoners",
                "library": "eenzaamheid_gemiddelde",
                "route": "welbevinden",
                "direction": "lager_beter",
                "unit": "score 0–6",
            }
        ],
    }
    Scenario.objects.filter(pk=scenario.pk).update(evidence=[plan])
    return scenario


def test_a_round_with_the_loneliness_scale_on_a_phone_becomes_a_measurement(
    page: Page,
    new_context: Callable[..., Any],
    project: Project,
    questionnaire: Questionnaire,
    screenshot: Callable[[str], Any],
) -> None:
    scenario = monitor_loneliness(project)
    sign_in(page, "anna")
    page.goto(url_of("residents_manage", project_id=project.pk))
    page.get_by_label("Naam van de ronde").fill("Nulmeting")
    page.get_by_label("Begint op").fill("2026-03-02")
    page.get_by_label("Eenzaamheidsschaal van De Jong Gierveld", exact=False).check()
    page.get_by_role("button", name="Ronde starten").click()
    expect(page.get_by_role("status")).to_contain_text("Ronde 'Nulmeting' is gestart")
    expect(page.get_by_role("heading", name="Nulmeting")).to_be_visible()

    resident = new_context().new_page()
    resident.set_viewport_size(PHONE)
    resident.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    expect(resident.get_by_role("heading", name="Over uzelf")).to_be_visible()
    assert_accessible(resident, "the residents' form with the loneliness scale")
    assert page_width(resident) <= PHONE["width"]
    for statement, answer in ANSWERS.items():
        group = resident.get_by_role("group", name=statement)
        expect(group.get_by_label("Geen antwoord")).to_be_checked()
        group.get_by_label(answer, exact=True).check()
    screenshot("bewonersronde-eenzaamheid-telefoon")
    resident.get_by_role("button", name="Versturen").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen!")
    assert Response.objects.get().instrument_answers["eenzaamheid_djg6"]["verbonden"] == (
        "min_of_meer"
    )

    page.reload()
    round_ = page.get_by_role("article", name="Nulmeting")
    expect(round_.locator(".ronde-antwoorden")).to_have_text("1")
    page.get_by_role("button", name="Ronde sluiten en verwerken").click()
    expect(page.get_by_role("status")).to_contain_text("De ronde is gesloten en verwerkt")
    results = page.get_by_role("table", name=re.compile("Eenzaamheidsschaal"))
    expect(results.get_by_role("row", name=re.compile("Gemiddelde"))).to_contain_text(
        "5 (van 0 tot 6)"
    )
    expect(results.get_by_role("row", name=re.compile("Ernstig eenzaam"))).to_contain_text(
        "1 (100%)"
    )
    assert_accessible(page, "the management page with a closed round")
    # On a phone the tables scroll in their own region; the page does not scroll sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page_width(page) <= 320

    page.goto(url_of("evidence_page", project_id=project.pk, scenario_id=scenario.pk))
    page.get_by_text("1 meting", exact=True).click()  # the measurements, one click away
    measurement = page.locator(".indicator-measurements li").first
    # Measured on the day the round closed.
    expect(measurement).to_contain_text(dutch_date(timezone.localdate()))
    expect(measurement).to_contain_text(": 5 – Nulmeting: bewonersronde (1 bewoner met een score)")
    expect(measurement).to_contain_text("uit een bewonersronde")


def test_the_report_mark_fits_a_small_phone(
    page: Page, project: Project, questionnaire: Questionnaire, people: People
) -> None:
    import datetime as dt

    from stuurknop.web.residents.rounds import round_start

    round_start(
        questionnaire=questionnaire,
        by=people.anna,
        name="Nulmeting",
        starts_on=dt.date(2026, 3, 2),
        ends_on=None,
        instruments=["eenzaamheid_djg6", "tevredenheid_cijfer"],
    )
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    mark = page.get_by_role("group", name=re.compile("Welk rapportcijfer"))
    box = mark.get_by_text("8", exact=True).locator("xpath=..").bounding_box()
    assert box is not None and box["height"] >= 44
    assert page_width(page) <= 320
    assert_accessible(page, "the residents' form with a report mark")
    mark.get_by_label("8", exact=True).check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen!")
    assert Response.objects.get().instrument_answers == {"tevredenheid_cijfer": 8}
