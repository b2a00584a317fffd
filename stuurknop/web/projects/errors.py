"""What can go wrong when people write to a project, said so that a page can explain it."""

from __future__ import annotations

from django.utils.translation import gettext as _


class Conflict(Exception):
    """Someone else saved this row after the editor loaded it (optimistic locking).

    ``current_version`` is 0 when the row no longer exists. The page shows both versions and
    asks the editor to look at the newer one before saving again; nothing was overwritten.
    """

    def __init__(self, *, what: str, expected_version: int, current_version: int) -> None:
        self.what = what
        self.expected_version = expected_version
        self.current_version = current_version
        if current_version == 0:
            message = _("%(what)s is intussen door iemand anders verwijderd.") % {"what": what}
        else:
            message = _(
                "%(what)s is intussen door iemand anders gewijzigd (jij bewerkte versie "
                "%(expected)s, opgeslagen is versie %(current)s). Bekijk de nieuwe versie en "
                "sla je wijziging daarna opnieuw op."
            ) % {"what": what, "expected": expected_version, "current": current_version}
        super().__init__(message)


class InvitationInvalid(Exception):
    """An invitation link that cannot be used; ``reason`` is unknown, expired or used."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        messages = {
            "unknown": _("Deze uitnodiging bestaat niet (meer)."),
            "expired": _("Deze uitnodiging is verlopen. Vraag om een nieuwe uitnodiging."),
            "used": _("Deze uitnodiging is al gebruikt."),
        }
        super().__init__(messages[reason])
