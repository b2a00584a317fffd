"""An organisation's strategy: its part of the access table.

Role ``organisation``: the members of the world's organisation (anna's, Woonstichting Matrix)
get in; every other signed-in person gets 404, as for a project they are not in. The comparison
names a partner: bram's care organisation, which sits at the world's project table with it.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "strategy_page": Access("organisation"),
    "strategy_edit": Access("organisation"),
    "strategy_history": Access("organisation"),
    "strategy_compare": Access("organisation"),
    "strategy_export": Access("organisation"),
    # An empty body is refused with 400 (no file), which shows access was granted.
    "strategy_import": Access("organisation", method="POST"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Seat anna's and bram's organisations at the project's table; the partner's slug."""
    anna = people["anna"].memberships.get().organisation
    bram = people["bram"].memberships.get().organisation
    project.parties.filter(key="woco").update(organisation=anna)
    project.parties.filter(key="zorg").update(organisation=bram)
    return {"organisation_slug": anna.slug, "other_slug": bram.slug}
