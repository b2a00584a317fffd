"""The monitoring of the running example "Ontmoetingsruimte De Esch" (:mod:`.running`): per
aimed value the evidence gathered and indicators from the model's library with a baseline, a
target and four years of measurements (two from residents' rounds), and the two rounds with
the results of the validated instruments they asked (the loneliness scale, a report mark)."""

from __future__ import annotations

from typing import Any


def _measurement(date: str, value: str, note: str = "", origin: str = "hand") -> dict[str, Any]:
    return {"date": date, "value": value, "note": note, "origin": origin}


ROUND = "bewonersronde"

EVIDENCE = [
    {
        "value": "goed_wonen",
        "before_decision": [
            {
                "kind": "referentieproject",
                "description": "Vergelijkbare ontmoetingsruimte in een ander complex van de "
                "corporatie",
                "status": "binnen",
                "finding": "Daar kwamen na een jaar zo'n veertig bewoners per week.",
            },
            {
                "kind": "eigen_meting",
                "description": "Bewonersronde bij de start en twee jaar later",
                "route": "welbevinden",
                "gatherer": "welzijn",
                "status": "binnen",
                "finding": "Twee rondes met dezelfde vragen, in 2022 en 2024.",
            },
        ],
        "indicators": [
            {
                "id": "eenzaamheid",
                "name": "Eenzaamheid van bewoners (gemiddelde score)",
                "library": "eenzaamheid_gemiddelde",
                "route": "welbevinden",
                "unit": "score 0–6",
                "direction": "lager_beter",
                "baseline": "3.4",
                "baseline_date": "2022-10-15",
                "target": "2.5",
                "target_date": "2026-10-15",
                "frequency": "jaarlijks",
                "owner": "welzijn",
                "data_source": "Bewonersronde met de ingekorte eenzaamheidsschaal",
                "knobs": [2, 6],
                "measurements": [
                    _measurement("2022-10-15", "3.4", "Eerste bewonersronde.", ROUND),
                    _measurement("2024-10-20", "2.9", "Tweede bewonersronde.", ROUND),
                ],
            },
            {
                "id": "tevredenheid",
                "name": "Tevredenheid van bewoners (rapportcijfer)",
                "library": "tevredenheid_bewoners",
                "route": "welbevinden",
                "unit": "cijfer 1–10",
                "direction": "hoger_beter",
                "baseline": "6.8",
                "baseline_date": "2022-10-15",
                "target": "7.5",
                "target_date": "2026-10-15",
                "frequency": "jaarlijks",
                "owner": "woonstichting",
                "data_source": "Bewonersronde",
                "knobs": [2, 3],
                "measurements": [
                    _measurement("2022-10-15", "6.8", "Eerste bewonersronde.", ROUND),
                    _measurement("2024-10-20", "7.6", "Tweede bewonersronde.", ROUND),
                ],
            },
            {
                "id": "deelname",
                "name": "Bewoners die minstens één keer per maand meedoen",
                "library": "deelname_activiteiten",
                "route": "zorgen_voor_elkaar",
                "unit": "%",
                "direction": "hoger_beter",
                "baseline": "12",
                "baseline_date": "2022-06-30",
                "target": "45",
                "target_date": "2026-06-30",
                "frequency": "halfjaarlijks",
                "owner": "welzijn",
                "data_source": "Presentielijsten van de community builder",
                "knobs": [5, 6],
                "measurements": [
                    _measurement("2022-06-30", "12"),
                    _measurement("2022-12-31", "18"),
                    _measurement("2023-06-30", "24"),
                    _measurement("2023-12-31", "27"),
                    _measurement("2024-06-30", "29", "Het fonds stopte; minder activiteiten."),
                    _measurement("2024-12-31", "28"),
                    _measurement("2025-06-30", "31"),
                    _measurement("2025-12-31", "33"),
                    _measurement("2026-06-30", "34"),
                ],
            },
        ],
    },
    {
        "value": "minder_zorgvraag",
        "before_decision": [
            {
                "kind": "expert",
                "description": "Gesprek met de wijkverpleging over signaleren in het complex",
                "status": "binnen",
                "finding": "De wijkverpleging ziet signalen vaak pas laat.",
            }
        ],
        "indicators": [
            {
                "id": "signalen",
                "name": "Vroege signalen opgepakt",
                "library": "vroegsignalen",
                "route": "beter_zien",
                "unit": "per half jaar",
                "direction": "hoger_beter",
                "baseline": "3",
                "baseline_date": "2022-06-30",
                "target": "12",
                "target_date": "2025-12-31",
                "frequency": "halfjaarlijks",
                "owner": "zorggroep",
                "data_source": "Signalenoverleg van zorg, welzijn en corporatie",
                "knobs": [6, 8],
                "measurements": [
                    _measurement("2022-06-30", "3"),
                    _measurement("2022-12-31", "5"),
                    _measurement("2023-06-30", "8"),
                    _measurement("2023-12-31", "10"),
                    _measurement("2024-06-30", "11"),
                    _measurement("2024-12-31", "12"),
                    _measurement("2025-06-30", "13"),
                ],
            }
        ],
    },
]

RESIDENT_ROUNDS = [
    {
        "date": "2022-10-15",
        "respondents": 52,
        "values": {"goed_wonen": "2.6", "minder_zorgvraag": "1.8"},
        "knobs": {"2": "2.7", "5": "2.2", "6": "2.4"},
        "help_organise": {"ja": 6, "misschien": 14, "nee": 32},
        "remarks": ["Fijn dat er een plek komt.", "Ik ken bijna niemand in de flat."],
        "round": "Nulmeting najaar 2022",
        "round_start": "2022-09-26",
        "instruments": [
            {
                "instrument": "eenzaamheid_djg6",
                "respondents": 52,
                "scored": 50,
                "mean": "3.4",
                "categories": {"niet_eenzaam": 10, "matig_eenzaam": 28, "ernstig_eenzaam": 12},
            },
            {"instrument": "tevredenheid_cijfer", "respondents": 52, "scored": 49, "mean": "6.8"},
        ],
    },
    {
        "date": "2024-10-20",
        "respondents": 61,
        "values": {"goed_wonen": "2.8", "minder_zorgvraag": "1.9"},
        "knobs": {"2": "2.9", "5": "2.6", "6": "2.5"},
        "help_organise": {"ja": 11, "misschien": 15, "nee": 35},
        "remarks": ["De koffie op dinsdag is het hoogtepunt van de week.", "Meer in het weekend."],
        "round": "Tweede ronde najaar 2024",
        "round_start": "2024-09-30",
        "instruments": [
            {
                "instrument": "eenzaamheid_djg6",
                "respondents": 61,
                "scored": 58,
                "mean": "2.9",
                "categories": {"niet_eenzaam": 17, "matig_eenzaam": 33, "ernstig_eenzaam": 8},
            },
            {"instrument": "tevredenheid_cijfer", "respondents": 61, "scored": 57, "mean": "7.6"},
        ],
    },
]
