"""The residents' questionnaire: its management and the public form: their part of the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    return {}
