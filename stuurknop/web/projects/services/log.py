"""Appending to a project's log: every write says who did what, with the old and new values."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from stuurknop.projectfile.schema import LOG_TEXT_LENGTH
from stuurknop.projectfile.text import clean_lines, clean_text
from stuurknop.web.projects.models import LogEntry, Project


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
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
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
        old=_text(old),
        new=_text(new),
    )


def log_change(
    *,
    project: Project,
    by: User,
    what: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    scenario: str = "",
) -> LogEntry | None:
    """Log only the fields that changed; a save that changed nothing is not worth a line."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    if not keys:
        return None
    return log_append(
        project=project,
        by=by,
        what=what,
        scenario=scenario,
        old={k: old.get(k) for k in keys},
        new={k: new[k] for k in keys},
    )


def _text(values: Mapping[str, Any] | None) -> str:
    """``values`` as the log stores them: JSON that always fits the document's log field.

    Every entity's fields fit :data:`LOG_TEXT_LENGTH` by design; should one ever not, its
    longest texts are shortened (marked as such) rather than writing a line the project
    document would refuse, which would make the whole project unreadable.
    """
    if not values:
        return ""
    text = _json(values)
    if len(text) <= LOG_TEXT_LENGTH:
        return text
    shortened = dict(values)
    limit = LOG_TEXT_LENGTH // max(1, len(shortened))
    while len(text) > LOG_TEXT_LENGTH and limit > 1:
        for key, value in shortened.items():
            text_value = value if isinstance(value, str) else _json(value)
            if len(text_value) > limit:
                shortened[key] = text_value[:limit] + " … (ingekort)"
        text = _json(shortened)
        limit //= 2
    return text


def _json(values: Any) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
