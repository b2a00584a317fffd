"""The building stones of :mod:`stuurknop.presentation.changes`: how a field and an entity of the
log are said, declared once per entity."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from stuurknop.presentation.change_values import Context, Format, field_label, plain
from stuurknop.projectfile.errors import field_titles
from stuurknop.projectfile.schema import LogChange


@dataclass(frozen=True)
class FieldWords:
    """How one field of an entity reads: its label and how a value is said.

    ``long``: a text that is not printed in full (the sentence says it changed).
    """

    label: str
    format: Format
    long: bool = False


@dataclass(frozen=True)
class EntityWords:
    """How one entity of the log is said: its name, its fields, what an added one says."""

    name: Callable[[LogChange, Mapping[str, Any], Context], str]
    fields: Mapping[str, FieldWords]
    summary: Callable[[Mapping[str, Any], Context], str] | None = None
    named_by: tuple[str, ...] = ()  # the fields a writer keeps in ``about`` to name it later


# --- the entities -----------------------------------------------------------------------------


def fields_of(
    schema: type[BaseModel],
    formats: Mapping[str, Format],
    *,
    labels: Mapping[str, str] | None = None,
    long: tuple[str, ...] = (),
) -> dict[str, FieldWords]:
    """How the fields of ``schema`` read: each labelled with the schema's title (or, for a
    field the sentence words differently, from ``labels``), said by its ``formats`` entry; a
    field without one (just added to the schema) is said plainly."""
    titles = {**field_titles(schema), **(labels or {})}
    return {
        name: FieldWords(titles.get(name, field_label(name)), format, name in long)
        for name, format in {**dict.fromkeys(schema.model_fields, plain), **formats}.items()
    }


def known(change: LogChange, data: Mapping[str, Any], name: str) -> Any:
    """A naming field as the change knows it: the writer's snapshot, else the entity's data."""
    return change.about.get(name, data.get(name))
