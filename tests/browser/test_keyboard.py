"""The keyboard alone: a knob's form is filled in and saved with Tab, the arrow keys, Space and
Enter, and every element that takes the focus on the way shows it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from stuurknop.web.projects.models import KnobSetting, Project
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser

MAX_TABS = 150
# What the focused element looks like: the focus must be visible (WCAG 2.4.7).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {
    what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''),
    name: el.getAttribute('name'), value: el.value, type: el.type,
    checked: el.checked === true, text: (el.innerText || '').trim().slice(0, 40),
    visible: el === document.body || outline || shadow,
  };
}"""


class Keyboard:
    """Presses keys and remembers every element the focus landed on."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.unseen_focus: list[str] = []

    def press(self, key: str) -> dict[str, Any]:
        self.page.keyboard.press(key)
        state: dict[str, Any] = self.page.evaluate(FOCUS_STATE)
        if not state["visible"]:
            self.unseen_focus.append(state["what"])
        return state

    def tab_to(self, wanted: str, **attrs: Any) -> dict[str, Any]:
        """Tab until the focus is on an element whose state has ``attrs`` (e.g. name=…)."""
        for _ in range(MAX_TABS):
            state = self.press("Tab")
            if all(state.get(k) == v for k, v in attrs.items()):
                return state
        raise AssertionError(f"Tab never reached {wanted} in {MAX_TABS} presses")

    def arrow_to(self, value: str) -> dict[str, Any]:
        """In a radio group, move with the arrow key until ``value`` is chosen."""
        for _ in range(10):
            state = self.press("ArrowDown")
            if state["value"] == value and state["checked"]:
                return state
        raise AssertionError(f"the arrow keys never chose {value!r}")


def test_a_knob_is_set_and_saved_with_the_keyboard_alone(page: Page, project: Project) -> None:
    scenario = project.scenarios.get()
    sign_in(page, "bram")  # bewerker
    page.goto(url_of("knob_page", project_id=project.pk, scenario_id=scenario.pk, knob=3))
    keys = Keyboard(page)

    keys.tab_to("the status", name="status")
    keys.arrow_to("aan")
    keys.tab_to("the opening", name="opening")
    keys.arrow_to("2")
    keys.tab_to("the elaboration", name="elaboration")
    page.keyboard.type("Samen met de buurt, elke week.")
    keys.tab_to("the first route", name="routes")
    keys.press("Space")
    keys.tab_to("the save button", text="Keuze opslaan")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    setting = KnobSetting.objects.get(scenario=scenario, knob=3)
    assert (setting.status, setting.opening) == ("aan", 2)
    assert setting.elaboration == "Samen met de buurt, elke week."
    assert len(setting.routes) == 1
    assert keys.unseen_focus == [], f"focus not visible on: {keys.unseen_focus}"


def test_the_skip_link_shows_and_jumps_to_the_content(page: Page, project: Project) -> None:
    sign_in(page, "carla")
    page.goto(url_of("project_detail", project_id=project.pk))
    keys = Keyboard(page)
    state = keys.press("Tab")
    assert state["text"] == "Naar de inhoud"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # type: ignore[index]
    page.keyboard.press("Enter")
    page.wait_for_url("**#inhoud")
    assert keys.unseen_focus == []
