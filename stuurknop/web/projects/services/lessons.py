"""Writes to a project's lessons and to its scale-up assessment.

A lesson is a row of the project (``LESSON_ROW``) written by the same row machinery as the
decisions: the item checked by its class of the project file, the whole project validated, the
change logged as data. The scale-up assessment is one per project, kept as its validated data on
the project; its version is a fingerprint of the data the editor saw, so a save over someone
else's newer assessment is a conflict and nothing is overwritten.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile.schema import LogEntity, ScaleUp
from stuurknop.web.projects.entities import LESSON_ROW
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Lesson, Project
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.log import entity_added, field_changes
from stuurknop.web.projects.services.meetings import create_row, delete_row, recorded, update_row
from stuurknop.web.projects.services.validation import party_by_key, validate_item

SCALE_UP_WHAT = "Het oordeel over opschalen"


@transaction.atomic
def lesson_create(*, project: Project, by: User, **given: Any) -> Lesson:
    """A new lesson (the document's fields: ``title``, ``happened``, ``learned``, ``knobs``,
    ``themes``, ``date``, ``shared``)."""
    require_editable(by, project)
    lesson, added = create_row(LESSON_ROW, project, project, given)
    recorded(project, by, f"{LESSON_ROW.logged_as(lesson)} toegevoegd", [added])
    return lesson  # type: ignore[no-any-return]


@transaction.atomic
def lesson_update(*, lesson: Lesson, by: User, expected_version: int, **given: Any) -> Lesson:
    """Save ``given`` over the lesson as the editor saw it at ``expected_version``."""
    project = lesson.project
    require_editable(by, project)
    what = LESSON_ROW.logged_as(lesson)
    changes = update_row(
        LESSON_ROW, lesson, project, expected_version=expected_version, given=given
    )
    recorded(project, by, f"{what} gewijzigd", changes)
    return lesson


@transaction.atomic
def lesson_delete(*, lesson: Lesson, by: User, expected_version: int) -> None:
    project = lesson.project
    require_editable(by, project)
    what = LESSON_ROW.logged_as(lesson)
    removed = delete_row(LESSON_ROW, lesson, expected_version=expected_version)
    recorded(project, by, f"{what} verwijderd", [removed])


def scale_up_version(data: Any) -> int:
    """The version of a stored assessment as an editor sees it: 0 when there is none."""
    if data is None:
        return 0
    return zlib.crc32(json.dumps(data, sort_keys=True).encode()) or 1


@transaction.atomic
def scale_up_save(
    *, project: Project, by: User, expected_version: int, **given: Any
) -> dict[str, Any]:
    """Record the partners' assessment (``conditions``, ``elsewhere``, ``verdict``,
    ``reasons``, ``date``, ``decided_by``): checked by its class and against the project's
    parties, the whole project validated, the change logged field by field."""
    require_editable(by, project)
    locked = Project.objects.select_for_update().get(pk=project.pk)
    old = locked.scale_up
    current = scale_up_version(old)
    if current != expected_version:
        raise Conflict(
            what=SCALE_UP_WHAT, expected_version=expected_version, current_version=current
        )
    item = validate_item(ScaleUp, {**(old or {}), **given})
    for party in item.decided_by:
        party_by_key(project, party, field="decided_by")
    new = item.model_dump(mode="json")
    locked.scale_up = new
    locked.save(update_fields=["scale_up"])
    project.scale_up = new
    if old is None:
        changes = [entity_added(entity=LogEntity.SCALE_UP, key=None, data=new)]
    else:
        changes = field_changes(entity=LogEntity.SCALE_UP, key=None, old=old, new=new)
    recorded(project, by, f"{SCALE_UP_WHAT} vastgelegd", changes)
    return new
