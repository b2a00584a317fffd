"""Evidence and monitoring in Chromium: a bewerker picks an indicator from the model's library and
adapts it, reads in an Excel file with one bad row (refused with its row and column, nothing
stored), then a good one, and sees the indicator's status with its rule, the chart with its
target line and the table of the same figures. The page passes axe-core and fits a phone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.evidence import evidence_plans
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

LIBRARY = "Zorguren per bewoner"  # lower is better; tied to minder_zorgvraag


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["indicator", "datum", "waarde", "notitie"], *rows]:
        sheet.append(row)
    book.save(path)
    return path


def test_an_indicator_from_the_library_with_measurements_from_excel(
    page: Page, people: People, shared_document: ProjectDocument, tmp_path: Path
) -> None:
    project: Project = project_import(document=shared_document, by=people.anna)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    scenario = project.scenarios.get()
    evidence = url_of("evidence_page", project_id=project.pk, scenario_id=scenario.pk)

    sign_in(page, "bram")
    page.goto(evidence)
    section = page.locator("#waarde-minder_zorgvraag")
    section.get_by_label("Indicator uit de bibliotheek").select_option(label=LIBRARY)
    section.get_by_role("button", name="Kiezen en aanpassen").click()
    expect(page.get_by_label(re.compile(r"^Naam"))).to_have_value(LIBRARY)
    expect(page.get_by_label(re.compile(r"^Richting"))).to_have_value("lager_beter")
    page.get_by_label(re.compile(r"^Nulmeting")).fill("3")
    page.get_by_label(re.compile(r"^Datum nulmeting")).fill("2025-01-01")
    page.get_by_label(re.compile(r"^Streefwaarde")).fill("2")
    page.get_by_label(re.compile(r"^Streefdatum")).fill("2027-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=LIBRARY)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Status: geen gegevens")

    # A file with one bad row: refused with its place, nothing stored.
    bad = _xlsx(
        tmp_path / "metingen-fout.xlsx",
        [
            [LIBRARY, dt.datetime(2025, 7, 1), 2.8, "eerste kwartaal"],
            [LIBRARY, "31-02-2026", 2.4, "tweede"],
        ],
    )
    page.get_by_label(re.compile(r"^Bestand met metingen")).set_input_files(bad)
    page.get_by_role("button", name="Metingen inlezen").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Er is niets opgeslagen")
    expect(alert).to_contain_text("Rij 3, kolom datum")
    [plan] = evidence_plans(project.scenarios.get())
    assert plan.indicators[0].measurements == []
    assert_accessible(page, "the import page with its errors")

    # The corrected file: every row stored, the status follows the rule.
    good = _xlsx(
        tmp_path / "metingen.xlsx",
        [
            [LIBRARY, dt.datetime(2025, 7, 1), 2.8, "eerste kwartaal"],
            [LIBRARY, "01-01-2026", 2.4, "tweede"],
        ],
    )
    page.get_by_label(re.compile(r"^Bestand met metingen")).set_input_files(good)
    page.get_by_role("button", name="Metingen inlezen").click()
    expect(page.locator("main")).to_contain_text("2 metingen ingelezen")
    indicator = page.locator("article.indicator", has_text=LIBRARY)
    # 3 → 2 over 730 days, lower is better; on 1 January 2026 (365 days) 2,5 is expected, and
    # 2,4 is better than that: on track.
    expect(indicator.locator(".indicator-status")).to_contain_text("Status: op koers")
    expect(indicator.locator(".indicator-status")).to_contain_text("verwacht op dat moment: 2,5")
    expect(indicator.locator("svg").first).to_be_visible()
    table = indicator.get_by_role("table")
    expect(table).to_contain_text("1 januari 2026")
    expect(table).to_contain_text("2,4")
    expect(table).to_contain_text("streefwaarde")
    assert_accessible(page, "the evidence page")
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"the evidence page scrolls sideways on a phone ({wide} px)"
