"""A table from an uploaded file: the cells of a CSV file (comma or semicolon, UTF-8, with or
without BOM) or of the first sheet of an Excel workbook (.xlsx), and the Dutch error of one
cell with its row and column. Used by the imports of realised money (``actual_files``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5_000


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1; 0 for the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message[:1].upper() + self.message[1:] + "."
        return f"Rij {self.row}, kolom {self.column}: {self.message}."


class TableUnreadable(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


def read_table(name: str, data: bytes) -> list[list[Any]]:
    """The rows of cells of the file ``name``; :class:`TableUnreadable` for a file that is too
    large, of another kind, unreadable, or has more than :data:`MAX_ROWS` rows."""
    if len(data) > MAX_FILE_BYTES:
        raise TableUnreadable(RowError(0, "-", "het bestand is groter dan 2 MB"))
    lower = name.lower()
    try:
        if lower.endswith(".xlsx"):
            rows = _xlsx(data)
        elif lower.endswith(".csv"):
            rows = _csv(data)
        else:
            raise TableUnreadable(RowError(0, "-", "kies een .csv- of .xlsx-bestand"))
    except TableUnreadable:
        raise
    except Exception:  # any unreadable file gets the same plain answer
        raise TableUnreadable(
            RowError(0, "-", "dit bestand is niet te lezen als CSV of Excel")
        ) from None
    if len(rows) > MAX_ROWS + 1:
        raise TableUnreadable(RowError(0, "-", f"het bestand heeft meer dan {MAX_ROWS} rijen"))
    return rows


def _csv(data: bytes) -> list[list[Any]]:
    text = data.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
    finally:
        book.close()


def empty(cell: Any) -> bool:
    return cell is None or str(cell).strip() == ""


def header(row: Sequence[Any]) -> list[str]:
    """The column names of the first row, lower case, without spaces around them."""
    return [str(c).strip().lower() if c is not None else "" for c in row]


def number(cell: Any) -> Decimal:
    """A number as people write it: ``1234,5``, ``1.234,50``, ``1234.50``, ``€ 1.234``, or an
    Excel number; :class:`decimal.InvalidOperation` for anything else."""
    if isinstance(cell, bool):
        raise InvalidOperation
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return Decimal(repr(cell))
    text = str(cell).strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[1]) == 3):
        text = text.replace(".", "")  # 1.234 or 1.234.567: dots between thousands
    value = Decimal(text)
    if not value.is_finite():
        raise InvalidOperation
    return value


def whole(cell: Any) -> int:
    """A whole number (a year): ``2026``, ``2026.0`` from Excel; ValueError otherwise."""
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int):
        return cell
    return int(str(cell).strip())
