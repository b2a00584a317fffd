"""The shared end of every edit: the whole project must still validate, and the change is logged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User

from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.models.fields import Versioned
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.log import log_change
from stuurknop.web.projects.services.validation import validate_project


def change_recorded(
    *,
    scenario: Scenario,
    by: User,
    what: str,
    entity: LogEntity,
    key: str,
    old: Any,
    new: Any,
) -> None:
    """Validate the project after a change of ``entity`` ``key`` in ``scenario`` and log its
    fields ``old`` → ``new`` (the document's data) under "<what> gewijzigd"."""
    validate_project(scenario.project)
    log_change(
        project=scenario.project,
        by=by,
        what=f"{what} gewijzigd",
        entity=entity,
        key=key,
        scenario=scenario.name,
        old=old,
        new=new,
    )


def update_recorded(
    row: Versioned,
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    what: str,
    changes: dict[str, Any],
    data: Callable[[Any], Any],
    entity: LogEntity,
    key: str,
    logged_as: str | None = None,
) -> None:
    """Save ``changes`` to ``row`` as the editor saw it at ``expected_version``, then record it.

    ``data`` turns the row into the document's form, for the old and new value in the log.
    ``what`` names the row in a conflict; ``logged_as`` names it in the log when that differs
    (a funding line's conflict names its id, its log line the cost item it pays for).
    """
    check_version(row, expected_version=expected_version, what=what)
    old = data(row)
    update_locked(row, expected_version=expected_version, what=what, changes=changes)
    change_recorded(
        scenario=scenario,
        by=by,
        what=logged_as or what,
        entity=entity,
        key=key,
        old=old,
        new=data(row),
    )
