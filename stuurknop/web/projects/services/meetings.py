"""Writes to the meetings and their agendas: a meeting, its points in order, their minutes.

Every write checks the writer's role, validates the item with its class of the project file and
then the whole project, and logs the change as data (entities ``meeting`` and ``agenda_point``;
a point is keyed ``<meeting id>/<point id>`` in the log). A write names only the fields it
changes: the others keep what the row holds (minutes are saved without re-sending the title).
Decisions and actions are in :mod:`.decisions`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import ProtectedError

from stuurknop.projectfile.schema import LogChange, LogEntity
from stuurknop.web.projects.entities import (
    AGENDA_POINT,
    DECISION,
    MEETING,
    MEETING_ROW,
    PARTY,
    POINT,
    Row,
    RowEntity,
    row_data,
    row_values,
)
from stuurknop.web.projects.models import AgendaPoint, Decision, Meeting, Project
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.keys import free_key, next_position
from stuurknop.web.projects.services.locking import check_version, delete_locked, update_locked
from stuurknop.web.projects.services.log import (
    entity_added,
    entity_removed,
    field_changes,
    log_append,
)
from stuurknop.web.projects.services.validation import (
    invalid,
    party_by_key,
    validate_item,
    validate_project,
)


def log_key(entity: RowEntity, row: Row) -> str:
    """The row's key in the log: its id, for a point ``<meeting id>/<point id>``."""
    if entity is AGENDA_POINT:
        return f"{row.meeting.key}/{row.key}"
    return str(row.key)


def resolver(project: Project, meeting: str | None) -> Any:
    """Finds the rows a meeting's, point's, decision's or action's ids name; a point is looked
    up in ``meeting`` (the item's own meeting)."""

    def resolve(names: str, field: str, key: str | None) -> Any:
        if key is None:
            return None
        if names == PARTY:
            return party_by_key(project, key, field=field)
        if names == MEETING:
            found: Any = Meeting.objects.filter(project=project, key=key).first()
            what = f"onbekend overleg {key!r}"
        elif names == POINT:
            found = AgendaPoint.objects.filter(
                meeting__project=project, meeting__key=meeting, key=key
            ).first()
            what = f"onbekend agendapunt {key!r}"
        elif names == DECISION:
            found = Decision.objects.filter(project=project, key=key).first()
            what = f"onbekend besluit {key!r}"
        else:
            raise ValueError(names)
        if found is None:
            raise invalid(field, what)
        return found

    return resolve


def checked(
    entity: RowEntity, project: Project, data: Mapping[str, Any]
) -> tuple[dict[str, Any], Any]:
    """The column values of ``data`` (the whole item, as the document names its fields) once
    its class in the project file accepts it, and the validated item."""
    item = validate_item(entity.schema, dict(data))
    return row_values(entity, item, resolver(project, data.get("meeting"))), item


def create_row(
    entity: RowEntity, owner: Project | Meeting, project: Project, given: Mapping[str, Any]
) -> tuple[Row, LogChange]:
    """A new row of ``entity`` at the end of ``owner``'s list, and the change that adds it."""
    rows = entity.rows(owner)
    values, _item = checked(entity, project, {"id": free_key(rows, entity.prefix), **given})
    owned = {"meeting": owner} if isinstance(owner, Meeting) else {"project": owner}
    row: Row = entity.model._default_manager.create(**owned, position=next_position(rows), **values)
    return row, entity_added(
        entity=entity.log, key=log_key(entity, row), data=row_data(entity, row)
    )


def update_row(
    entity: RowEntity,
    row: Row,
    project: Project,
    *,
    expected_version: int,
    given: Mapping[str, Any],
) -> list[LogChange]:
    """Save ``given`` over what ``row`` holds, if nobody saved it since ``expected_version``;
    the changes of its fields."""
    what = entity.named(row)
    check_version(row, expected_version=expected_version, what=what)
    old = row_data(entity, row)
    values, _item = checked(entity, project, {**old, **given, "id": row.key})
    update_locked(row, expected_version=expected_version, what=what, changes=values)
    return field_changes(
        entity=entity.log, key=log_key(entity, row), old=old, new=row_data(entity, row)
    )


def delete_row(entity: RowEntity, row: Row, *, expected_version: int) -> LogChange:
    """Delete ``row``; one that others still come from (``entity.in_use``) is refused."""
    removed = entity_removed(
        entity=entity.log, key=log_key(entity, row), data=row_data(entity, row)
    )
    try:
        with transaction.atomic():
            delete_locked(row, expected_version=expected_version, what=entity.named(row))
    except ProtectedError:
        assert entity.in_use is not None
        raise invalid(*entity.in_use) from None
    return removed


def recorded(project: Project, by: User, what: str, changes: list[LogChange]) -> None:
    """Validate the whole project after a write, then log it (a save that changed nothing is
    not worth a line)."""
    validate_project(project)
    if changes:
        log_append(project=project, by=by, what=what, changes=changes)


# --- meetings --------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(*, project: Project, by: User, **given: Any) -> Meeting:
    """A new meeting (``title``, ``date``, ``place``) of ``project``, without points yet."""
    require_editable(by, project)
    meeting, added = create_row(MEETING_ROW, project, project, given)
    recorded(project, by, f"{MEETING_ROW.logged_as(meeting)} toegevoegd", [added])
    return meeting  # type: ignore[no-any-return]


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, expected_version: int, **given: Any) -> Meeting:
    project = meeting.project
    require_editable(by, project)
    what = MEETING_ROW.logged_as(meeting)
    changes = update_row(
        MEETING_ROW, meeting, project, expected_version=expected_version, given=given
    )
    recorded(project, by, f"{what} gewijzigd", changes)
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting, by: User, expected_version: int) -> None:
    """Delete a meeting with its agenda; one that decisions or actions came from stays."""
    project = meeting.project
    require_editable(by, project)
    what = MEETING_ROW.logged_as(meeting)
    points = [
        entity_removed(
            entity=AGENDA_POINT.log, key=log_key(AGENDA_POINT, p), data=row_data(AGENDA_POINT, p)
        )
        for p in meeting.points.all()
    ]
    removed = delete_row(MEETING_ROW, meeting, expected_version=expected_version)
    recorded(project, by, f"{what} verwijderd", [*points, removed])


# --- agenda points ---------------------------------------------------------------------------


@transaction.atomic
def point_add(*, meeting: Meeting, by: User, **given: Any) -> AgendaPoint:
    """A new point at the end of ``meeting``'s agenda (``title``, ``explanation``, ``origin``,
    ``knob``, ``value``, ``brought_by`` as the document names them)."""
    project = meeting.project
    require_editable(by, project)
    point, added = create_row(AGENDA_POINT, meeting, project, given)
    recorded(
        project, by, f"{AGENDA_POINT.logged_as(point)} op de agenda van {meeting.title!r}", [added]
    )
    return point  # type: ignore[no-any-return]


@transaction.atomic
def point_update(
    *, point: AgendaPoint, by: User, expected_version: int, **given: Any
) -> AgendaPoint:
    """Change a point: what it is about, or during the meeting its minutes and outcome."""
    project = point.meeting.project
    require_editable(by, project)
    what = AGENDA_POINT.logged_as(point)
    changes = update_row(
        AGENDA_POINT, point, project, expected_version=expected_version, given=given
    )
    recorded(project, by, f"{what} gewijzigd", changes)
    return point


@transaction.atomic
def point_move(*, point: AgendaPoint, by: User, expected_version: int, up: bool) -> bool:
    """Move a point one place up (or down) the agenda; False when it is first (last) already."""
    meeting = point.meeting
    project = meeting.project
    require_editable(by, project)
    what = AGENDA_POINT.named(point)
    check_version(point, expected_version=expected_version, what=what)
    points = list(meeting.points.all())
    index = next(i for i, p in enumerate(points) if p.pk == point.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(points):
        return False
    before = [p.title for p in points]
    points[index], points[other] = points[other], points[index]
    for position, row in enumerate(points):
        if row.position != position or row.pk == point.pk:
            version = expected_version if row.pk == point.pk else row.version
            update_locked(
                row,
                expected_version=version,
                what=AGENDA_POINT.named(row),
                changes={"position": position},
            )
    change = field_changes(
        entity=LogEntity.MEETING,
        key=meeting.key,
        old={"title": meeting.title, "points": before},
        new={"points": [p.title for p in points]},
    )
    direction = "omhoog" if up else "omlaag"
    recorded(project, by, f"{AGENDA_POINT.logged_as(point)} {direction} op de agenda", change)
    return True


@transaction.atomic
def point_delete(*, point: AgendaPoint, by: User, expected_version: int) -> None:
    """Take a point off the agenda; one that decisions or actions came from stays."""
    project = point.meeting.project
    require_editable(by, project)
    what = AGENDA_POINT.logged_as(point)
    removed = delete_row(AGENDA_POINT, point, expected_version=expected_version)
    recorded(project, by, f"{what} van de agenda gehaald", [removed])


__all__ = [
    "checked",
    "create_row",
    "delete_row",
    "log_key",
    "meeting_create",
    "meeting_delete",
    "meeting_update",
    "point_add",
    "point_delete",
    "point_move",
    "point_update",
    "recorded",
    "resolver",
    "update_row",
]
