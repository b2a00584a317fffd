"""A meeting's paper trail for the Thuisflat example (fictional, like the example itself).

The shipped example files stay version 1, as they were published. This adds to Thuisflat
Parkzicht what a partner meeting leaves behind — a held meeting with its agenda and minutes,
two decisions and three actions, and the next meeting's agenda — so that the agenda, the plan's
chapter of decisions and the command line can be shown and tested on real-looking data. The
file is migrated on load (version 1 → 3); the meetings pass through untouched.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

HELD = {
    "id": "stuurgroep-januari",
    "title": "Stuurgroep Thuisflat Parkzicht",
    "date": "2026-01-20",
    "place": "Ontmoetingsruimte Parkzicht",
    "points": [
        {
            "id": "coordinator",
            "title": "Hoe lang blijft de activiteitencoördinator?",
            "explanation": "De subsidie van de gemeente loopt tot eind 2029. Wie betaalt daarna?",
            "origin": "verschillen",
            "knob": 5,
            "value": "goed_wonen",
            "brought_by": "welzijn",
            "minutes": "Welzijn wil zekerheid voor de coördinator. De gemeente kan tot eind "
            "2029 toezeggen, niet langer. Het woonbedrijf wil meebetalen als de bewoners "
            "merken dat het werkt.",
            "outcome": "Besloten: de coördinator blijft 0,6 fte; begin 2027 opnieuw bekijken.",
        },
        {
            "id": "keuken",
            "title": "De keuken van de ontmoetingsruimte",
            "explanation": "De keuken is versleten. Vernieuwen we hem dit jaar?",
            "origin": "controle",
            "knob": 2,
            "brought_by": "bewoners",
            "minutes": "De bewoners koken er elke week. Het woonbedrijf en de gemeente delen de "
            "kosten.",
            "outcome": "Besloten: de keuken wordt in 2026 vernieuwd.",
        },
        {
            "id": "beweegprogramma",
            "title": "Wensen voor het beweegprogramma",
            "origin": "hand",
            "knob": 5,
            "value": "minder_zorgvraag",
            "brought_by": "buurtsport",
            "minutes": "Buurtsport wil weten wat de bewoners willen voor het programma vastligt.",
            "outcome": "De bewonersvereniging vraagt het na.",
        },
    ],
}

NEXT = {
    "id": "stuurgroep-maart",
    "title": "Stuurgroep Thuisflat Parkzicht",
    "date": "2026-03-17",
    "place": "Ontmoetingsruimte Parkzicht",
    "points": [
        {
            "id": "subsidie",
            "title": "Stand van de subsidieaanvraag voor de coördinator",
            "origin": "hand",
            "knob": 5,
            "brought_by": "gemeente",
        },
        {
            "id": "zorgteam",
            "title": "Afstemming met het vaste zorgteam",
            "explanation": "Het zorgcentrum vertelt hoe het vaste team werkt en wat het kost.",
            "origin": "checklist",
            "knob": 7,
            "value": "efficient_werken",
            "brought_by": "zorgcentrum",
        },
    ],
}

DECISIONS = [
    {
        "id": "coordinator-blijft",
        "title": "De activiteitencoördinator blijft 0,6 fte tot eind 2029",
        "why": "De bewoners doen meer mee sinds er een coördinator is; zonder hem valt het "
        "activiteitenaanbod stil.",
        "decided_by": ["gemeente", "welzijn", "woonbedrijf"],
        "date": "2026-01-20",
        "review_date": "2027-03-01",
        "knobs": [5],
        "cost_items": ["coordinator"],
        "funding_lines": ["coordinator-gemeente"],
        "meeting": "stuurgroep-januari",
        "point": "coordinator",
    },
    {
        "id": "keuken-vernieuwen",
        "title": "De keuken van de ontmoetingsruimte wordt in 2026 vernieuwd",
        "why": "De keuken is versleten en de bewoners koken er elke week.",
        "decided_by": ["woonbedrijf", "gemeente"],
        "date": "2026-01-20",
        "review_date": "2026-09-01",
        "knobs": [2],
        "cost_items": ["keuken"],
        "funding_lines": ["keuken-woonbedrijf", "keuken-gemeente"],
        "meeting": "stuurgroep-januari",
        "point": "keuken",
    },
]

ACTIONS = [
    {
        "id": "subsidie-aanvragen",
        "title": "Subsidie voor de coördinator aanvragen tot eind 2029",
        "owner_party": "gemeente",
        "owner_person": "Anna de Vries",
        "due": "2026-03-01",
        "status": "open",
        "decision": "coordinator-blijft",
        "meeting": "stuurgroep-januari",
        "point": "coordinator",
    },
    {
        "id": "offertes-keuken",
        "title": "Drie offertes voor de keuken opvragen",
        "owner_party": "woonbedrijf",
        "due": "2026-02-15",
        "status": "klaar",
        "decision": "keuken-vernieuwen",
        "meeting": "stuurgroep-januari",
        "point": "keuken",
    },
    {
        "id": "wensen-bewoners",
        "title": "Bewoners vragen wat zij willen in het beweegprogramma",
        "owner_party": "bewoners",
        "owner_person": "Kees Jansen",
        "due": "2026-04-01",
        "status": "open",
        "meeting": "stuurgroep-januari",
        "point": "beweegprogramma",
    },
]


def thuisflat_with_meetings() -> dict[str, Any]:
    """The Thuisflat example's data with two meetings, two decisions and three actions."""
    text = resources.files(__package__).joinpath("thuisflat.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    data["meetings"] = [HELD, NEXT]
    data["decisions"] = DECISIONS
    data["actions"] = ACTIONS
    return data
