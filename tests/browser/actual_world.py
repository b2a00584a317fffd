"""Realised money with everything its page can show, for the page tests over every route
(``routes.APP_PAGES``): three realised years of the chosen scenario with money spent and
received (late, less, and the temporary fund stopping as planned, taken over by nobody), a note
with a long word. Returns the route value ``actual_id``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.actuals import actual_create

NOTE = "Factuur https://example.org/een/heel/lang/adres/zonder/spaties/dat/moet/afbreken"
SPENT = {
    "community-builder": {2026: "48000", 2027: "51000", 2028: "50000"},
    "inrichting": {2026: "71250.50"},
    "huurderving": {2026: "18000", 2027: "18000", 2028: "18000"},
}
RECEIVED = {
    "cb-fonds": {2027: "50000"},
    "cb-corporatie": {2026: "25000", 2027: "25000", 2028: "20000"},
    "inrichting-fonds": {2026: "40000"},
    "inrichting-corporatie": {2026: "25000"},
    "huurderving-corporatie": {2026: "18000", 2027: "18000", 2028: "18000"},
}


def actual_values(project: Project, by: Any) -> dict[str, Any]:
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    assert scenario is not None
    existing = scenario.actuals.order_by("id").first()
    if existing is not None:  # the example carries its own actuals
        return {"actual_id": existing.pk}
    costs = set(scenario.cost_items.values_list("key", flat=True))
    lines = set(scenario.funding_lines.values_list("key", flat=True))
    first = None
    for key, years in SPENT.items():
        for year, amount in years.items():
            if key in costs:
                made = actual_create(
                    scenario=scenario,
                    by=by,
                    cost_item=key,
                    year=year,
                    amount=Decimal(amount),
                    note=NOTE,
                )
                first = first or made
    for key, years in RECEIVED.items():
        for year, amount in years.items():
            if key in lines:
                actual_create(
                    scenario=scenario, by=by, funding_line=key, year=year, amount=Decimal(amount)
                )
    assert first is not None
    return {"actual_id": first.pk}
