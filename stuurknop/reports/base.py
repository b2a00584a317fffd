"""What every renderer takes and gives."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Paper = Literal["A4", "A3", "A1"]


class DocumentError(ValueError):
    """A document cannot be made from this input (e.g. an unknown format or scenario)."""


@dataclass(frozen=True)
class Options:
    """How to render. ``today`` is the date printed on the cover (fixed in tests); ``blank``
    gives empty worksheets for a paper session; ``paper`` is the poster's size."""

    today: dt.date = field(default_factory=dt.date.today)
    blank: bool = False
    paper: Paper = "A3"


@dataclass(frozen=True)
class Rendered:
    filename: str
    content_type: str
    content: bytes


def file_stem(*parts: str) -> str:
    """A safe, readable file name stem: ``Stuurknop-plan Thuisflat (Basis)`` →
    ``stuurknop-plan-thuisflat-basis``. ASCII only, so every browser and mail client keeps it."""
    text = "-".join(parts)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:120] or "stuurknop"
