"""What changed between two position sets, as data: the history of an organisation's strategy.

Each change names its item (a knob by number, a source by numeral, or the whole set), the field
(as declared in :mod:`stuurknop.projectfile.positions`) and the old and new values as JSON data
(``None`` where there was none). The fields come from the declaration, so a field added there
appears in the history without touching this module; the words are the presentation's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from stuurknop.projectfile.positions import KnobPosition, Positions, SourcePosition

# Fields that say what the file is rather than what the organisation holds.
_FRAME = {"format", "format_version", "model_version", "organisation", "party_type"}


@dataclass(frozen=True)
class PositionChange:
    item: str  # "knob", "source" or "" for the set itself
    key: str  # the knob's number or the source's numeral; "" for the set
    field: str
    old: Any
    new: Any

    def as_data(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "key": self.key,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PositionChange:
        return cls(data["item"], data["key"], data["field"], data["old"], data["new"])


def _fields(item: BaseModel | None, schema: type[BaseModel], skip: str) -> dict[str, Any]:
    if item is None:
        return {name: None for name in schema.model_fields if name != skip}
    dumped = item.model_dump(mode="json")
    return {name: value for name, value in dumped.items() if name != skip}


def position_changes(old: Positions | None, new: Positions) -> list[PositionChange]:
    """Every field that differs from ``old`` to ``new``, knobs by number, then sources I–X,
    then the set's own fields (required partners, conditions)."""
    found: list[PositionChange] = []
    before = old.canonical() if old is not None else None
    after = new.canonical()
    knobs = sorted({k.knob for k in after.knobs} | {k.knob for k in (before or after).knobs})
    for number in knobs:
        was = before.knob(number) if before else None
        found += _diff("knob", str(number), was, after.knob(number), KnobPosition, "knob")
    numerals = [s.source for s in after.sources]
    numerals += [s.source for s in (before.sources if before else []) if s.source not in numerals]
    for numeral in numerals:
        was_source = before.source(numeral) if before else None
        now = after.source(numeral)
        found += _diff("source", numeral, was_source, now, SourcePosition, "source")
    old_set = before.model_dump(mode="json") if before else {}
    new_set = after.model_dump(mode="json")
    for name in Positions.model_fields:
        if name in _FRAME or name in ("knobs", "sources"):
            continue
        if old_set.get(name) != new_set[name] and (old_set or new_set[name]):
            found.append(PositionChange("", "", name, old_set.get(name), new_set[name]))
    return found


def _diff(
    item: str,
    key: str,
    old: BaseModel | None,
    new: BaseModel | None,
    schema: type[BaseModel],
    skip: str,
) -> list[PositionChange]:
    was, now = _fields(old, schema, skip), _fields(new, schema, skip)
    return [
        PositionChange(item, key, name, was[name], now[name])
        for name in was
        if was[name] != now[name]
    ]
