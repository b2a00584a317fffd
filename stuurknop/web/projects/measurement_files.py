"""Measurements from a file: CSV or Excel with the columns ``indicator``, ``datum``, ``waarde``
and ``notitie`` (the first row names them; ``notitie`` may be left out).

- ``indicator``: the indicator's id or its name, as the evidence page shows them;
- ``datum``: ``2025-03-31`` or ``31-03-2025`` (an Excel date cell too);
- ``waarde``: a number, with a decimal comma or point (``7,5``);
- ``notitie``: free text, may be empty.

Every row is checked; each bad row gets a Dutch error with its row and column, and a file with
any error stores nothing (:func:`read_measurements` returns the errors and no rows then).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from stuurknop.projectfile.evidence import Measurement

COLUMNS = ("indicator", "datum", "waarde", "notitie")
REQUIRED = ("indicator", "datum", "waarde")
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2_000
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return f"Rij {self.row}, kolom {self.column}: {self.message}"


@dataclass(frozen=True)
class Read:
    rows: tuple[tuple[str, dict[str, Any]], ...]  # (indicator id, measurement fields)
    errors: tuple[RowError, ...]


def _cells_csv(data: bytes) -> list[list[Any]]:
    text = data.decode("utf-8-sig")
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _cells_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
    book.close()
    return rows


def _date(cell: Any) -> dt.date:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    dutch = _DUTCH_DATE.match(text)
    if dutch:
        return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    return dt.date.fromisoformat(text)


def _number(cell: Any) -> Decimal:
    if isinstance(cell, bool):
        raise InvalidOperation
    if isinstance(cell, int | float):
        return Decimal(str(cell))
    text = str(cell).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return Decimal(text)


def _empty(cell: Any) -> bool:
    return cell is None or str(cell).strip() == ""


def read_measurements(name: str, data: bytes, indicators: Mapping[str, str]) -> Read:
    """The measurements in the file ``name`` with ``data``; ``indicators`` maps every id and
    lower-cased name a row may use to the indicator's id."""
    if len(data) > MAX_FILE_BYTES:
        return Read((), (RowError(0, "-", "het bestand is groter dan 2 MB"),))
    lower = name.lower()
    try:
        if lower.endswith(".xlsx"):
            cells = _cells_xlsx(data)
        elif lower.endswith(".csv"):
            cells = _cells_csv(data)
        else:
            return Read((), (RowError(0, "-", "kies een .csv- of .xlsx-bestand"),))
    except Exception:
        return Read((), (RowError(0, "-", "dit bestand is niet te lezen als CSV of Excel"),))
    return _rows(cells, indicators)


def _rows(cells: Sequence[Sequence[Any]], indicators: Mapping[str, str]) -> Read:
    if not cells:
        return Read((), (RowError(1, "-", "het bestand is leeg"),))
    header = [str(c).strip().lower() if c is not None else "" for c in cells[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return Read(
            (),
            tuple(RowError(1, c, "deze kolom ontbreekt in de eerste rij") for c in missing),
        )
    at = {c: header.index(c) for c in COLUMNS if c in header}
    rows: list[tuple[str, dict[str, Any]]] = []
    errors: list[RowError] = []
    body = list(enumerate(cells[1:], start=2))
    if len(body) > MAX_ROWS:
        return Read((), (RowError(MAX_ROWS + 2, "-", f"meer dan {MAX_ROWS} rijen"),))
    for number, row in body:

        def cell(column: str, row: Sequence[Any] = row) -> Any:
            index = at.get(column)
            return row[index] if index is not None and index < len(row) else None

        if all(_empty(c) for c in row):
            continue
        errors_before = len(errors)
        key = str(cell("indicator") or "").strip()
        indicator = indicators.get(key) or indicators.get(key.lower())
        if not key:
            errors.append(RowError(number, "indicator", "vul de indicator in"))
        elif indicator is None:
            errors.append(RowError(number, "indicator", f"onbekende indicator '{key}'"))
        fields: dict[str, Any] = {}
        try:
            fields["date"] = _date(cell("datum"))
        except (ValueError, TypeError):
            errors.append(RowError(number, "datum", "geen datum; schrijf 2025-03-31 of 31-03-2025"))
        try:
            fields["value"] = _number(cell("waarde"))
        except (InvalidOperation, ValueError):
            errors.append(RowError(number, "waarde", "geen getal; schrijf bijvoorbeeld 7,5"))
        note = cell("notitie")
        fields["note"] = "" if _empty(note) else str(note)
        if len(errors) == errors_before:
            errors.extend(_declared_errors(number, fields))
        if len(errors) == errors_before and indicator is not None:
            rows.append((indicator, fields))
    if errors:
        return Read((), tuple(errors))
    if not rows:
        return Read((), (RowError(2, "-", "het bestand heeft geen metingen"),))
    return Read(tuple(rows), ())


_COLUMN_OF = {"date": "datum", "value": "waarde", "note": "notitie"}


def _declared_errors(number: int, fields: dict[str, Any]) -> Iterable[RowError]:
    """The measurement checked by its declaration (the date's years, the value's size)."""
    try:
        Measurement.model_validate(fields)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "-"
            yield RowError(number, _COLUMN_OF.get(field, field), _dutch(error))


def _dutch(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "timestamp_range":
        return "de datum moet tussen 1990 en 2100 liggen"
    if kind in {"less_than_equal", "greater_than_equal"}:
        return "dit getal is te groot of te klein"
    if kind == "decimal_max_places":
        return "ten hoogste 6 cijfers achter de komma"
    if kind == "string_too_long":
        return "deze tekst is te lang"
    return "deze waarde klopt niet"


def template_workbook(indicators: Sequence[tuple[str, str]]) -> bytes:
    """An Excel file to fill in: the columns, and one example row per indicator (id, name)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Metingen"
    sheet.append(list(COLUMNS))
    today = dt.date.today().isoformat()
    for indicator_id, _name in indicators or [("indicator-id", "")]:
        sheet.append([indicator_id, today, None, ""])
    for column, width in zip("ABCD", (28, 14, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
