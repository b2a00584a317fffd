"""Writes to the decisions and actions, and both at once from one agenda point.

A decision or action made from a point keeps where it came from (``meeting`` and ``point``);
one taken outside a meeting has none. Each write checks the writer's role, validates the item by
its class of the project file and then the whole project, and logs its changes as data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.projectfile.schema import ActionStatus, LogChange
from stuurknop.web.projects.entities import ACTION_ROW, DECISION_ROW
from stuurknop.web.projects.models import Action, AgendaPoint, Decision, Project
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.meetings import create_row, delete_row, recorded, update_row


@transaction.atomic
def decision_create(*, project: Project, by: User, **given: Any) -> Decision:
    """A new decision (the document's fields: ``title``, ``why``, ``decided_by``, ``date``, …)."""
    require_editable(by, project)
    decision, added = create_row(DECISION_ROW, project, project, given)
    recorded(project, by, f"{DECISION_ROW.logged_as(decision)} genomen", [added])
    return decision  # type: ignore[no-any-return]


@transaction.atomic
def decision_update(
    *, decision: Decision, by: User, expected_version: int, **given: Any
) -> Decision:
    project = decision.project
    require_editable(by, project)
    what = DECISION_ROW.logged_as(decision)
    changes = update_row(
        DECISION_ROW, decision, project, expected_version=expected_version, given=given
    )
    recorded(project, by, f"{what} gewijzigd", changes)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, by: User, expected_version: int) -> None:
    project = decision.project
    require_editable(by, project)
    what = DECISION_ROW.logged_as(decision)
    removed = delete_row(DECISION_ROW, decision, expected_version=expected_version)
    recorded(project, by, f"{what} verwijderd", [removed])


@transaction.atomic
def action_create(*, project: Project, by: User, **given: Any) -> Action:
    """A new action (``title``, ``owner_party`` or ``owner_person``, ``due``, ``status``, …)."""
    require_editable(by, project)
    action, added = create_row(ACTION_ROW, project, project, given)
    recorded(project, by, f"{ACTION_ROW.logged_as(action)} toegevoegd", [added])
    return action  # type: ignore[no-any-return]


@transaction.atomic
def action_update(*, action: Action, by: User, expected_version: int, **given: Any) -> Action:
    project = action.project
    require_editable(by, project)
    what = ACTION_ROW.logged_as(action)
    changes = update_row(
        ACTION_ROW, action, project, expected_version=expected_version, given=given
    )
    recorded(project, by, f"{what} gewijzigd", changes)
    return action


def action_done(*, action: Action, by: User, expected_version: int, done: bool = True) -> Action:
    """Mark an action done (or open again): one click on the list."""
    status = ActionStatus.KLAAR if done else ActionStatus.OPEN
    return action_update(
        action=action, by=by, expected_version=expected_version, status=status.value
    )


@transaction.atomic
def action_delete(*, action: Action, by: User, expected_version: int) -> None:
    project = action.project
    require_editable(by, project)
    what = ACTION_ROW.logged_as(action)
    removed = delete_row(ACTION_ROW, action, expected_version=expected_version)
    recorded(project, by, f"{what} verwijderd", [removed])


@transaction.atomic
def point_follow_up(
    *,
    point: AgendaPoint,
    by: User,
    decision: Mapping[str, Any] | None = None,
    actions: Sequence[Mapping[str, Any]] = (),
) -> tuple[Decision | None, list[Action]]:
    """From one agenda point, in one step: a decision and/or actions, each keeping the point
    it came from; the actions belong to the decision made with them. All or nothing: one bad
    field stores none of them (its error names the action by its number, ``acties.2.due``)."""
    meeting = point.meeting
    project = meeting.project
    require_editable(by, project)
    if decision is None and not actions:
        raise DocumentInvalid([DocumentError("", "", "vul een besluit of een actie in")])
    origin = {"meeting": meeting.key, "point": point.key}
    changes: list[LogChange] = []
    made: Decision | None = None
    if decision is not None:
        made, added = create_row(DECISION_ROW, project, project, {**decision, **origin})
        changes.append(added)
    created: list[Action] = []
    for number, given in enumerate(actions, start=1):
        link = {"decision": made.key} if made is not None else {}
        try:
            action, added = create_row(ACTION_ROW, project, project, {**given, **origin, **link})
        except DocumentInvalid as exc:
            raise DocumentInvalid(
                [
                    DocumentError(
                        f"actie{number}.{e.path}", f"actie {number}, {e.location}", e.message
                    )
                    for e in exc.errors
                ]
            ) from None
        created.append(action)
        changes.append(added)
    what = "Besluit" if made and not created else "Acties" if not made else "Besluit en acties"
    recorded(project, by, f"{what} bij agendapunt {point.title!r}", changes)
    return made, created
