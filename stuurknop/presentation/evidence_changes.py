"""How the evidence and monitoring read in the log: a piece of evidence needed before the
decision, an indicator and a measurement, declared like the other entities of
:mod:`stuurknop.presentation.changes`."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
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
    word,
)
from stuurknop.presentation.change_words import EntityWords, fields_of, known
from stuurknop.presentation.numbers import measured
from stuurknop.projectfile.evidence import EvidenceNeed, Indicator, Measurement
from stuurknop.projectfile.schema import LogChange, LogEntity


def _knobs(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(knob(k, context) for k in value)


def _file(value: Any, context: Context) -> str:
    if not isinstance(value, dict):
        return "geen"
    return f"'{quoted(str(value.get('name', '')))}'"


def _plain_text(value: Any, context: Context) -> str:
    return "geen" if value is None or value == "" else str(value)


def _figure(value: Any, context: Context) -> str:
    """A measured figure as stored (``"6.4"``) → ``6,4``."""
    if value is None or value == "":
        return "geen"
    try:
        return measured(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


def _measurement_summary(data: Mapping[str, Any], context: Context) -> str:
    return f"{_figure(data.get('value'), context)} op {date(data.get('date'), context)}"


def _route(value: Any, context: Context) -> str:
    if value is None:
        return "geen"
    try:
        return context.model.route(str(value)).name
    except KeyError:
        return "een route die er niet meer is"


def _named(kind: str, field: str) -> Any:
    def name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
        said = name_of(known(change, data, field))
        return f"{kind} '{quoted(said)}'" if said else kind

    return name


def _measurement(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    indicator = (change.key or "").split("/")[0]
    return f"Meting van indicator '{quoted(indicator)}'"


def _summary(field: str) -> Any:
    def say(data: Mapping[str, Any], context: Context) -> str:
        return quoted(str(data.get(field, "")))

    return say


_NEED = fields_of(
    EvidenceNeed,
    {
        "kind": word("evidence_kind"),
        "description": text,
        "route": _route,
        "location": text,
        "gatherer": party,
        "due": or_absent("geen", date),
        "status": word("evidence_status"),
        "finding": text,
        "link": or_absent("geen", _plain_text),
        "file": _file,
    },
    long=("finding",),
)
_INDICATOR = fields_of(
    Indicator,
    {
        "name": text,
        "library": or_absent("geen", _plain_text),
        "route": _route,
        "unit": text,
        "direction": word("indicator_direction"),
        "baseline": _figure,
        "baseline_date": or_absent("geen", date),
        "target": _figure,
        "target_date": or_absent("geen", date),
        "frequency": word("measurement_frequency"),
        "owner": party,
        "data_source": text,
        "knobs": _knobs,
    },
)
_MEASUREMENT = fields_of(
    Measurement,
    {"date": date, "value": _figure, "note": text, "origin": word("measurement_source")},
)

EVIDENCE_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.EVIDENCE_NEED: EntityWords(
        _named("Bewijs", "description"), _NEED, _summary("description"), ("description",)
    ),
    LogEntity.INDICATOR: EntityWords(
        _named("Indicator", "name"), _INDICATOR, _summary("name"), ("name",)
    ),
    LogEntity.MEASUREMENT: EntityWords(_measurement, _MEASUREMENT, _measurement_summary),
}
