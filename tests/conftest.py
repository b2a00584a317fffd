"""Shared fixtures: the shipped model, and a builder for small, valid project documents.

A test says only what matters to it; everything else gets a plain default. Knob settings are
written as ``{4: 2, 10: "uit"}`` (a number is 'aan' at that opening), interests as
``{"woco": {"goed_wonen": 3}}``, cost items and funding lines as dicts with only the fields the
test is about. Defaults: the project runs 2025–2029 with the parties in ``PARTIES``; a cost item
is ``k1``, ``k2`` … at knob 1, € 1.000 per year from 2025, structural; a funding line is ``f1``,
``f2`` … for € 1.000 towards ``k1``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest

from stuurknop.gespreksmodel import Model, load_model
from stuurknop.projectfile import ProjectDocument, parse_document
from stuurknop.projectfile.schema import SCHEMA_VERSION

FIRST_YEAR = 2025
HORIZON = 5  # 2025–2029

# The four WWZ partners and the residents, each at the table.
PARTIES: Mapping[str, str] = {
    "woco": "woningcorporatie",
    "zorg": "zorgorganisatie",
    "welzijn": "sociaal_werkorganisatie",
    "gemeente": "gemeente",
    "bewoners": "bewoners",
}

Knobs = Mapping[int, int | str | Mapping[str, Any]]


def scenario_data(
    name: str = "Basis",
    *,
    knobs: Knobs | None = None,
    costs: Iterable[Mapping[str, Any]] = (),
    funding: Iterable[Mapping[str, Any]] = (),
    interests: Mapping[str, Mapping[str, int]] | None = None,
    chosen: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """One scenario as JSON data; cost items default to per year from the first year.

    ``extra`` holds any other scenario field as JSON data, e.g. ``evidence=[...]``.
    """
    settings = []
    for knob, setting in (knobs or {}).items():
        if isinstance(setting, int):
            settings.append({"knob": knob, "status": "aan", "opening": setting})
        elif isinstance(setting, str):
            settings.append({"knob": knob, "status": setting})
        else:
            settings.append({"knob": knob, **setting})
    cost_items = [
        {
            "id": f"k{i + 1}",
            "knob": 1,
            "kind": "jaarlijks",
            "first_year": FIRST_YEAR,
            **cost,
            "description": cost.get("description", cost.get("id", f"k{i + 1}")),
            "amount": str(cost.get("amount", "1000")),
        }
        for i, cost in enumerate(costs)
    ]
    lines = [
        {"id": f"f{i + 1}", "cost_item": "k1", **line, "amount": str(line.get("amount", "1000"))}
        for i, line in enumerate(funding)
    ]
    return {
        "name": name,
        "chosen": chosen,
        "knobs": settings,
        "interests": [
            {"party": party, "value": value, "weight": weight}
            for party, weights in (interests or {}).items()
            for value, weight in weights.items()
        ],
        "costs": cost_items,
        "funding": lines,
        **extra,
    }


def project_data(
    *,
    parties: Mapping[str, str] | None = None,
    not_at_table: Iterable[str] = (),
    scenarios: list[dict[str, Any]] | None = None,
    perspectives: Iterable[Mapping[str, Any]] = (),
    resident_input: Iterable[Mapping[str, Any]] = (),
    agreements: Iterable[Mapping[str, Any]] = (),
    first_year: int = FIRST_YEAR,
    horizon_years: int = HORIZON,
    **scenario: Any,
) -> dict[str, Any]:
    """A whole project as JSON data: one scenario "Basis" from ``scenario``, or ``scenarios``."""
    absent = set(not_at_table)
    return {
        "format": "stuurknop-project",
        "schema_version": SCHEMA_VERSION,
        "model_version": "2025-concept",
        "project": {
            "name": "De Linde",
            "municipality": "Zwolle",
            "homes": 80,
            "first_year": first_year,
            "horizon_years": horizon_years,
        },
        "parties": [
            {
                "id": pid,
                "name": pid.capitalize(),
                "party_type": ptype,
                "at_table": pid not in absent,
            }
            for pid, ptype in (PARTIES if parties is None else parties).items()
        ],
        "scenarios": scenarios if scenarios is not None else [scenario_data(**scenario)],
        "perspectives": list(perspectives),
        "resident_input": list(resident_input),
        "agreements": list(agreements),
    }


def build_document(**kwargs: Any) -> ProjectDocument:
    """A fully validated document (references included) from :func:`project_data` arguments."""
    return parse_document(project_data(**kwargs))


@pytest.fixture(scope="session")
def model() -> Model:
    return load_model()


@pytest.fixture(scope="session")
def make_document() -> Callable[..., ProjectDocument]:
    return build_document


@pytest.fixture(scope="session")
def document_data() -> Callable[..., dict[str, Any]]:
    return project_data


@pytest.fixture(scope="session")
def make_scenario() -> Callable[..., dict[str, Any]]:
    return scenario_data
