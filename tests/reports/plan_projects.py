"""Projects for the plan's tests: a shipped example, a hard one and an empty one.

The hard project has what breaks documents: quotes, accents, the euro sign, an emoji, markup
in a name, a control character pasted along, a text of 20.000 characters with a word longer
than a line, and enough measurements for a table over several pages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from stuurknop.projectfile import ProjectDocument, parse_document
from stuurknop.reports import Options

Builder = Callable[..., dict[str, Any]]  # the document_data and make_scenario fixtures

TODAY = dt.date(2025, 11, 3)
OPTIONS = Options(today=TODAY)

PROJECT_NAME = 'Hof "De Eik" – Zoë & René 🏡 <b>vet</b>'
PARTY_NAME = "Stichting Café €uro ‘Ons Huis’"
MEASUREMENTS = 160


def example(name: str = "thuisflat") -> ProjectDocument:
    text = resources.files("stuurknop.examples").joinpath(f"{name}.json").read_text("utf-8")
    return parse_document(json.loads(text))


def hard_project(project_data: Builder, scenario_data: Builder) -> ProjectDocument:
    long_word = "x" * 400
    elaboration = ("Een lange uitwerking met ë, é, € en “aanhalingstekens”. " * 300)[:19_000]
    measurements = [
        {"date": (TODAY - dt.timedelta(days=i)).isoformat(), "value": str(i), "note": f"meting {i}"}
        for i in range(MEASUREMENTS)
    ]
    scenario = scenario_data(
        "Basis 🌱",
        chosen=True,
        knobs={
            1: {
                "status": "aan",
                "opening": 2,
                "lead_party": "woco",
                "elaboration": f"Eerste regel\x07 met een belletje.\n{long_word}\n{elaboration}",
                "routes": ["zorgen_voor_elkaar"],
            },
            5: 3,
        },
        costs=[{"description": "Coördinator “wijk” & <buurt>", "amount": "12345.67"}],
        funding=[{"party": "gemeente", "source": "I", "amount": "5000", "years": 2}],
        interests={"woco": {"goed_wonen": 3}, "gemeente": {"minder_zorgvraag": 2}},
        evidence=[
            {
                "value": "goed_wonen",
                "before_decision": [{"kind": "onderzoek", "description": "Enquête 😀"}],
                "indicators": [
                    {
                        "id": "tevredenheid",
                        "name": "Tevredenheid bewoners",
                        "unit": "cijfer",
                        "target": "7.5",
                        "measurements": measurements,
                    }
                ],
            }
        ],
    )
    data: dict[str, Any] = project_data(scenarios=[scenario])
    data["project"]["name"] = PROJECT_NAME
    data["project"]["description"] = "Regel één.\nRegel twee met 'quotes' & ampersand."
    data["parties"][0]["name"] = PARTY_NAME
    data["log"] = [
        {
            "at": "2025-10-01T10:00:00+02:00",
            "who": "René",
            "what": "Besluit:\nregel één\nregel twee",
            "changes": [
                {
                    "entity": "project",
                    "action": "changed",
                    "field": "phase",
                    "old": "idee",
                    "new": "plan",
                }
            ],
        }
    ]
    return parse_document(data)


def empty_project(project_data: Builder) -> ProjectDocument:
    """No parties, no knobs, no costs: a plan that says what is still missing."""
    return parse_document(project_data(parties={}))


def with_meetings() -> ProjectDocument:
    """Thuisflat with its paper trail: a held meeting with minutes (20 January 2026), the next
    one's agenda (17 March 2026), two decisions and three actions (stuurknop.examples.meetings)."""
    from stuurknop.examples.meetings import thuisflat_with_meetings

    return parse_document(thuisflat_with_meetings())
