"""What every renderer takes and gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Paper = Literal["A4", "A3", "A1"]
MAX_FREE_CHOICE = 60  # an id of the project file is at most this long


class DocumentError(ValueError):
    """A document cannot be made from this input (e.g. an unknown format or scenario)."""


@dataclass(frozen=True)
class Options:
    """How to render. ``today`` is the date printed on the cover (fixed in tests); ``blank``
    gives empty worksheets for a paper session; ``paper`` is the poster's size; ``meeting`` the
    id of the meeting whose agenda is made (empty: the next one)."""

    today: dt.date = field(default_factory=dt.date.today)
    blank: bool = False
    paper: Paper = "A3"
    meeting: str = ""
    version: str = ""  # the agreement's version number (empty: the latest)

    def choosing(self, chosen: Mapping[str, str]) -> Options:
        """These options with the choices of a format's :class:`FormatOption` s, by name (each
        checked against its declared choices by :meth:`FormatOption.choose` first)."""
        values: dict[str, Any] = dict(chosen)
        return dataclasses.replace(self, **values)


@dataclass(frozen=True)
class FormatOption:
    """One choice a format offers, declared once (as pretix's exporters declare their form
    fields): the command line's ``--<name>``, the download's query parameter and the documents
    page's field are all made from it."""

    name: str  # the Options field it sets, and the flag: "paper" → --paper
    query: str  # the download's query parameter (Dutch): "papier"
    label: str  # the field's label on the documents page: "Papierformaat"
    help: str  # the command line's help text
    choices: tuple[str, ...]  # empty: the choice is one of the project's own (a meeting's id),
    default: str  # checked by the renderer, which knows the project

    def choose(self, given: str | None) -> str | None:
        """The choice ``given`` names (in any case); the default for None; None if unknown. An
        option without fixed choices takes any short id (the renderer says if it is unknown)."""
        if given is None:
            return self.default
        if not self.choices:
            chosen = given.strip()
            return chosen if len(chosen) <= MAX_FREE_CHOICE and chosen.isprintable() else None
        return next((c for c in self.choices if c.casefold() == given.strip().casefold()), None)

    def refusal(self, given: str) -> str:
        """What a person is told about a choice that is not offered."""
        if not self.choices:
            return f"Onbekend {self.label.lower()} {given[:MAX_FREE_CHOICE]!r}."
        return f"Onbekend {self.label.lower()} {given!r}; kies {' of '.join(self.choices)}."


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
