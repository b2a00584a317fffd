"""A large, valid project document for benchmarks: 8 parties, 50 cost items, 100 funding lines,
a 15-year horizon, all ten knobs set, interests and perspectives for every party."""

from __future__ import annotations

import random
from typing import Any

PARTY_TYPES = [
    "woningcorporatie",
    "zorgorganisatie",
    "sociaal_werkorganisatie",
    "gemeente",
    "bewoners",
    "fonds",
    "externe_partij",
    "lokale_partij",
]
# a source each party type may pay from (sources.yaml)
SOURCE_FOR = {
    "woningcorporatie": ["IV", "V"],
    "zorgorganisatie": ["V", "VII"],
    "sociaal_werkorganisatie": ["V"],
    "gemeente": ["I", "II", "V"],
    "bewoners": ["VI", "IX"],
    "fonds": ["III"],
    "externe_partij": ["VII"],
    "lokale_partij": ["X"],
}
VALUES = ["goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier"]


def large_project(seed: int = 7, cost_items: int = 50, funding_lines: int = 100) -> dict[str, Any]:
    rnd = random.Random(seed)
    first, horizon = 2026, 15
    parties = [
        {"id": f"p{i}", "name": f"Partij {i}", "party_type": t} for i, t in enumerate(PARTY_TYPES)
    ]
    knobs = [
        {
            "knob": k,
            "status": "aan",
            "opening": rnd.randint(1, 3),
            "elaboration": f"Uitwerking {k}",
            "lead_party": f"p{rnd.randrange(4)}",
        }
        for k in range(1, 11)
    ]
    costs = []
    for i in range(cost_items):
        yearly = i % 3 != 0
        cost: dict[str, Any] = {
            "id": f"c{i}",
            "knob": 1 + i % 10,
            "description": f"Kostenpost {i}",
            "kind": "jaarlijks" if yearly else "eenmalig",
            "amount": f"{rnd.randint(1_000, 60_000)}.{rnd.randint(0, 99):02d}",
            "first_year": first + rnd.randrange(4),
        }
        if yearly and i % 2:
            cost["years"] = rnd.randint(2, 10)
        costs.append(cost)
    funding = []
    for j in range(funding_lines):
        cost = costs[j % cost_items]
        party = parties[rnd.randrange(len(parties))]
        line: dict[str, Any] = {
            "id": f"f{j}",
            "cost_item": cost["id"],
            "party": party["id"],
            "source": rnd.choice(SOURCE_FOR[party["party_type"]]),
            "amount": f"{rnd.randint(500, 30_000)}.00",
            "status": rnd.choice(["idee", "in_gesprek", "toegezegd"]),
        }
        if cost["kind"] == "jaarlijks" and j % 4 == 0:
            line["years"] = 2
        funding.append(line)
    interests = [
        {"party": p["id"], "value": v, "weight": rnd.randint(0, 3), "reason": ""}
        for p in parties
        for v in VALUES
    ]
    perspectives = [
        {
            "party": p["id"],
            "knobs": {str(k): rnd.randint(0, 3) for k in range(1, 11)},
            "values": {v: rnd.randint(0, 3) for v in VALUES},
        }
        for p in parties
    ]
    return {
        "model_version": "2025-concept",
        "project": {
            "name": "Groot project",
            "municipality": "Voorbeeldstad",
            "homes": 400,
            "first_year": first,
            "horizon_years": horizon,
        },
        "parties": parties,
        "scenarios": [
            {
                "name": "Groot",
                "chosen": True,
                "knobs": knobs,
                "interests": interests,
                "costs": costs,
                "funding": funding,
            }
        ],
        "perspectives": perspectives,
    }
