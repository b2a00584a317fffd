"""An organisation's portfolio as an Excel workbook and as a PDF: the tables of
:mod:`stuurknop.presentation.portfolio`, one sheet (or one section) each.

The workbook holds the numbers as numbers (amounts, counts, openings 0–3) so that a strategist
can sort and sum them; every text passes ``text_cell`` (never a formula). The PDF is Typst's
(``templates/portfolio.typ``), tagged PDF/UA-1 like every document of the product.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.portfolio import PortfolioFigures, Table, portfolio_tables
from stuurknop.reports.excel_cells import header, write_row
from stuurknop.reports.typesetting import column_widths, typeset

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
LONG_ROW = 400


def _sheet_name(title: str) -> str:
    bad = set("[]:*?/\\")
    return "".join(c for c in title if c not in bad)[:31]


def portfolio_xlsx(model: Model, figures: PortfolioFigures) -> bytes:
    """The workbook: one sheet per table, headers frozen, numbers as numbers."""
    book = Workbook()
    book.remove(book.active)
    for table in portfolio_tables(model, figures):
        ws = book.create_sheet(_sheet_name(table.key.replace("-", " ").capitalize()))
        header(ws, table.headers, [max(12.0, min(40.0, len(h) + 2.0)) for h in table.headers])
        ws.freeze_panes = "B2"
        for i, row in enumerate(table.values or table.rows, start=2):
            write_row(ws, i, [float(v) if isinstance(v, Decimal) else v for v in row])
            for cell in ws[i]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if not (table.values or table.rows):
            write_row(ws, 2, [table.empty])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _pdf_table(table: Table) -> dict[str, object]:
    rows = [list(row) for row in table.rows]
    return {
        "caption": table.title,
        "columns": list(table.headers),
        "rows": rows,
        "widths": column_widths(table.headers, rows, 150),
        "long": [sum(len(cell) for cell in row) > LONG_ROW for row in rows],
        "total": False,
        "align": [],
        "empty": table.empty,
        "notes": list(table.notes),
    }


def portfolio_pdf(
    model: Model, figures: PortfolioFigures, sentences: tuple[str, ...], *, today: dt.date
) -> bytes:
    """The PDF: the head sentences, then every table (landscape A4)."""
    data = {
        "title": f"Portefeuille van {figures.organisation}",
        "description": "De projecten van een organisatie naast elkaar",
        "organisation": figures.organisation,
        "sentences": list(sentences),
        "tables": [_pdf_table(t) for t in portfolio_tables(model, figures)],
    }
    return typeset("portfolio.typ", data, today=today)
