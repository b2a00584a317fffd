"""How realised money reads in the log (:class:`stuurknop.projectfile.schema.Actual`), declared
like the other entities of :mod:`stuurknop.presentation.changes`: ``Uitgegeven in 2026 aan
kostenpost 'Huur' toegevoegd: € 1.200``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stuurknop.presentation.change_values import (
    Context,
    cost_item_ref,
    money,
    name_of,
    number,
    or_absent,
    text,
)
from stuurknop.presentation.change_words import EntityWords, fields_of, known
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogChange, LogEntity


def _funding_line(value: Any, context: Context) -> str:
    return "geen" if value is None else "een financieringsregel"


def _name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    item, year = known(change, data, "cost_item"), name_of(known(change, data, "year"))
    when = f" in {year}" if year else ""
    if item is not None:
        return f"Uitgegeven{when} aan {cost_item_ref(item, context)}"
    return f"Ontvangen{when}"


def _summary(data: Mapping[str, Any], context: Context) -> str:
    return money(data.get("amount"), context)


_ACTUAL = fields_of(
    doc.Actual,
    {
        "id": text,
        "cost_item": or_absent("geen", cost_item_ref),
        "funding_line": _funding_line,
        "year": number,
        "amount": money,
        "note": text,
    },
)

ACTUAL_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.ACTUAL: EntityWords(_name, _ACTUAL, _summary, ("cost_item", "year")),
}
