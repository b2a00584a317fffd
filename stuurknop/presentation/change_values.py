"""How the values of the project file read in the log's sentences: ``€ 30.000``, ``bron III``,
a party's name for its id, a status's word from the model.

Every function takes a stored value and a :class:`Context` (the model, the project's names, the
entry's scenario) and never returns the stored data itself: an id that cannot be resolved any
more is said as such, a value of an unknown shape reads as ``gewijzigd``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import dutch_date, euro
from stuurknop.projectfile.errors import FIELD_LABELS
from stuurknop.projectfile.schema import ProjectDocument

QUOTE_CHARACTERS = 80


@dataclass(frozen=True)
class CostItemName:
    description: str
    kind: str


@dataclass(frozen=True)
class Names:
    """What a sentence needs besides the model: the project's parties (id → name) and each
    scenario's cost items ((scenario name, id) → description and kind)."""

    parties: Mapping[str, str] = field(default_factory=dict)
    cost_items: Mapping[tuple[str, str], CostItemName] = field(default_factory=dict)

    @classmethod
    def of(cls, document: ProjectDocument) -> Names:
        return cls(
            parties={p.id: p.name for p in document.parties},
            cost_items={
                (s.name, c.id): CostItemName(c.description, c.kind.value)
                for s in document.scenarios
                for c in s.costs
            },
        )


@dataclass(frozen=True)
class Context:
    model: Model
    names: Names
    scenario: str

    def party(self, party_id: Any) -> str:
        if party_id is None:
            return "geen"
        return self.names.parties.get(str(party_id), "een partij die er niet meer is")

    def cost_item(self, item_id: Any) -> CostItemName | None:
        return self.names.cost_items.get((self.scenario, str(item_id)))


Format = Callable[[Any, Context], str]


def scalar(format: Format) -> Format:
    """``format`` for a single value; a list or object where one was expected (an old file, a
    hand-made one) reads as ``gewijzigd`` instead of as data."""

    def say(value: Any, context: Context) -> str:
        if isinstance(value, list | dict):
            return "gewijzigd"
        return format(value, context)

    return say


def name_of(value: Any) -> str | None:
    """A name as stored, or None when there is no usable one."""
    return quoted(str(value)) if isinstance(value, str | int) and str(value) else None


@scalar
def text(value: Any, context: Context) -> str:
    if value is None or value == "":
        return "leeg"
    return f"'{quoted(str(value))}'"


@scalar
def date(value: Any, context: Context) -> str:
    """A date as stored (``2026-12-06``) → ``6 december 2026``; anything else as text."""
    try:
        return dutch_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return text(value, context)


@scalar
def number(value: Any, context: Context) -> str:
    return "geen" if value is None else str(value)


@scalar
def money(value: Any, context: Context) -> str:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return "onbekend bedrag"
    return euro(amount, cents=amount != amount.to_integral_value())


@scalar
def yes_no(value: Any, context: Context) -> str:
    return "ja" if value else "nee"


@scalar
def party(value: Any, context: Context) -> str:
    return context.party(value)


@scalar
def knob(value: Any, context: Context) -> str:
    return "geen" if value is None else f"stuurknop {value}"


@scalar
def source(value: Any, context: Context) -> str:
    return "geen" if value is None else f"bron {value}"


@scalar
def value_name(value: Any, context: Context) -> str:
    try:
        return context.model.value(str(value)).name
    except KeyError:
        return "een waarde die het model niet meer kent"


def routes(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    names = []
    for route in value:
        try:
            names.append(context.model.route(str(route)).name)
        except KeyError:
            names.append("een route die het model niet meer kent")
    return ", ".join(names)


@scalar
def party_type(value: Any, context: Context) -> str:
    try:
        return context.model.party_type(str(value)).name
    except KeyError:
        return "een partijtype dat het model niet meer kent"


@scalar
def cost_item_ref(value: Any, context: Context) -> str:
    item = context.cost_item(value)
    return f"kostenpost '{item.description}'" if item else "een andere kostenpost"


def word(vocabulary: str) -> Format:
    def say(value: Any, context: Context) -> str:
        if value is None:
            return "geen"
        # A model version without the word (or without words at all, as before scales.yaml)
        # still reads: the stored key as words.
        words = getattr(context.model, "word", None)
        try:
            return str(words(vocabulary, str(value))) if words else _as_words(value)
        except KeyError:
            return _as_words(value)

    return scalar(say)


def _as_words(value: Any) -> str:
    return str(value).replace("_", " ")


def or_absent(absent: str, format: Format) -> Format:
    """``format``, but ``absent`` for a value left empty (``structureel`` for no years)."""

    def say(value: Any, context: Context) -> str:
        return absent if value is None else format(value, context)

    return say


def plain(value: Any, context: Context) -> str:
    """A value no declaration describes: said when simple, else only that it changed."""
    if value is None or value == "" or value == []:
        return "leeg"
    if isinstance(value, bool):
        return yes_no(value, context)
    if isinstance(value, str | int | float):
        return quoted(str(value))
    return "gewijzigd"


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name.replace("_", " "))


def quoted(text: str) -> str:
    """At most :data:`QUOTE_CHARACTERS` characters of ``text``, on one line."""
    line = " ".join(text.split())
    if len(line) <= QUOTE_CHARACTERS:
        return line
    return line[: QUOTE_CHARACTERS - 1].rstrip() + "…"
