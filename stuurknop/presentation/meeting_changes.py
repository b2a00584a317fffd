"""How the meeting's paper trail reads in the log: a meeting, an agenda point, a decision and an
action, declared like the other entities of :mod:`stuurknop.presentation.changes`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stuurknop.presentation.change_values import (
    Context,
    date,
    knob,
    name_of,
    or_absent,
    party,
    quoted,
    text,
    value_name,
    word,
)
from stuurknop.presentation.change_words import EntityWords, fields_of, known
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogChange, LogEntity


def parties(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(context.party(p) for p in value)


def knobs(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(knob(k, context) for k in value)


def count(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return f"{len(value)} gekozen"


def order(value: Any, context: Context) -> str:
    """The agenda's points in order, by their titles (a reordering logs them so)."""
    if not isinstance(value, list) or not value:
        return "geen"
    if all(isinstance(v, str) for v in value):
        return ", ".join(f"'{quoted(v)}'" for v in value)
    return f"{len(value)} punten"


def _titled(kind: str) -> Any:
    def name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
        title = name_of(known(change, data, "title"))
        return f"{kind} '{quoted(title)}'" if title else kind

    return name


def _summary(data: Mapping[str, Any], context: Context) -> str:
    return quoted(str(data.get("title", "")))


_MEETING = fields_of(
    doc.Meeting,
    {"title": text, "date": or_absent("geen", date), "place": text, "points": order},
    labels={"points": "volgorde van de agenda"},
)
_POINT = fields_of(
    doc.AgendaPoint,
    {
        "title": text,
        "explanation": text,
        "origin": word("agenda_origin"),
        "knob": knob,
        "value": or_absent("geen", value_name),
        "brought_by": party,
        "minutes": text,
        "outcome": text,
    },
    long=("explanation", "minutes", "outcome"),
)
_DECISION = fields_of(
    doc.Decision,
    {
        "title": text,
        "why": text,
        "decided_by": parties,
        "date": date,
        "review_date": or_absent("geen", date),
        "knobs": knobs,
        "cost_items": count,
        "funding_lines": count,
    },
    long=("why",),
)
_ACTION = fields_of(
    doc.Action,
    {
        "title": text,
        "owner_party": party,
        "owner_person": text,
        "due": or_absent("geen", date),
        "status": word("action_status"),
    },
)

MEETING_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.MEETING: EntityWords(_titled("Overleg"), _MEETING, _summary, ("title",)),
    LogEntity.AGENDA_POINT: EntityWords(_titled("Agendapunt"), _POINT, _summary, ("title",)),
    LogEntity.DECISION: EntityWords(_titled("Besluit"), _DECISION, _summary, ("title",)),
    LogEntity.ACTION: EntityWords(_titled("Actie"), _ACTION, _summary, ("title",)),
}
