"""A small portfolio: Woonstichting Het Anker at the table in three projects (two with the
gemeente Elders beside it, one archived-free plan), and one project it is not in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.services import project_import
from tests.web.conftest import People


@dataclass
class Portfolio:
    linde: Project  # woco and gemeente Elders; knobs 2 and 4; gemeente pays III for 2 years
    eik: Project  # woco and gemeente Elders; woco pays I, a cliff in 2027
    beuk: Project  # woco alone, plan phase
    elders_only: Project  # gemeente Elders, the care organisation; woco not at the table


def _project(
    make_document: Callable[..., ProjectDocument],
    people: People,
    *,
    name: str,
    municipality: str,
    links: dict[str, Any],
    phase: str = "uitvoering",
    **scenario: Any,
) -> Project:
    document = make_document(chosen=True, **scenario)
    data = document.model_dump(mode="json")
    data["project"].update(name=name, municipality=municipality, phase=phase)
    project = project_import(document=ProjectDocument.model_validate(data), by=people.anna)
    for key, organisation in links.items():
        ProjectParty.objects.filter(project=project, key=key).update(organisation=organisation)
    return project


@pytest.fixture
def portfolio_world(people: People, make_document: Callable[..., ProjectDocument]) -> Portfolio:
    linde = _project(
        make_document,
        people,
        name="De Linde",
        municipality="Elders",
        links={"woco": people.woco, "gemeente": people.elders},
        knobs={2: 2, 4: 1},
        costs=[{"id": "k1", "knob": 4, "description": "Begeleider", "amount": "20000"}],
        funding=[
            {"party": "gemeente", "source": "III", "years": 2, "amount": "20000"},
            {"party": "woco", "source": "II", "amount": "5000", "status": "toegezegd"},
        ],
    )
    eik = _project(
        make_document,
        people,
        name="De Eik",
        municipality="Elders",
        links={"woco": people.woco, "gemeente": people.elders},
        knobs={4: 3},
        costs=[{"id": "k1", "knob": 4, "description": "Ontmoeting", "amount": "10000"}],
        funding=[{"party": "woco", "source": "I", "years": 2, "amount": "10000"}],
    )
    beuk = _project(
        make_document,
        people,
        name="De Beuk",
        municipality="Anderstad",
        phase="plan",
        links={"woco": people.woco},
        knobs={1: 1},
    )
    elders_only = _project(
        make_document,
        people,
        name="Geheim Hof",
        municipality="Elders",
        links={"gemeente": people.elders, "zorg": people.zorg},
        knobs={3: 2},
        costs=[{"id": "k1", "knob": 3, "description": "Zorg", "amount": "7000"}],
        funding=[{"party": "gemeente", "source": "V", "amount": "7000", "status": "toegezegd"}],
    )
    return Portfolio(linde=linde, eik=eik, beuk=beuk, elders_only=elders_only)
