"""Writes to a project's perspectives (each party's own view) and residents' input.

Both are lists stored on the project row (``Project.perspectives``, ``Project.resident_input``)
in the document's own JSON shape. Appends lock the project row first, so two sessions closing
at once cannot drop each other's results; the whole document is validated before the
transaction commits (a perspective of a party the project does not have is refused).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from stuurknop.document import schema as doc
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.validation import validate_item, validate_project


def _require_open(by: User, project: Project, role: Role) -> None:
    require_role(by, project, role)
    if project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def _locked(project: Project) -> Project:
    """The project row, locked for this transaction (PostgreSQL; SQLite writes one at a time)."""
    return Project.objects.select_for_update().get(pk=project.pk)


@transaction.atomic
def perspectives_add(
    *,
    project: Project,
    by: User,
    perspectives: Sequence[doc.Perspective],
    what: str,
    role: Role = Role.BEHEERDER,
) -> Project:
    """Append ``perspectives`` (e.g. a closed live session's results) and log ``what``.

    ``role`` is the least project role ``by`` needs (the facilitator: beheerder).
    """
    _require_open(by, project, role)
    row = _locked(project)
    added = [validate_item(doc.Perspective, p.model_dump()) for p in perspectives]
    row.perspectives = [*row.perspectives, *(p.model_dump(mode="json") for p in added)]
    row.save(update_fields=["perspectives"])
    validate_project(row)
    log_append(
        project=row,
        by=by,
        what=what,
        new={"perspectieven": [p.party for p in added]},
    )
    project.perspectives = row.perspectives
    return row


@transaction.atomic
def resident_input_add(
    *, project: Project, by: User, resident_input: doc.ResidentInput, what: str
) -> Project:
    """Append the residents' aggregated answers (a questionnaire taken in by a beheerder)."""
    _require_open(by, project, Role.BEHEERDER)
    row = _locked(project)
    checked = validate_item(doc.ResidentInput, resident_input.model_dump())
    row.resident_input = [*row.resident_input, checked.model_dump(mode="json")]
    row.save(update_fields=["resident_input"])
    validate_project(row)
    log_append(
        project=row,
        by=by,
        what=what,
        new={"respondenten": checked.respondents},
    )
    project.resident_input = row.resident_input
    return row
