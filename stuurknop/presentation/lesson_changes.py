"""How a lesson and the scale-up assessment read in the log, declared like the other entities
of :mod:`stuurknop.presentation.changes`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stuurknop.presentation.change_values import (
    Context,
    date,
    name_of,
    or_absent,
    quoted,
    text,
    word,
    yes_no,
)
from stuurknop.presentation.change_words import EntityWords, fields_of, known
from stuurknop.presentation.meeting_changes import knobs, parties
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogChange, LogEntity


def themes(value: Any, context: Context) -> str:
    if not isinstance(value, list) or not value:
        return "geen"
    return ", ".join(str(v) for v in value)


def _lesson_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    title = name_of(known(change, data, "title"))
    return f"Les '{quoted(title)}'" if title else "Les"


def _lesson_summary(data: Mapping[str, Any], context: Context) -> str:
    return quoted(str(data.get("title", "")))


def _scale_up_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return "Oordeel over opschalen"


def _scale_up_summary(data: Mapping[str, Any], context: Context) -> str:
    verdict = data.get("verdict")
    return word("scale_up_verdict")(verdict, context) if verdict else "nog geen oordeel"


_LESSON = fields_of(
    doc.Lesson,
    {
        "title": text,
        "happened": text,
        "learned": text,
        "knobs": knobs,
        "themes": themes,
        "date": or_absent("geen", date),
        "shared": yes_no,
    },
    long=("happened", "learned"),
)
_SCALE_UP = fields_of(
    doc.ScaleUp,
    {
        "conditions": text,
        "elsewhere": text,
        "verdict": word("scale_up_verdict"),
        "reasons": text,
        "date": or_absent("geen", date),
        "decided_by": parties,
    },
    long=("conditions", "elsewhere", "reasons"),
)

LESSON_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.LESSON: EntityWords(_lesson_name, _LESSON, _lesson_summary, ("title",)),
    LogEntity.SCALE_UP: EntityWords(_scale_up_name, _SCALE_UP, _scale_up_summary),
}
