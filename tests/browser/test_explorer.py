"""The explorer as a person uses it in Chromium: open it, see the front (chart and table) and
the nearest better designs, pass axe-core, filter by a constraint, choose a design and make a
scenario of it in one click."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from stuurknop.engine.routes import opening_of
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.selectors import project_document
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser


def test_open_the_explorer_choose_a_design_and_make_a_scenario(
    page: Page, project: Project
) -> None:
    cache.clear()  # figures are cached by project id, which the next database hands out again
    scenario = project.scenarios.get()
    sign_in(page, "bram")
    page.goto(url_of("explorer_page", project_id=project.pk, scenario_id=scenario.pk))
    expect(page.get_by_role("heading", name="Verkenner", exact=True)).to_be_visible()
    expect(page.get_by_text("Alle 1.048.576 standen doorgerekend")).to_be_visible()
    table = page.get_by_role("table", name="Beste ontwerpen: stand per stuurknop, moeite en waarde")
    expect(table).to_be_visible()
    expect(page.get_by_role("heading", name="Dichtbij en beter")).to_be_visible()
    assert_accessible(page, "explorer page")

    # a constraint: knob 4 off
    page.get_by_text("Voorwaarden: knoppen vastzetten").click()
    page.get_by_label("Stuurknop 4 (", exact=False).select_option("0")
    page.get_by_role("button", name="Toon de beste ontwerpen").click()
    expect(page.get_by_text("voldoen aan de voorwaarden")).to_contain_text("262.144")
    rows = page.get_by_role("table", name="Beste ontwerpen: stand per stuurknop").locator(
        "tbody tr"
    )
    expect(rows.first).to_contain_text("4: uit")

    # choose the first design
    openings = rows.first.locator("input[name=standen]").get_attribute("value")
    rows.first.get_by_role("button", name="Maak scenario van ontwerp 1").click()
    expect(page.locator(".messages")).to_contain_text("is gemaakt uit het ontwerp")
    expect(page.get_by_role("heading", name="Waarden en routes", exact=True)).to_be_visible()
    doc = project_document(project)
    assert len(doc.scenarios) == 2
    made = doc.scenarios[1]
    assert ",".join(str(opening_of(made, k)) for k in range(1, 11)) == openings
