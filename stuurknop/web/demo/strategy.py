"""Demo positions: what the demo corporation, care organisation and municipality say they do in
WWZ projects, so that the strategy pages, the comparison and the checks' strategy section have
content. Invented for the demo (the organisations are fictitious), and strict enough on a few
points that the example projects depart from them: the corporation caps its unprofitable
investment (source IV, only by exception in the model) below what Ontmoetingsruimte De Linde asks.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from stuurknop.projectfile.positions import Positions
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.strategy.selectors import positions_of
from stuurknop.web.strategy.services import positions_save


def _knobs(**by_number: tuple[int, str]) -> list[dict[str, Any]]:
    return [
        {"knob": int(n.removeprefix("k")), "max_opening": o, "role": r}
        for n, (o, r) in by_number.items()
    ]


DEMO_POSITIONS: dict[str, dict[str, Any]] = {
    "woningcorporatie": {
        "knobs": _knobs(
            k1=(3, "trekken"),
            k2=(2, "trekken"),
            k3=(2, "bijdragen"),
            k4=(3, "trekken"),
            k5=(1, "aan_anderen_laten"),
            k6=(2, "bijdragen"),
            k7=(0, "niet"),
            k8=(2, "bijdragen"),
            k9=(2, "bijdragen"),
            k10=(1, "aan_anderen_laten"),
        ),
        "sources": [
            {"source": "IV", "pays": True, "ceiling": "200000", "basis": "per_project"},
            {"source": "V", "pays": True, "ceiling": "15000", "basis": "per_jaar"},
            {"source": "VII", "pays": False},
        ],
        "required_party_types": ["gemeente", "zorgorganisatie"],
        "conditions": (
            "Een onrendabele top alleen met een besluit van het bestuur en een plan voor de "
            "exploitatie na vijf jaar.\nDe huurders worden vanaf het begin betrokken."
        ),
    },
    "zorgorganisatie": {
        "knobs": _knobs(
            k1=(2, "bijdragen"),
            k2=(2, "bijdragen"),
            k4=(3, "bijdragen"),
            k5=(2, "bijdragen"),
            k6=(1, "aan_anderen_laten"),
            k7=(3, "trekken"),
            k8=(3, "trekken"),
            k10=(2, "aan_anderen_laten"),
        ),
        "sources": [
            {"source": "V", "pays": True, "ceiling": "25000", "basis": "per_jaar"},
            {"source": "VII", "pays": True, "ceiling": None, "basis": "per_project"},
        ],
        "required_party_types": ["woningcorporatie"],
        "conditions": "Een vast team in het complex, met ruimte voor een spreekuur.",
    },
    "gemeente": {
        "knobs": _knobs(
            k5=(2, "bijdragen"),
            k6=(3, "trekken"),
            k7=(1, "aan_anderen_laten"),
            k9=(3, "trekken"),
            k10=(3, "trekken"),
        ),
        "sources": [
            {"source": "I", "pays": True, "ceiling": "40000", "basis": "per_jaar"},
            {"source": "II", "pays": True, "ceiling": None, "basis": "per_project"},
            {"source": "V", "pays": False},
        ],
        "required_party_types": ["bewoners"],
        "conditions": "Subsidie alleen voor twee jaar; daarna een plan voor structureel geld.",
    },
}


def load_demo_positions(organisations: list[Organisation], by: dict[str, User]) -> None:
    """Give each demo organisation of a type above its positions, unless it has some already
    (someone may have changed them in the demo: that stays). ``by``: a member per party type."""
    for organisation in organisations:
        content = DEMO_POSITIONS.get(organisation.party_type)
        author = by.get(organisation.party_type)
        if content is None or author is None or positions_of(organisation)[1]:
            continue
        positions = Positions.model_validate(
            {
                "model_version": "2025-concept",
                "organisation": organisation.name,
                "party_type": organisation.party_type,
                **content,
            }
        )
        positions_save(
            organisation=organisation, by=author, positions=positions, expected_version=0
        )
