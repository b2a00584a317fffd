"""Perspectives (own views, reveal, divergence): their part of the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    # Who gave a view (every member), and a party's own view: the form and saving it.
    "perspectives_page": Access("lezer"),
    "perspective_edit": Access("bewerker", editable=True),
    # Showing every party's answers, and hiding them again for a new round.
    "perspectives_reveal": Access("beheerder", method="POST", editable=True),
    "perspectives_hide": Access("beheerder", method="POST", editable=True),
    # The divergence page, and putting a difference on the agenda (an empty body: 400).
    "divergence_page": Access("lezer"),
    "agenda_point_add": Access("bewerker", method="POST", editable=True),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    return {}
