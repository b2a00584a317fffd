"""The partners' agreement: its part of the access table.

Every member reads the agreement page; drawing up a version is an editor's (a POST to the
page). Confirming takes a member who may edit *and* speaks for a party of the version: anna
speaks for the housing corporation, bram for the care organisation, so both get in; carla (a
reader) gets 403. ``test_agreements.py`` proves that nobody confirms for another party.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "agreement_page": Access("lezer"),
    "agreement_confirm": Access("bewerker", method="POST", editable=True, data={"version": "1"}),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """A first version of the agreement, confirmed by nobody yet."""
    from stuurknop.web.projects.services.agreements import agreement_draw_up

    version = agreement_draw_up(project=project, by=people["anna"], expected_version=0)
    return {"agreement_number": version.number}
