"""How effect estimates and the effect settings (discount rate, own proxies) read in the log,
declared like the other entities of :mod:`stuurknop.presentation.changes`."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from stuurknop.presentation.change_values import (
    Context,
    knob,
    name_of,
    party,
    quoted,
    text,
    value_name,
    yes_no,
)
from stuurknop.presentation.change_words import EntityWords, fields_of, known
from stuurknop.presentation.numbers import measured
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings
from stuurknop.projectfile.schema import LogChange, LogEntity


def _figure(value: Any, context: Context) -> str:
    try:
        return measured(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


def _percent(value: Any, context: Context) -> str:
    return f"{value}%"


def _route(value: Any, context: Context) -> str:
    try:
        return context.model.route(str(value)).name
    except KeyError:
        return "een route die er niet meer is"


def _knobs(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(knob(k, context) for k in value)


def _or_none(value: Any, context: Context) -> str:
    return "geen" if value is None or value == "" else str(value)


def _proxies(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(f"'{quoted(str(p.get('name', '')))}'" for p in value if isinstance(p, dict))


def _effect(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    said = name_of(known(change, data, "id")) or change.key
    return f"Effectschatting '{quoted(str(said))}'"


def _effect_summary(data: Mapping[str, Any], context: Context) -> str:
    return f"verwacht {_figure(data.get('expected'), context)} per jaar"


def _settings(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return "De instellingen voor effecten in geld"


_EFFECT = fields_of(
    EffectEstimate,
    {
        "value": value_name,
        "route": _route,
        "knobs": _knobs,
        "beneficiary": party,
        "proxy": _or_none,
        "low": _figure,
        "expected": _figure,
        "high": _figure,
        "drop_off": _percent,
        "deadweight": _percent,
        "attribution": _percent,
        "displacement": _percent,
        "risk_free": yes_no,
        "assumption": text,
        "evidence": text,
        "evidence_need": _or_none,
    },
    long=("assumption", "evidence"),
)
_SETTINGS = fields_of(
    EffectSettings, {"discount_rate": lambda v, c: f"{_figure(v, c)}%", "proxies": _proxies}
)

EFFECT_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.EFFECT: EntityWords(_effect, _EFFECT, _effect_summary, ("id",)),
    LogEntity.EFFECT_SETTINGS: EntityWords(_settings, _SETTINGS),
}
__all__ = ["EFFECT_ENTITIES"]
