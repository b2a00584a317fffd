"""Realised money from a file: CSV or Excel, one row per amount, the first row naming the
columns (in any order; other columns are ignored):

- ``kostenpost``: for money spent, the cost item's id or its description;
- ``financiering``: for money received, the funding line's id (the template lists them);
- ``jaar``: a year within the project's horizon;
- ``bedrag``: euros, with at most two decimals (``1234,50``, ``1.234,50``, ``1234.50``);
- ``notitie``: free text, may be empty or left out;
- ``omschrijving``: what the row is about, for people; not read.

Fill in ``kostenpost`` or ``financiering``, not both. A row without ``jaar`` and ``bedrag`` is
skipped (the template's rows not filled in). Every row is checked; each bad row gets a Dutch
error with its row and column, and a file with any error stores nothing (:func:`read_actuals`
returns the errors and no rows then). An amount for a cost item or funding line and year that
is already recorded replaces it (:func:`stuurknop.web.projects.services.actuals.actuals_import`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import TypeAdapter, ValidationError

from stuurknop.projectfile.fields import Money, ShortText
from stuurknop.web.projects.table_files import (
    RowError,
    TableUnreadable,
    empty,
    header,
    number,
    read_table,
    whole,
)

COST, FUNDING, YEAR, AMOUNT, NOTE, ABOUT = (
    "kostenpost",
    "financiering",
    "jaar",
    "bedrag",
    "notitie",
    "omschrijving",
)
COLUMNS = (COST, FUNDING, YEAR, AMOUNT, NOTE, ABOUT)
REQUIRED = (YEAR, AMOUNT)
_MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)
_NOTE: TypeAdapter[str] = TypeAdapter(ShortText)


@dataclass(frozen=True)
class ActualRow:
    row: int
    cost_item: str | None
    funding_line: str | None
    year: int
    amount: Decimal
    note: str


@dataclass(frozen=True)
class Read:
    rows: tuple[ActualRow, ...]
    errors: tuple[RowError, ...]


@dataclass(frozen=True)
class Known:
    """What a row may name: the scenario's cost items (id and lower-case description → id; a
    description two items share is not accepted) and funding lines (ids), and the horizon."""

    costs: dict[str, str]
    lines: frozenset[str]
    years: range


def read_actuals(name: str, data: bytes, known: Known) -> Read:
    """The actuals in the file ``name``; with any error, no rows."""
    try:
        cells = read_table(name, data)
    except TableUnreadable as exc:
        return Read((), (exc.error,))
    return actual_rows(cells, known)


def actual_rows(cells: Sequence[Sequence[Any]], known: Known) -> Read:
    if not cells:
        return Read((), (RowError(1, "-", "het bestand is leeg"),))
    names = header(cells[0])
    missing = [c for c in (*REQUIRED, COST) if c not in names]
    if FUNDING in names and COST in missing:
        missing.remove(COST)
    if missing:
        return Read(
            (), tuple(RowError(1, c, "deze kolom ontbreekt in de eerste rij") for c in missing)
        )
    at = {c: names.index(c) for c in COLUMNS if c in names}
    rows: list[ActualRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str | None, str | None, int], int] = {}
    for number_, row in enumerate(cells[1:], start=2):

        def cell(column: str, row: Sequence[Any] = row) -> Any:
            index = at.get(column)
            return row[index] if index is not None and index < len(row) else None

        if empty(cell(YEAR)) and empty(cell(AMOUNT)):
            continue  # empty, or a template row not filled in
        found = _row(number_, cell, known)
        if isinstance(found, list):
            errors += found
            continue
        key = (found.cost_item, found.funding_line, found.year)
        if key in seen:
            column = COST if found.cost_item else FUNDING
            errors.append(
                RowError(number_, column, f"voor dit jaar staat al een bedrag in rij {seen[key]}")
            )
            continue
        seen[key] = number_
        rows.append(found)
    return Read(() if errors else tuple(rows), tuple(errors))


def _row(row: int, cell: Any, known: Known) -> ActualRow | list[RowError]:
    errors: list[RowError] = []
    cost_text = "" if empty(cell(COST)) else str(cell(COST)).strip()
    line_text = "" if empty(cell(FUNDING)) else str(cell(FUNDING)).strip()
    cost = line = None
    if cost_text and line_text:
        errors.append(
            RowError(row, FUNDING, "vul óf een kostenpost óf een financiering in, niet allebei")
        )
    elif not cost_text and not line_text:
        errors.append(RowError(row, COST, "vul een kostenpost of een financiering in"))
    elif cost_text:
        cost = known.costs.get(cost_text) or known.costs.get(cost_text.lower())
        if cost is None:
            errors.append(RowError(row, COST, f"onbekende kostenpost '{cost_text}'"))
    elif line_text not in known.lines:
        errors.append(RowError(row, FUNDING, f"onbekende financiering '{line_text}'"))
    else:
        line = line_text
    year = None
    try:
        year = whole(cell(YEAR))
    except (TypeError, ValueError):
        errors.append(RowError(row, YEAR, "vul een jaartal in, zoals 2026"))
    if year is not None and year not in known.years:
        first, last = known.years[0], known.years[-1]
        errors.append(
            RowError(row, YEAR, f"{year} valt buiten de looptijd van het project ({first}–{last})")
        )
    amount = None
    try:
        amount = _MONEY.validate_python(number(cell(AMOUNT)))
    except (InvalidOperation, TypeError, ValueError, ValidationError):
        errors.append(
            RowError(
                row,
                AMOUNT,
                "vul een bedrag in euro in van 0 tot 1 miljard, met hoogstens twee decimalen",
            )
        )
    note = ""
    try:
        note = _NOTE.validate_python("" if empty(cell(NOTE)) else str(cell(NOTE)))
    except ValidationError:
        errors.append(RowError(row, NOTE, "de notitie is langer dan 2.000 tekens"))
    if errors or year is None or amount is None:
        return errors
    return ActualRow(row, cost, line, year, amount, note)
