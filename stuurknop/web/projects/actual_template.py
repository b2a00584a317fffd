"""The file to fill in with realised money (the columns of :mod:`.actual_files`): a row per
cost item and per funding line of the scenario, its id and what it is filled in, the year and
amount left empty (a row left so is skipped on import). Excel and CSV."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.excel_cells import FORMULA_START, header, text_cell
from stuurknop.web.projects.actual_files import COLUMNS

Row = tuple[str, str, str]  # kostenpost, financiering, omschrijving


def template_rows(document: ProjectDocument, scenario: Scenario) -> list[Row]:
    parties = {p.id: p.name for p in document.parties}
    costs = {c.id: c.description for c in scenario.costs}
    rows: list[Row] = [(c.id, "", f"Uitgegeven aan: {c.description}") for c in scenario.costs]
    rows += [
        (
            "",
            f.id,
            f"Ontvangen van {parties.get(f.party, f.party)}, bron {f.source}, "
            f"voor: {costs.get(f.cost_item, f.cost_item)}",
        )
        for f in scenario.funding
    ]
    return rows


def template_xlsx(document: ProjectDocument, scenario: Scenario) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Gerealiseerd"
    header(sheet, list(COLUMNS), [14, 14, 8, 14, 30, 60])
    sheet.freeze_panes = "A2"
    for number, (cost, line, about) in enumerate(template_rows(document, scenario), start=2):
        for column, value in ((1, cost), (2, line), (6, about)):
            if value:
                text_cell(sheet, number, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv(document: ProjectDocument, scenario: Scenario) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(COLUMNS)
    for cost, line, about in template_rows(document, scenario):
        # A spreadsheet would read a text starting with '=' as a formula.
        safe = "'" + about if about.startswith(FORMULA_START) else about
        writer.writerow([cost, line, "", "", "", safe])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
