"""Writing the money workbook's cells: text from a project that stays text, the header
row, the lists (where each sits, as a :class:`Span`) with their totals, and money formats.

The sheets themselves, and what they say, are :mod:`stuurknop.reports.excel`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from stuurknop.charts.xml_text import xml_text
from stuurknop.engine.money import MoneyOverTime

EURO = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
TOTAL_FILL = PatternFill("solid", fgColor="F3F3F3")
# A text starting with one of these is a formula (or a DDE link) to a spreadsheet program
# the moment someone edits the cell; the quote prefix keeps it text even then.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Span:
    """Where a list's data sits: rows ``first``–``last`` (one empty row when the list is empty)
    and the column of its first year."""

    sheet: str
    first: int
    last: int
    year_col: int

    def column(self, col: int, *, absolute_col: bool = True) -> str:
        letter = get_column_letter(col)
        dollar = "$" if absolute_col else ""
        return f"'{self.sheet}'!{dollar}{letter}${self.first}:{dollar}{letter}${self.last}"

    def year(self, i: int) -> str:
        return self.column(self.year_col + i, absolute_col=False)


def text_cell(ws: Worksheet, row: int, column: int, text: str) -> Cell:
    """Put ``text`` from the project in a cell as text: never a formula, never a number.

    openpyxl makes a formula of any string that starts with ``=``; the cell's type is set back
    to text after the value, and a text that a spreadsheet would read as a formula on editing
    (``=``, ``+``, ``-``, ``@``, a leading tab or line break) gets Excel's quote prefix.
    """
    cell = ws.cell(row=row, column=column)
    cell.value = xml_text(text)
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def write_row(ws: Worksheet, row: int, values: Sequence[object]) -> None:
    """``values`` in ``row`` from column A: texts by :func:`text_cell`, numbers as numbers."""
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            text_cell(ws, row, column, value)
        elif value is not None:
            ws.cell(row=row, column=column, value=value)


def list_range(span: Span, last_col: int) -> str:
    return f"'{span.sheet}'!$A${span.first - 1}:${get_column_letter(last_col)}${span.last}"


def header(ws: Worksheet, labels: Sequence[str], widths: Sequence[float]) -> None:
    ws.append(list(labels))
    for col, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"  # repeated on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def year_columns(years: Sequence[int], prefix: str = "") -> list[str]:
    return [f"{prefix}{y}" for y in years]


def list_totals(ws: Worksheet, span: Span, count: int, label_col: int = 1) -> None:
    """A SUM row under a list, two rows below its last data row, and a SUM column beside it."""
    total_col = span.year_col + count
    for row in range(span.first, span.last + 1):
        first, last = get_column_letter(span.year_col), get_column_letter(total_col - 1)
        cell = ws.cell(row=row, column=total_col, value=f"=SUM({first}{row}:{last}{row})")
        cell.number_format = EURO
    row = span.last + 2
    ws.cell(row=row, column=label_col, value="Totaal").font = BOLD
    for col in range(span.year_col, total_col + 1):
        letter = get_column_letter(col)
        cell = ws.cell(row=row, column=col, value=f"=SUM({letter}{span.first}:{letter}{span.last})")
        cell.number_format, cell.font, cell.fill = EURO, BOLD, TOTAL_FILL
    ws.auto_filter.ref = f"A1:{get_column_letter(total_col)}{span.last}"


def row_sum(ws: Worksheet, row: int, first_col: int, count: int) -> None:
    first, last = get_column_letter(first_col), get_column_letter(first_col + count - 1)
    cell = ws.cell(row=row, column=first_col + count, value=f"=SUM({first}{row}:{last}{row})")
    cell.number_format, cell.font = EURO, BOLD


def money_format(ws: Worksheet, span: Span, columns: list[int], count: int) -> None:
    for row in range(span.first, span.last + 1):
        for col in [*columns, *range(span.year_col, span.year_col + count)]:
            ws.cell(row=row, column=col).number_format = EURO


def totals_check(
    ws: Worksheet, row: int, money: MoneyOverTime, corners: list[str], *, sheet: str
) -> dict[str, str]:
    """The grand totals as formulas beside the engine's figures, and their difference."""
    ws.cell(
        row=row, column=1, value="Controle: totalen volgens de formules en volgens Stuurknop"
    ).font = BOLD
    row += 1
    for col, label in enumerate(["", "Totaal", "Formule", "Stuurknop", "Verschil"], start=1):
        ws.cell(row=row, column=col, value=label).font = BOLD
    cost, covered, gap, paid = corners
    checks = [
        ("Totaal_kosten", "Kosten", f"={cost}", money.total_costs),
        ("Totaal_financiering", "Financiering", f"={paid}", money.total_funding),
        (
            "Totaal_niet_gedekt",
            "Niet gedekt in het jaar van de kosten",
            f"={gap}",
            money.total_uncovered,
        ),
        (
            "Totaal_overschot",
            "Overschot (financiering boven de kosten)",
            f"={paid}-{covered}",
            money.total_surplus,
        ),
    ]
    names = {}
    for name, label, formula, engine in checks:
        row += 1
        ws.cell(row=row, column=2, value=label)
        ws.cell(row=row, column=3, value=formula).number_format = EURO
        ws.cell(row=row, column=4, value=engine).number_format = EURO
        ws.cell(row=row, column=5, value=f"=ROUND(C{row}-D{row},2)").number_format = EURO
        names[name] = f"'{sheet}'!$C${row}"
    # What is not covered in its year splits in two (stuurknop.engine.money_items): money that
    # never comes within the horizon and money that comes later than the cost. The split needs
    # every item's whole horizon at once, so these two are Stuurknop's figures, not formulas.
    for name, label, engine in (
        ("Totaal_tekort", "waarvan tekort (geld dat niet komt)", money.total_shortfall),
        ("Totaal_later", "waarvan geld dat later komt dan de kosten", money.total_timing_gap),
    ):
        row += 1
        ws.cell(row=row, column=2, value=label)
        ws.cell(row=row, column=4, value=engine).number_format = EURO
        names[name] = f"'{sheet}'!$D${row}"
    return names
