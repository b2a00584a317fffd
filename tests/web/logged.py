"""What a log entry stored, for tests: its changes by field, or the data added or removed."""

from __future__ import annotations

from typing import Any

from stuurknop.web.projects.models import LogEntry


def changed(entry: LogEntry) -> dict[str, tuple[Any, Any]]:
    """``{field: (old, new)}`` of the entry's ``changed`` changes."""
    return {c["field"]: (c["old"], c["new"]) for c in entry.changes if c["action"] == "changed"}


def added(entry: LogEntry) -> dict[str, Any]:
    """The data of the entity the entry added (its only change)."""
    [change] = entry.changes
    assert change["action"] == "added"
    return dict(change["new"])


def removed(entry: LogEntry) -> dict[str, Any]:
    """The data of the entity the entry removed (its only change)."""
    [change] = entry.changes
    assert change["action"] == "removed"
    return dict(change["old"])
