"""An organisation's strategy in Chromium: anna (housing corporation) records how far it goes on
the meeting-room knob; the project opens that knob further, so after her edit the project's
checks page shows the departure and the portfolio's column of departures goes from 0 to 1.
Every page passes axe-core and fits a phone."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from stuurknop.gespreksmodel import load_model
from stuurknop.web.projects.services import project_import
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

DEPARTURES = "Afwijkingen van de strategie"


def _fits_a_phone(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"{what} scrolls sideways on a phone ({wide} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def _departures_in_portfolio(page: Page, slug: str, project: str) -> Locator:
    """The cell of the portfolio's grid that counts ``project``'s departures."""
    page.goto(url_of("portfolio_page", organisation_slug=slug))
    grid = page.locator("table.portfolio-grid")
    headers = grid.locator("thead th").all_inner_texts()
    assert DEPARTURES in headers, f"no column {DEPARTURES!r} in {headers}"
    row = grid.locator("tbody tr", has_text=project)
    return row.locator("th, td").nth(headers.index(DEPARTURES))


def _set_knob(page: Page, knob: int, how_far: str, role: str) -> None:
    name = load_model().knob(knob).name
    group = page.get_by_role("group", name=f"{knob}. {name}")
    group.get_by_label("Hoe ver").select_option(label=how_far)
    group.get_by_label("Rol").select_option(label=role)


def test_a_position_edited_shows_on_the_projects_checks_and_in_the_portfolio(
    page: Page, people: People, make_document: Any
) -> None:
    document = make_document(
        parties={"woco": "woningcorporatie", "gemeente": "gemeente"},
        knobs={2: 2},
        chosen=True,
    )
    project = project_import(
        document=document,
        by=people.anna,
        organisation=people.woco,
        party_organisations={"woco": people.woco},
    )
    slug = people.woco.slug
    checks = url_of(
        "checks_page", project_id=project.pk, scenario_id=project.scenarios.get(chosen=True).pk
    )
    sign_in(page, "anna")

    # A first position within what the project asks: stand 2 of knob 2 is allowed up to 3.
    page.goto(url_of("strategy_edit", organisation_slug=slug))
    assert_accessible(page, "strategy edit page")
    _set_knob(page, 2, "3 – sterk", "bijdragen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De strategie is opgeslagen.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("tot stand 3 – sterk")
    assert_accessible(page, "strategy page")
    _fits_a_phone(page, "strategy page")
    page.goto(checks)
    strategy = page.locator(
        "section", has=page.get_by_role("heading", name="Strategie van de partijen")
    )
    expect(strategy).to_contain_text("Dit scenario past binnen de strategie.")
    expect(_departures_in_portfolio(page, slug, "De Linde")).to_have_text("0")

    # The corporation now goes to stand 1 only: the project departs from it.
    page.goto(url_of("strategy_edit", organisation_slug=slug))
    _set_knob(page, 2, "1 – licht", "bijdragen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De strategie is opgeslagen.")).to_be_visible()
    page.goto(checks)
    expect(strategy).to_contain_text(f"de strategie van {people.woco.name} gaat tot stand 1")
    assert_accessible(page, "checks page with a departure from the strategy")
    expect(_departures_in_portfolio(page, slug, "De Linde")).to_have_text("1")

    # The history says both changes in words.
    page.goto(url_of("strategy_history", organisation_slug=slug))
    expect(page.locator("main")).to_contain_text("hoe ver: sterk → licht")
    assert_accessible(page, "strategy history")
