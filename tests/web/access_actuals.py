"""Realised money: its part of the access table.

Every member sees planned against realised and may download the template; bewerkers and
beheerders enter, change, delete and import amounts (the page takes its form's POST itself: a
reader's POST is refused there, tested in test_actuals.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "actuals_page": Access("lezer"),
    "actual_edit": Access("bewerker", editable=True),
    "actual_delete": Access("bewerker", method="POST", editable=True),
    "actuals_upload": Access("bewerker", method="POST", editable=True),
    "actuals_template": Access("lezer"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """An amount spent in the world's scenario Basis, and the template's format."""
    from stuurknop.web.projects.services.actuals import actual_create

    scenario = project.scenarios.get(name="Basis")
    actual = actual_create(
        scenario=scenario, by=people["anna"], cost_item="k1", year=2025, amount=Decimal("100")
    )
    return {"actual_id": actual.pk, "fmt": "xlsx"}
