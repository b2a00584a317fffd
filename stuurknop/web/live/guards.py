"""What every write of a live session checks first: who may do it, and that the session is
still open (each change bumps its revision). The refusals say why in Dutch."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils.translation import gettext as _

from stuurknop.web.live.models import (
    LiveSession,
)
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role


class LiveError(Exception):
    """A refused action, with a code for scripts (PROTOCOL.md) and a Dutch message."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def closed_error() -> LiveError:
    return LiveError("closed", _("Deze sessie is gesloten. Stemmen kan niet meer."))


def removed_error() -> LiveError:
    return LiveError(
        "removed",
        _(
            "De gespreksleider heeft u uit deze sessie gehaald. Uw stemmen tellen niet mee. "
            "Denkt u dat dit een vergissing is? Zeg het tegen de gespreksleider."
        ),
    )


def require_beheerder(by: User, project: Project, *, editable: bool = False) -> None:
    require_role(by, project, Role.BEHEERDER)
    if editable and project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def bump(session: LiveSession, **changes: object) -> int:
    """Count a change of an open session; its new revision. Refused once it is closed."""
    updated = LiveSession.objects.filter(pk=session.pk, closed_at__isnull=True).update(
        revision=F("revision") + 1, **changes
    )
    if not updated:
        raise closed_error()
    revision = LiveSession.objects.values_list("revision", flat=True).get(pk=session.pk)
    session.revision = revision
    for name, value in changes.items():
        setattr(session, name, value)
    return revision
