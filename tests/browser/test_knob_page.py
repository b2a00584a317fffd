"""A knob's worksheet in Chromium: the project's own choices come first with the model's
questions beside them, so a knob is discussed and filled in on one laptop screen; the lessons
are one click away; and adding a cost item updates every part that depends on it without a
reload.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services import knob_setting_update
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

KNOB = 6  # a community: on without a cost item, the model warns that no one is paid for it


@pytest.fixture
def knob_page(project: Project, people: People) -> str:
    """De Linde with knob 6 on at stand 2 and no cost item at it."""
    scenario = project.scenarios.get()
    knob_setting_update(
        scenario=scenario, knob=KNOB, by=people.anna, expected_version=0, status="aan", opening=2
    )
    return url_of("knob_page", project_id=project.pk, scenario_id=scenario.pk, knob=KNOB)


def test_the_form_and_the_questions_share_the_first_laptop_screen(
    page: Page, knob_page: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    sign_in(page, "anna")
    page.goto(knob_page)
    # Scrolled to the knob's own heading (below the project's tabs), the screen holds the
    # form's first choices and the model's questions beside them.
    page.evaluate("window.scrollTo(0, document.querySelector('h1').getBoundingClientRect().top)")
    form = page.get_by_role("group", name="Hoe ver staat de knop open?")
    questions = page.locator(".knob-questions li").first
    boxes = [form.bounding_box(), questions.bounding_box()]
    assert all(b and b["y"] >= 0 and b["y"] + b["height"] <= 720 for b in boxes), boxes
    form_box, questions_box = boxes[0], boxes[1]
    assert form_box and questions_box
    assert questions_box["x"] > form_box["x"] + form_box["width"], "the questions are beside"
    # The lessons are one click away, by keyboard too.
    lessons = page.locator("#lessen")
    expect(lessons).not_to_have_attribute("open", "")
    page.locator("#lessen-kop").focus()
    page.keyboard.press("Enter")
    expect(lessons).to_have_attribute("open", "")
    expect(lessons.locator(".lessons li").first).to_be_visible()


def test_on_a_phone_the_questions_come_below_the_choices(page: Page, knob_page: str) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in(page, "anna")
    page.goto(knob_page)
    form = page.get_by_role("heading", name="Jullie keuze voor deze knop").bounding_box()
    questions = page.get_by_role("heading", name="Vragen om samen te bespreken").bounding_box()
    assert form and questions and questions["y"] > form["y"]
    assert page_width(page) <= 390


def test_adding_a_cost_item_removes_the_warning_without_a_reload(
    page: Page, knob_page: str
) -> None:
    sign_in(page, "anna")
    page.goto(knob_page)
    checks = page.locator("#knob-checks-part")
    expect(checks).to_contain_text("zonder kostenpost")
    page.evaluate("window.stuurknopNotReloaded = true")

    page.get_by_text("Kostenpost toevoegen", exact=True).first.click()
    page.locator("#nieuwe_kostenpost_description").fill("Opbouwwerker")
    page.locator("#nieuwe_kostenpost_amount").fill("12.000")
    page.locator("#nieuwe_kostenpost_years").fill("3")
    page.get_by_role("button", name="Kostenpost toevoegen").click()

    expect(page.locator("#knob-money-status")).to_have_text("Kostenpost toegevoegd.")
    expect(page.locator("#knob-money")).to_contain_text("Opbouwwerker")
    expect(checks).not_to_contain_text("zonder kostenpost")
    assert page.evaluate("window.stuurknopNotReloaded === true"), "the page was reloaded"
