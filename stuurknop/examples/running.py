"""A running project to evaluate: "Ontmoetingsruimte De Esch" (fictional, like every example).

The shipped example files stay version 1, as they were published. This builds a version-3
project from the De Linde example — the same approach (a meeting room in the complex, a
community builder, a fund for the first years) — started four years earlier, in 2022, and now
in its evaluation phase. It holds what an evaluation shows: indicators from the model's library
with a baseline, a target and measurements over four years (two of them from residents' rounds),
two residents' rounds, actuals for 2022–2025 (the fund stopped as planned; the municipality's
activity budget too, and the corporation took over part of it), three lessons (two shared), a
meeting with two decisions (one reviewed, one due) and their actions, and the partners' verdict.
Every name and figure is invented for the example.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from stuurknop.examples.running_monitoring import EVIDENCE, RESIDENT_ROUNDS
from stuurknop.projectfile import parse_json, to_data

SHIFT = -4  # De Linde starts in 2026; De Esch in 2022

PROJECT = {
    "name": "Ontmoetingsruimte De Esch",
    "municipality": "Gemeente Voorbeeldstad",
    "neighbourhood": "Eschwijk",
    "homes": 120,
    "phase": "evaluatie",
    "first_year": 2022,
    "horizon_years": 10,
    "description": "Fictief voorbeeld. Een complex met 120 huurwoningen voor ouderen. Sinds 2022 "
    "is er een ontmoetingsruimte op de begane grond, buiten de huur en servicekosten. Een "
    "community builder bouwt met vrijwilligers een aanbod op, ook voor de buurt. Het fonds "
    "betaalde de eerste twee jaar mee. Na vier jaar kijken de partners terug: wat werkte, wat "
    "leerden we, en is dit een concept om op te schalen?",
}


def _actuals() -> list[dict[str, Any]]:
    """2022–2025 as the books show them: mostly as planned; the fund's two years of the
    community builder were paid, then stopped; the municipality's activity budget stopped after
    three years and the corporation paid a smaller budget from 2025."""
    rows: list[dict[str, Any]] = []

    def row(kind: str, ref: str, year: int, amount: str, note: str = "") -> None:
        rows.append(
            {"id": f"{ref}-{year}", kind: ref, "year": year, "amount": amount, "note": note}
        )

    for year in range(2022, 2026):
        row("cost_item", "community-builder", year, "50000.00" if year < 2024 else "48500.00")
        row("cost_item", "huurderving", year, "18000.00")
        row("cost_item", "energie-schoonmaak", year, "6500.00" if year < 2023 else "7900.00")
        row("cost_item", "koffie-thee", year, "3100.00")
        row("cost_item", "activiteitenbudget", year, "8000.00" if year < 2025 else "5000.00")
        row("cost_item", "vrijwilligers", year, "2500.00")
        row("cost_item", "buurt-uitnodigen", year, "900.00")
        row("funding_line", "cb-corporatie", year, "25000.00")
        if year >= 2024:
            row("funding_line", "cb-corporatie-na-fonds", year, "23500.00")
        row("funding_line", "huurderving-corporatie", year, "18000.00")
        row("funding_line", "energie-corporatie", year, "6500.00" if year < 2023 else "7900.00")
        row("funding_line", "koffie-bewoners", year, "3100.00")
        row("funding_line", "vrijwilligers-gemeente", year, "2500.00")
        row("funding_line", "buurt-welzijn", year, "900.00")
        if year < 2025:
            row("funding_line", "activiteiten-gemeente", year, "8000.00")
        if year < 2024:
            row("funding_line", "cb-fonds", year, "25000.00")
    row("cost_item", "inrichting", 2022, "68200.00", "De keuken viel duurder uit.")
    row("funding_line", "inrichting-fonds", 2022, "40000.00")
    row("funding_line", "inrichting-corporatie", 2022, "28200.00")
    row("cost_item", "evaluatie", 2023, "7500.00")
    row("funding_line", "evaluatie-gemeente", 2023, "5000.00")
    row("funding_line", "evaluatie-zorggroep", 2023, "2500.00")
    row("funding_line", "activiteiten-corporatie", 2025, "5000.00")
    return rows


MEETING = {
    "id": "stuurgroep-2024",
    "title": "Stuurgroep De Esch: na het fonds",
    "date": "2024-01-16",
    "place": "Ontmoetingsruimte De Esch",
    "points": [
        {
            "id": "na-het-fonds",
            "title": "Wie betaalt de community builder nu het fonds stopt?",
            "origin": "controle",
            "knob": 6,
            "brought_by": "welzijn",
            "minutes": "Het fonds betaalde twee jaar de helft. De woonstichting neemt het over; "
            "de zorggroep wil eerst zien of de signalen blijven komen.",
            "outcome": "Besloten: de woonstichting betaalt de community builder volledig.",
        },
        {
            "id": "activiteiten",
            "title": "Het activiteitenbudget na 2024",
            "origin": "hand",
            "knob": 5,
            "brought_by": "gemeente",
            "minutes": "De gemeentelijke subsidie loopt eind 2024 af.",
            "outcome": "De woonstichting betaalt vanaf 2025 een kleiner budget.",
        },
    ],
}

DECISIONS = [
    {
        "id": "cb-corporatie-volledig",
        "title": "De woonstichting betaalt de community builder volledig vanaf 2024",
        "why": "Zonder community builder valt het aanbod stil; de bewoners doen steeds meer mee.",
        "decided_by": ["woonstichting", "welzijn", "zorggroep", "gemeente"],
        "date": "2024-01-16",
        "review_date": "2025-12-01",
        "knobs": [6],
        "cost_items": ["community-builder"],
        "funding_lines": ["cb-corporatie", "cb-corporatie-na-fonds"],
        "meeting": "stuurgroep-2024",
        "point": "na-het-fonds",
    },
    {
        "id": "activiteiten-kleiner",
        "title": "Een kleiner activiteitenbudget van de woonstichting vanaf 2025",
        "why": "De subsidie stopt; bewoners organiseren meer zelf.",
        "decided_by": ["woonstichting", "gemeente", "bewoners"],
        "date": "2024-01-16",
        "review_date": "2027-01-15",
        "knobs": [5],
        "cost_items": ["activiteitenbudget"],
        "funding_lines": ["activiteiten-corporatie"],
        "meeting": "stuurgroep-2024",
        "point": "activiteiten",
    },
]

ACTIONS = [
    {
        "id": "begroting-aanpassen",
        "title": "De begroting van de woonstichting aanpassen",
        "owner_party": "woonstichting",
        "due": "2024-03-01",
        "status": "klaar",
        "decision": "cb-corporatie-volledig",
        "meeting": "stuurgroep-2024",
        "point": "na-het-fonds",
    },
    {
        "id": "bewoners-organiseren",
        "title": "Drie bewoners vinden die zelf een activiteit willen trekken",
        "owner_party": "welzijn",
        "owner_person": "Community builder",
        "due": "2025-06-01",
        "status": "klaar",
        "decision": "activiteiten-kleiner",
        "meeting": "stuurgroep-2024",
        "point": "activiteiten",
    },
    {
        "id": "signalen-delen",
        "title": "De cijfers van het signalenoverleg delen met de zorggroep",
        "owner_party": "zorggroep",
        "due": "2026-12-20",
        "status": "open",
        "decision": "cb-corporatie-volledig",
    },
]

LESSONS = [
    {
        "id": "tijd-voor-de-ruimte",
        "title": "Een ruimte heeft tijd nodig",
        "happened": "Het eerste half jaar kwamen er weinig bewoners. Pas toen bewoners zelf de "
        "openingstijden kozen, groeide het aantal bezoekers.",
        "learned": "Tel niet na drie maanden. Laat bewoners meebeslissen over de openingstijden.",
        "knobs": [2, 6],
        "themes": ["ontmoetingsruimte", "participatie"],
        "date": "2023-03-01",
        "shared": True,
    },
    {
        "id": "fonds-stopt",
        "title": "Spreek vooraf af wie betaalt als het fonds stopt",
        "happened": "Het fonds stopte na twee jaar. De afspraak wie het overneemt kwam pas een "
        "maand ervoor; de community builder wist lang niet of zij kon blijven.",
        "learned": "Zet de datum waarop tijdelijk geld stopt een jaar eerder op de agenda.",
        "knobs": [6, 10],
        "themes": ["financiering"],
        "date": "2024-02-01",
        "shared": True,
    },
    {
        "id": "signalenoverleg",
        "title": "Het signalenoverleg werkt als iedereen komt",
        "happened": "In de maanden dat de wijkverpleging niet kwam, werden minder signalen "
        "opgepakt.",
        "learned": "Maak het overleg kort en vast, op dezelfde dag als het spreekuur.",
        "knobs": [7, 8],
        "themes": ["samenwerking"],
        "date": "2025-09-01",
        "shared": False,
    },
]

SCALE_UP = {
    "conditions": "Een community builder die bewoners kennen en die er vier dagen per week is. "
    "Een corporatie die de ruimte buiten de huur houdt.",
    "elsewhere": "Een ruimte in het complex zelf; een partij die na het fonds de community "
    "builder betaalt; een vast signalenoverleg met de wijkverpleging.",
    "verdict": "met_aanpassingen",
    "reasons": "De bewoners voelen zich minder eenzaam en doen meer mee, en de corporatie nam het "
    "geld van het fonds over. Het activiteitenbudget is kleiner geworden; elders moet dat geld "
    "vanaf het begin voor langere tijd vastliggen.",
    "date": "2026-11-24",
    "decided_by": ["woonstichting", "zorggroep", "welzijn", "gemeente", "bewoners"],
}


def running_project() -> dict[str, Any]:
    """De Esch as project document data (schema 3), in its evaluation phase."""
    text = resources.files(__package__).joinpath("ontmoetingsruimte.json").read_text("utf-8")
    text = text.replace("De Linde", "De Esch").replace("Lindenwijk", "Eschwijk")
    data: dict[str, Any] = to_data(parse_json(text))
    data["project"] = dict(PROJECT)
    data["perspectives"] = []
    chosen = data["scenarios"][0]
    data["scenarios"] = [chosen]
    for cost in chosen["costs"]:
        cost["first_year"] += SHIFT
    for line in chosen["funding"]:
        if line.get("first_year") is not None:
            line["first_year"] += SHIFT
    for effect in chosen["effects"]:
        effect["first_year"] += SHIFT
    # After the fund: the corporation pays the community builder in full (the decision of
    # January 2024) …
    chosen["funding"].append(
        {
            "id": "cb-corporatie-na-fonds",
            "cost_item": "community-builder",
            "party": "woonstichting",
            "source": "V",
            "amount": "25000.00",
            "first_year": 2024,
            "status": "toegezegd",
        }
    )
    # … and a smaller activity budget after the municipality's subsidy.
    chosen["funding"].append(
        {
            "id": "activiteiten-corporatie",
            "cost_item": "activiteitenbudget",
            "party": "woonstichting",
            "source": "IV",
            "amount": "5000.00",
            "first_year": 2025,
            "status": "toegezegd",
        }
    )
    # Four years on, every knob has been discussed.
    for setting in chosen["knobs"]:
        if setting["knob"] == 4:
            setting.update(
                status="uit",
                elaboration="Bewust uit: het complex is al voor ouderen, en de corporatie wijst "
                "toe zoals elders.",
            )
        if setting["knob"] == 10:
            setting.update(
                status="aan",
                opening=1,
                lead_party="gemeente",
                elaboration="De gemeente betaalde de eerste drie jaar het activiteitenbudget en "
                "betaalt de vrijwilligersvergoedingen uit de Wmo.",
            )
    chosen["evidence"] = json.loads(json.dumps(EVIDENCE))
    # An estimate keeps its link to the evidence plan only where the running plan still asks it.
    plans: list[dict[str, Any]] = chosen["evidence"]
    asked = {(p["value"], n["description"]) for p in plans for n in p["before_decision"]}
    for effect in chosen["effects"]:
        if (effect["value"], effect.get("evidence_need")) not in asked:
            effect["evidence_need"] = None
    chosen["actuals"] = _actuals()
    data["resident_input"] = json.loads(json.dumps(RESIDENT_ROUNDS))
    data["meetings"] = [MEETING]
    data["decisions"] = DECISIONS
    data["actions"] = ACTIONS
    data["lessons"] = LESSONS
    data["scale_up"] = SCALE_UP
    data["log"] = []
    return data
