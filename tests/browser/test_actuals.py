"""Realised money in Chromium, on a phone and a laptop: a bewerker enters an amount by hand,
imports an Excel file with one bad row (refused with its row and column, nothing stored), then
a good one, and sees planned against realised: the chart with its table, the reasons, and the
temporary money that stopped. Every state passes axe-core and fits 320 px without scrolling
sideways."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from playwright.sync_api import Page, expect

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import Actual, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser


def _workbook(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["kostenpost", "financiering", "jaar", "bedrag", "notitie"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def _fits(page: Page, what: str) -> None:
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        wide = page_width(page)
        assert wide <= width, f"{what} scrolls sideways at {width} px ({wide} px)"
    assert_accessible(page, what)


def test_enter_import_with_a_bad_row_then_a_good_file_and_see_plan_against_realised(
    page: Page, people: People, shared_document: ProjectDocument, tmp_path: Path
) -> None:
    project = project_import(document=shared_document, by=people.anna)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    scenario = project.scenarios.get()
    sign_in(page, "bram")
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(url_of("actuals_page", project_id=project.pk, scenario_id=scenario.pk))
    expect(page.locator("main")).to_contain_text("Nog geen gerealiseerde bedragen ingevuld.")
    _fits(page, "the empty realised money page")

    # By hand, on a phone.
    page.set_viewport_size({"width": 320, "height": 900})
    page.get_by_label("Uitgegeven aan kostenpost").select_option(label="Activiteitenbegeleider")
    page.get_by_label(re.compile(r"^Jaar")).fill("2025")
    page.get_by_label(re.compile(r"^Bedrag in euro")).fill("21.500")
    page.get_by_role("button", name="Bedrag vastleggen").click()
    expect(page.locator("main")).to_contain_text("€ 21.500 tegen € 20.000 gepland (+ € 1.500)")

    # A file with one bad row: refused with its place, nothing stored.
    bad = _workbook(
        tmp_path,
        "bedragen-fout.xlsx",
        [[None, "f1", 2025, 20000], [None, "f1", 2031, 20000], ["k1", None, 2026, 19000]],
    )
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(bad))
    page.get_by_role("button", name="Bedragen inlezen").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Er is 1 fout in het bestand; er is niets opgeslagen.")
    expect(alert).to_contain_text(
        "Rij 3, kolom jaar: 2031 valt buiten de looptijd van het project (2025–2029)."
    )
    assert Actual.objects.count() == 1
    _fits(page, "the page with the file's errors")

    # The good file.
    good = _workbook(
        tmp_path,
        "bedragen.xlsx",
        [[None, "f1", 2025, 20000], ["k1", None, 2026, 19000], ["k1", None, 2027, 20000]],
    )
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(good))
    page.get_by_role("button", name="Bedragen inlezen").click()
    main = page.locator("main")
    expect(main).to_contain_text("Ingelezen: 3 nieuwe en 0 vervangen bedragen.")
    expect(main).to_contain_text("€ 60.500 tegen € 60.000 gepland (+ € 500)")
    # the gemeente's temporary money (III, 2025–2026) paid nothing in 2026: not received
    expect(main).to_contain_text("€ 20.000 niet ontvangen in 2026")
    expect(main).to_contain_text("stopte in 2027 en in 2027 nam niemand het over")
    # the chart, and one click away the table of its figures
    page.get_by_text("Tabel: Gerealiseerd tegenover het plan, per jaar").click()
    chart_table = page.get_by_role("table", name=re.compile("Gerealiseerd tegenover het plan"))
    expect(chart_table).to_contain_text("€ 19.000")
    assert Actual.objects.count() == 4
    _fits(page, "the realised money page")
