"""Meetings (agenda, minutes, decisions, actions): their part of the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside):
a meeting with one agenda point and one action made from it.

Every member sees the meetings and the decisions (the agenda is shared with the partners before
the meeting, readers included); bewerkers and beheerders write. A POST with an empty body is
refused with 400 or answered with a redirect, never stored.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "meetings_page": Access("lezer"),
    "meeting_page": Access("lezer"),
    "meeting_edit": Access("bewerker", editable=True),
    "point_create": Access("bewerker", method="POST", editable=True),
    "point_reorder": Access("bewerker", method="POST", editable=True),
    "point_minutes": Access("bewerker", method="POST", editable=True),
    # Removing a point: the world's point has an action, so the POST is refused (a redirect).
    "point_remove": Access("bewerker", method="POST", editable=True),
    "point_follow_up": Access("bewerker", editable=True),
    "point_edit": Access("bewerker", editable=True),
    "decision_edit": Access("bewerker", editable=True),
    "action_edit": Access("bewerker", editable=True),
    "decisions_page": Access("lezer"),
    "action_done": Access("bewerker", method="POST", editable=True),
    "checks_agenda_add": Access("bewerker", method="POST", editable=True),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    from stuurknop.web.projects.services.decisions import point_follow_up
    from stuurknop.web.projects.services.meetings import meeting_create, point_add

    meeting = meeting_create(project=project, by=people["anna"], title="Matrixoverleg")
    point = point_add(meeting=meeting, by=people["anna"], title="Matrixpunt", knob=4)
    decision, [action] = point_follow_up(
        point=point,
        by=people["anna"],
        decision={"title": "Matrixbesluit", "date": "2026-12-10"},
        actions=[{"title": "Matrixactie"}],
    )
    assert decision is not None
    return {
        "meeting_id": meeting.pk,
        "point_id": point.pk,
        "decision_id": decision.pk,
        "action_id": action.pk,
    }
