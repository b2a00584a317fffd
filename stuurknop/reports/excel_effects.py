"""The sheet "Effecten in geld" of the money workbook: per party per year what it pays and the
expected benefits that land with it (at the project's rate, and those marked risk-free apart),
the discount factors as formulas from the rate and base year cells, and each party's present
values and net present value as SUMPRODUCT formulas — so a controller can change the rate and
see every present value follow. The figures per year are the engine's
(:mod:`stuurknop.engine.effects`); the present values are the sheet's own formulas, which
equal the engine's."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from stuurknop.engine.effects import EffectsResult
from stuurknop.presentation.blocks import PlanTable
from stuurknop.projectfile.effects import RISK_FREE_RATE
from stuurknop.reports.excel_cells import BOLD, EURO, TOTAL_FILL, header, text_cell, write_row

SHEET = "Effecten in geld"
RATE, RISK_FREE, BASE = "$B$2", "$B$3", "$B$4"
FIRST_ROW = 9  # the first party's first row
ROWS = ("betaalt", "baat", "baat (risicovrij)", "netto contante waarde")


def effects_sheet(
    wb: Workbook,
    result: EffectsResult,
    risk_free: set[str],
    estimates: PlanTable | None = None,
) -> None:
    """The sheet for ``result``; ``risk_free`` names the effects discounted at −1 %;
    ``estimates`` (the presentation's table, each proxy said in words) goes below the parties."""
    ws = wb.create_sheet(SHEET)
    years = list(result.years)
    n = len(years)
    header(
        ws,
        ["Partij", "Wat", *[str(y) for y in years], "Contante waarde"],
        [30, 24, *[13] * n, 18],
    )
    write_row(ws, 2, ["Discontovoet (reëel)", result.rate])
    write_row(ws, 3, ["Discontovoet risicovrij", float(RISK_FREE_RATE) / 100])
    write_row(ws, 4, ["Basisjaar", result.base_year])
    for row in (2, 3):
        ws.cell(row=row, column=2).number_format = "0.00%"
    text_cell(ws, 6, 2, "Jaar")
    text_cell(ws, 7, 2, "Factor")
    text_cell(ws, 8, 2, "Factor risicovrij")
    for i, year in enumerate(years):
        col = get_column_letter(3 + i)
        ws.cell(row=6, column=3 + i, value=year)
        ws.cell(row=7, column=3 + i, value=f"=1/(1+{RATE})^({col}$6-{BASE})")
        ws.cell(row=8, column=3 + i, value=f"=1/(1+{RISK_FREE})^({col}$6-{BASE})")
    last = get_column_letter(2 + n)
    pv_col = 3 + n
    row = FIRST_ROW
    for party in (*result.parties, result.total):
        normal = [0.0] * n
        sure = [0.0] * n
        members = result.parties if party is result.total else (party,)
        for flow in result.flows:
            if not any(flow.party == p.party for p in members):
                continue
            target = sure if flow.effect in risk_free else normal
            for year, amount in zip(flow.years, flow.amounts("expected"), strict=True):
                target[year - result.base_year] += amount
        figures = ([float(p) for p in party.paid], normal, sure)
        name = "Project als geheel" if party is result.total else party.name or "(geen)"
        for k, values in enumerate(figures):
            write_row(ws, row + k, [name, ROWS[k]])
            for i, value in enumerate(values):
                ws.cell(row=row + k, column=3 + i, value=round(value, 2)).number_format = EURO
            factors = f"$C$8:${last}$8" if k == 2 else f"$C$7:${last}$7"
            cell = ws.cell(
                row=row + k,
                column=pv_col,
                value=f"=SUMPRODUCT(C{row + k}:{last}{row + k},{factors})",
            )
            cell.number_format = EURO
        write_row(ws, row + 3, [name, ROWS[3]])
        pv = get_column_letter(pv_col)
        cell = ws.cell(row=row + 3, column=pv_col, value=f"={pv}{row + 1}+{pv}{row + 2}-{pv}{row}")
        cell.number_format, cell.font, cell.fill = EURO, BOLD, TOTAL_FILL
        row += len(ROWS) + 1
    if estimates is not None:
        _estimates(ws, row + 1, estimates)


def _estimates(ws: Worksheet, row: int, table: PlanTable) -> None:
    """The effect estimates as the pages say them: a caption, its columns, then its rows."""
    text_cell(ws, row, 1, table.caption).font = BOLD
    write_row(ws, row + 1, list(table.columns))
    for column in range(1, len(table.columns) + 1):
        ws.cell(row=row + 1, column=column).font = BOLD
    for i, cells in enumerate(table.rows, start=row + 2):
        write_row(ws, i, list(cells))


def party_rows(result: EffectsResult) -> dict[str, int]:
    """The first row of each party's block (and the project's, under ``*``)."""
    names = [p.party for p in result.parties] + ["*"]
    return {party: FIRST_ROW + i * (len(ROWS) + 1) for i, party in enumerate(names)}
