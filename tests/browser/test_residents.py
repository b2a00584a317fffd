"""The residents' questionnaire as a resident and a beheerder use it, in Chromium: filled in on a
small phone screen (with and without JavaScript), thanked, counted on the management page and
taken into the project; axe-core finds nothing on the form, the thanks or the management page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Project
from stuurknop.web.residents.models import Questionnaire, Response
from stuurknop.web.residents.services import questionnaire_create
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 320, "height": 568}


@pytest.fixture
def questionnaire(project: Project, people: People) -> Questionnaire:
    return questionnaire_create(project=project, by=people.anna)


def fill_in(page: Page) -> None:
    page.get_by_role("group", name="Een vast zorgteam").get_by_label("Heel belangrijk").check()
    page.get_by_role("group", name="Contact met de buurt").get_by_label(
        "Een beetje belangrijk"
    ).check()
    page.get_by_role("group", name="Wilt u helpen om iets te organiseren?").get_by_label(
        "Misschien"
    ).check()
    page.get_by_label("Wilt u nog iets kwijt?").fill("Een bankje bij de voordeur graag.")
    page.get_by_role("button", name="Versturen").click()


def test_a_resident_fills_it_in_on_a_small_phone(
    page: Page, questionnaire: Questionnaire, screenshot: Callable[[str], Any]
) -> None:
    page.set_viewport_size(SMALL_PHONE)
    page.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat vindt u belangrijk?")
    assert_accessible(page, "the residents' form")
    # Fits the screen: nothing to scroll sideways, and every answer is a big enough target.
    assert page_width(page) <= SMALL_PHONE["width"]
    choice = page.get_by_role("group", name="Activiteiten").locator("label").first
    box = choice.bounding_box()
    assert box is not None and box["height"] >= 44
    # Each question starts at "geen antwoord", so skipping is the default.
    expect(
        page.get_by_role("group", name="Activiteiten").get_by_label("Geen antwoord")
    ).to_be_checked()
    screenshot("bewoners-vragenlijst-telefoon")

    fill_in(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen!")
    assert_accessible(page, "the thank-you page")
    row = Response.objects.get(questionnaire=questionnaire)
    assert row.scores == {"zorgteam": 3, "buurt": 1}
    assert (row.help_organise, row.remark) == ("misschien", "Een bankje bij de voordeur graag.")


def test_it_works_without_javascript(
    new_context: Callable[..., Any], questionnaire: Questionnaire
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.set_viewport_size(SMALL_PHONE)
    page.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    fill_in(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen!")
    assert Response.objects.filter(questionnaire=questionnaire).count() == 1


def test_an_error_is_shown_at_the_top_and_beside_the_field(
    page: Page, questionnaire: Questionnaire
) -> None:
    page.set_viewport_size(SMALL_PHONE)
    page.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("U heeft nog niets ingevuld")
    assert_accessible(page, "the residents' form with an error")
    assert not Response.objects.exists()


def test_a_beheerder_sees_the_answers_and_takes_them_into_the_project(
    page: Page, project: Project, questionnaire: Questionnaire, screenshot: Callable[[str], Any]
) -> None:
    page.goto(url_of("residents_form", questionnaire_token=questionnaire.token))
    fill_in(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor het invullen!")

    sign_in(page, "anna")
    page.goto(url_of("residents_manage", project_id=project.pk))
    expect(page.locator("#aantal-antwoorden")).to_have_text("1")
    expect(page.get_by_text("Een bankje bij de voordeur graag.")).to_be_visible()
    results = page.get_by_role("table", name=re.compile("Hoe belangrijk bewoners"))
    expect(results.get_by_role("row", name=re.compile("Een vast zorgteam"))).to_contain_text("3,0")
    assert_accessible(page, "the residents' management page")
    screenshot("bewoners-beheer")

    page.get_by_role("button", name="Verwerk de antwoorden in het project").click()
    expect(page.get_by_role("status")).to_contain_text("De antwoorden zijn verwerkt")
    expect(page.get_by_text(re.compile("Laatst verwerkt op .*, met 1 antwoorden"))).to_be_visible()
    assert_accessible(page, "the management page after taking the answers in")
    project.refresh_from_db()
    assert project.resident_input[-1]["respondents"] == 1
