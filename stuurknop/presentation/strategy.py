"""An organisation's positions in words: the strategy page, its history and the comparison.

Every face (the pages, the command line) says positions through these functions; the scale and
role words are the model's (``scales.yaml``), the field names the declaration's titles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from stuurknop.engine.strategy import Departure
from stuurknop.engine.strategy_compare import KnobComparison
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.reasons import sentence
from stuurknop.presentation.strategy_reasons import money
from stuurknop.projectfile.position_changes import PositionChange
from stuurknop.projectfile.positions import (
    KnobPosition,
    Positions,
    SourcePosition,
)

NO_POSITION = "geen standpunt"


@dataclass(frozen=True)
class KnobRow:
    number: int
    name: str
    how_far: str
    role: str


@dataclass(frozen=True)
class SourceRow:
    numeral: str
    name: str
    pays: str
    ceiling: str
    caveat: str


def how_far(model: Model, position: KnobPosition | None) -> str:
    """``tot stand 2 – gemiddeld``, ``uit`` or :data:`NO_POSITION`."""
    if position is None:
        return NO_POSITION
    if position.max_opening == 0:
        return model.word("opening", 0)
    return f"tot stand {model.scale('opening').numbered(position.max_opening)}"


def role(model: Model, position: KnobPosition | None) -> str:
    return NO_POSITION if position is None else model.word("position_role", position.role.value)


def ceiling(model: Model, position: SourcePosition | None) -> str:
    """``tot € 50.000 per project``, ``zonder bovengrens`` or empty when it does not pay."""
    if position is None or not position.pays:
        return ""
    if position.ceiling is None:
        return "zonder bovengrens"
    return f"tot {money(position.ceiling)} {model.word('ceiling_basis', position.basis.value)}"


def pays(position: SourcePosition | None) -> str:
    if position is None:
        return NO_POSITION
    return "ja" if position.pays else "nee"


def knob_rows(model: Model, positions: Positions) -> list[KnobRow]:
    return [
        KnobRow(
            k.number,
            k.name,
            how_far(model, positions.knob(k.number)),
            role(model, positions.knob(k.number)),
        )
        for k in model.knobs
    ]


def source_rows(
    model: Model, positions: Positions, *, all_sources: bool = False
) -> list[SourceRow]:
    """The sources the organisation's type may pay from (all with ``all_sources``)."""
    return [
        SourceRow(
            s.numeral,
            s.name,
            pays(positions.source(s.numeral)),
            ceiling(model, positions.source(s.numeral)),
            s.caveat or "",
        )
        for s in model.sources
        if all_sources
        or positions.party_type in s.party_types
        or positions.source(s.numeral) is not None
    ]


def required_partners(model: Model, positions: Positions) -> list[str]:
    names = {t.id: t.name for t in model.party_types}
    return [names.get(t, t) for t in positions.required_party_types]


# --- the history -----------------------------------------------------------------------------

# The field names of the history are the declaration's titles.
_FIELD_WORDS = {
    name: info.title or name
    for schema in (KnobPosition, SourcePosition, Positions)
    for name, info in schema.model_fields.items()
}


def _value(model: Model, field: str, value: Any) -> str:
    if value is None or value == [] or value == "":
        return "niets"
    if field == "max_opening":
        return model.word("opening", int(value))
    if field == "role":
        return model.word("position_role", str(value))
    if field == "basis":
        return model.word("ceiling_basis", str(value))
    if field == "pays":
        return "ja" if value else "nee"
    if field == "ceiling":
        return money(Decimal(str(value)))
    if field == "required_party_types":
        names = {t.id: t.name.lower() for t in model.party_types}
        return ", ".join(names.get(t, t) for t in value)
    return f"‘{value}’"


def change_sentence(model: Model, change: PositionChange) -> str:
    """``Stuurknop 3 (Ontmoetingsruimte), rol: bijdragen → trekken``."""
    if change.item == "knob":
        place = f"Stuurknop {change.key} ({model.knob(int(change.key)).name}), "
    elif change.item == "source":
        place = f"Bron {change.key}, "
    else:
        place = ""
    label = _FIELD_WORDS.get(change.field, change.field)
    label = label[:1].upper() + label[1:] if not place else label
    old, new = _value(model, change.field, change.old), _value(model, change.field, change.new)
    return f"{place}{label}: {old} → {new}"


def change_sentences(model: Model, changes: Iterable[dict[str, Any]]) -> list[str]:
    return [change_sentence(model, PositionChange.from_data(c)) for c in changes]


# --- departures and comparison ------------------------------------------------------------------


def departure_sentences(departures: Iterable[Departure]) -> list[str]:
    return [sentence(d.reason) for d in departures]


def departures_by_organisation(
    organisations: Iterable[str], departures: Iterable[Departure]
) -> list[tuple[str, list[str]]]:
    """Per organisation with positions (in the order given) the sentences of its departures;
    an organisation the project keeps to has an empty list."""
    said: dict[str, list[str]] = {name: [] for name in organisations}
    for d in departures:
        said.setdefault(d.organisation, []).append(sentence(d.reason))
    return list(said.items())


@dataclass(frozen=True)
class ComparisonRow:
    number: int
    name: str
    first: str
    second: str
    frictions: tuple[str, ...]


def comparison_rows(model: Model, rows: Iterable[KnobComparison]) -> list[ComparisonRow]:
    def said(position: KnobPosition | None) -> str:
        if position is None:
            return NO_POSITION
        return f"{how_far(model, position)}; {role(model, position)}"

    return [
        ComparisonRow(
            r.knob,
            r.name,
            said(r.first),
            said(r.second),
            tuple(sentence(f) for f in r.frictions),
        )
        for r in rows
    ]
