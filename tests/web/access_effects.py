"""Effects in money: their part of the access table.

Every member sees the effects page; bewerkers and beheerders add, change and delete effect
estimates and set the discount rate.
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "effects_page": Access("lezer"),
    "effect_proxies": Access("lezer"),
    "effect_add": Access("bewerker", editable=True),
    "effect_edit": Access("bewerker", editable=True),
    "effect_delete": Access("bewerker", method="POST", editable=True),
    "effect_settings": Access("bewerker", editable=True),
    "effect_proxy_add": Access("bewerker", editable=True),
    "effect_proxy_delete": Access("bewerker", method="POST", editable=True),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """One effect estimate in the scenario "Basis"."""
    from stuurknop.web.projects.services.effects import effect_save, effect_settings_save

    scenario = project.scenarios.get(name="Basis")
    party = project.parties.first()
    proxy = {"id": "matrix-kengetal", "name": "Kengetal", "unit": "per uur", "amount": "10",
             "price_year": 2025, "source": "Eigen tarief"}  # fmt: skip
    effect_settings_save(project=project, by=people["anna"], expected_version=project.version,
                         data={"proxies": [proxy]})  # fmt: skip
    effect_save(
        scenario=scenario,
        by=people["anna"],
        expected_version=scenario.version,
        effect_id=None,
        data={
            "id": "matrix-effect",
            "value": "minder_zorgvraag",
            "route": "beter_zien",
            "beneficiary": party.key,
            "low": "0",
            "expected": "1000",
            "high": "2000",
            "first_year": project.first_year,
        },
    )
    return {"effect_id": "matrix-effect", "proxy_id": "matrix-kengetal"}
