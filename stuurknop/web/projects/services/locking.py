"""Optimistic locking: write a row only if nobody saved it since the editor loaded it."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models.fields import Versioned


def update_locked(
    row: Versioned, *, expected_version: int, what: str, changes: dict[str, Any]
) -> None:
    """Write ``changes`` to ``row`` if its stored version is still ``expected_version``.

    One ``UPDATE … WHERE id = … AND version = …`` decides, so two concurrent saves cannot both
    win, whatever the database's isolation level; the loser gets :class:`Conflict`. ``row`` is
    updated in memory too, with its new version.
    """
    model = type(row)
    updated = model._default_manager.filter(pk=row.pk, version=expected_version).update(
        **changes, version=F("version") + 1
    )
    if updated != 1:
        raise _conflict(row, expected_version, what)
    for field, value in changes.items():
        setattr(row, field, value)
    row.version = expected_version + 1


def delete_locked(row: Versioned, *, expected_version: int, what: str) -> None:
    """Delete ``row`` if its stored version is ``expected_version``, else :class:`Conflict`."""
    deleted, _by_model = (
        type(row)._default_manager.filter(pk=row.pk, version=expected_version).delete()
    )
    if not deleted:
        raise _conflict(row, expected_version, what)


def check_version(row: Versioned, *, expected_version: int, what: str) -> None:
    """Fail early (before any other write) when the loaded row is already stale."""
    if row.version != expected_version:
        raise Conflict(what=what, expected_version=expected_version, current_version=row.version)


def _conflict(row: Versioned, expected_version: int, what: str) -> Conflict:
    current = type(row)._default_manager.filter(pk=row.pk).values_list("version", flat=True).first()
    return Conflict(what=what, expected_version=expected_version, current_version=current or 0)
