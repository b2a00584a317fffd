"""Appending to a project's log: every write says who did what, and which changes it made.

A line keeps ``what`` (an event or decision in words: "Scenario 'Basis' toegevoegd") and its
changes as data (:class:`~stuurknop.projectfile.schema.LogChange`): an entity, its key in the
project file, the action, and per changed field the old and new value as the document holds them.
The field-level diff is made here, once, for every writer; the words are made when the log is
read (:mod:`stuurknop.presentation.changes`), so a better sentence later improves old lines too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from stuurknop.presentation.changes import naming_fields
from stuurknop.projectfile.schema import (
    LOG_VALUE_LENGTH,
    ChangeAction,
    LogChange,
    LogEntity,
)
from stuurknop.projectfile.text import clean_lines, clean_text
from stuurknop.web.projects.models import LogEntry, Project

Data = Mapping[str, Any]


def display_name(user: User) -> str:
    """How a person is named in the log: full name, else the user name."""
    name = clean_text(user.get_full_name()).strip() or clean_text(user.get_username()).strip()
    return name[:200] or "?"


def log_append(
    *,
    project: Project,
    by: User,
    what: str,
    scenario: str = "",
    changes: Sequence[LogChange] = (),
) -> LogEntry:
    """Append one entry. Log texts are Dutch whatever the writer's interface language: the log
    is part of the project document that all partners share and export.
    """
    return LogEntry.objects.create(
        project=project,
        at=timezone.now(),
        who=display_name(by),
        user=by,
        what=clean_lines(what),
        scenario=clean_lines(scenario),
        changes=[c.model_dump(mode="json") for c in changes],
    )


def log_change(
    *,
    project: Project,
    by: User,
    what: str,
    entity: LogEntity,
    key: str | None,
    old: Data,
    new: Data,
    scenario: str = "",
) -> LogEntry | None:
    """Log the fields of ``new`` that differ from ``old``; a save that changed nothing is not
    worth a line (None)."""
    changes = field_changes(entity=entity, key=key, old=old, new=new)
    if not changes:
        return None
    return log_append(project=project, by=by, what=what, scenario=scenario, changes=changes)


def field_changes(*, entity: LogEntity, key: str | None, old: Data, new: Data) -> list[LogChange]:
    """One ``changed`` change per field of ``new`` whose value differs in ``old``.

    ``old`` and ``new`` are the entity's data as the project document holds it. Each change
    keeps the fields that name the entity (:func:`~stuurknop.presentation.changes.naming_fields`)
    as they were before, so a renamed cost item's line still says which one it was.
    """
    about = _about(entity, old)
    return [
        _change(entity, key, ChangeAction.CHANGED, about, field=name, old=old.get(name), new=value)
        for name, value in new.items()
        if old.get(name) != value
    ]


def entity_added(*, entity: LogEntity, key: str | None, data: Data) -> LogChange:
    """The change that adds ``data`` (the whole entity, as the document holds it)."""
    return _change(entity, key, ChangeAction.ADDED, {}, new=dict(data))


def entity_removed(*, entity: LogEntity, key: str | None, data: Data) -> LogChange:
    """The change that removes the entity that held ``data``."""
    return _change(entity, key, ChangeAction.REMOVED, {}, old=dict(data))


def _about(entity: LogEntity, data: Data) -> dict[str, Any]:
    return {name: data[name] for name in naming_fields(entity) if name in data}


def _change(
    entity: LogEntity,
    key: str | None,
    action: ChangeAction,
    about: Data,
    *,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> LogChange:
    return LogChange(
        entity=entity,
        key=key,
        action=action,
        field=field,
        old=_bounded(old),
        new=_bounded(new),
        about={k: _bounded(v) for k, v in about.items()},
    )


def _bounded(value: Any) -> Any:
    """``value`` as plain JSON data that always fits the document's log.

    Every entity's fields fit :data:`LOG_VALUE_LENGTH` by design; should one ever not, its
    longest texts are shortened (marked as such) rather than writing a line the project
    document would refuse, which would make the whole project unreadable.
    """
    value = json.loads(_json(value))  # Decimals and dates as the document writes them
    limit = LOG_VALUE_LENGTH
    while len(_json(value)) > LOG_VALUE_LENGTH and limit > 1:
        limit //= 2
        value = _shortened(value, limit)
    return value


def _shortened(value: Any, limit: int) -> Any:
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit] + " … (ingekort)"
    if isinstance(value, list):
        return [_shortened(v, limit) for v in value]
    if isinstance(value, dict):
        return {k: _shortened(v, limit) for k, v in value.items()}
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
