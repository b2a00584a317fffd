"""Positions for the page tests over every route (``routes.APP_PAGES``): the housing
corporation's and the care organisation's, which sit at the example's table together, so that
the strategy pages, the comparison and the checks page's strategy section have content."""

from __future__ import annotations

from typing import Any

from stuurknop.projectfile.positions import Positions
from stuurknop.web.strategy.services import positions_save


def strategy_values(people: Any) -> dict[str, Any]:
    for organisation, by, knobs, sources in (
        (
            people.woco,
            people.anna,
            [{"knob": n, "max_opening": 1, "role": "trekken"} for n in range(1, 11)],
            [{"source": "IV", "pays": True, "ceiling": "25000.50", "basis": "per_jaar"}],
        ),
        (
            people.zorg,
            people.bram,
            [{"knob": n, "max_opening": 3, "role": "trekken"} for n in range(1, 11)],
            [{"source": "V", "pays": False}],
        ),
    ):
        positions_save(
            organisation=organisation,
            by=by,
            positions=Positions.model_validate(
                {
                    "model_version": "2025-concept",
                    "organisation": organisation.name,
                    "party_type": organisation.party_type,
                    "knobs": knobs,
                    "sources": sources,
                    "required_party_types": ["gemeente", "bewoners"],
                    "conditions": "Eerst een huurdersvereniging-die-meedenkt-en-meebeslist.",
                }
            ),
            expected_version=0,
        )
    return {"organisation_slug": people.woco.slug, "other_slug": people.zorg.slug}
