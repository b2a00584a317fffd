"""An organisation's portfolio: its part of the access table.

Role ``organisation``: the members of the world's organisation (anna's, Woonstichting Matrix)
get in; every other signed-in person gets 404 (an organisation's portfolio must not leak), as
for a project they are not in; staff get in (tests/web/portfolio/test_access.py).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "portfolio_page": Access("organisation"),
    "portfolio_excel": Access("organisation"),
    "portfolio_pdf": Access("organisation"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """The organisation anna works at, for the routes that name one."""
    return {"organisation_slug": people["anna"].memberships.get().organisation.slug}
