"""Reads: the project document from rows (lossless), lists per user, the engine's analysis."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from stuurknop.engine import analyse
from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import ProjectDocument, dump_document, load_document
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.selectors import (
    project_document,
    projects_for_user,
    scenario_analysis,
)
from stuurknop.web.projects.services import project_archive, project_import

if TYPE_CHECKING:
    from tests.web.conftest import People


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "stuurknop" / "examples").glob("*.json"))


def full_document_data(document_data: Callable[..., dict[str, Any]], scenario: Any) -> Any:
    """A document that uses every part of the format, for when no example file does."""
    basis = scenario(
        "Basis",
        knobs={
            2: {
                "status": "aan",
                "opening": 3,
                "elaboration": "Grote ruimte met keuken",
                "lead_party": "bewoners",
                "routes": ["zorgen_voor_elkaar", "welbevinden"],
                "answers": ["Ja", "", "Nog niet"],
            },
            10: "uit",
            4: 1,
        },
        costs=[
            {"id": "inrichting", "knob": 2, "kind": "eenmalig", "amount": "15000.5"},
            {"id": "begeleiding", "knob": 4, "amount": "20000", "years": 3, "party": "welzijn"},
        ],
        funding=[
            {"cost_item": "inrichting", "party": "woco", "source": "IV", "status": "toegezegd"},
            {"cost_item": "begeleiding", "party": "gemeente", "source": "III", "years": 2},
        ],
        interests={"woco": {"goed_wonen": 3, "werkplezier": 1}, "bewoners": {"goed_wonen": 3}},
        chosen=True,
        description="Zoals afgesproken",
        effects=[
            {
                "id": "e1",
                "value": "goed_wonen",
                "route": "zorgen_voor_elkaar",
                "beneficiary": "zorg",
                "low": "0",
                "expected": "1000.25",
                "high": "5000",
                "first_year": 2026,
                "years": 3,
                "assumption": "Minder huisbezoeken",
            }
        ],
        evidence=[
            {
                "value": "goed_wonen",
                "before_decision": [{"kind": "referentieproject", "description": "De Eik"}],
                "indicators": [
                    {
                        "id": "eenzaamheid",
                        "name": "Eenzaamheid",
                        "unit": "%",
                        "target": "12.5",
                        "measurements": [{"date": "2026-03-01", "value": "18.25", "note": "nul"}],
                    }
                ],
            }
        ],
    )
    return document_data(
        not_at_table=["gemeente"],
        scenarios=[basis, scenario("Licht", knobs={2: 1})],
        perspectives=[
            {
                "party": "zorg",
                "date": "2026-01-15",
                "origin": "sessie",
                "session": "Startbijeenkomst",
                "knobs": {"2": 3, "10": 0},
                "values": {"werkplezier": 2, "goed_wonen": 1},
                "remarks": "Vast team graag",
            }
        ],
        resident_input=[
            {
                "date": "2026-02-01",
                "respondents": 31,
                "values": {"goed_wonen": "2.6"},
                "knobs": {"2": "2.9"},
                "help_organise": {"ja": 4, "misschien": 7, "nee": 20},
                "remarks": ["Graag koffie op zondag"],
            }
        ],
    ) | {
        "log": [
            {
                "at": "2025-11-04T10:00:00+01:00",
                "who": "Anna",
                "what": "Start",
                "changes": [
                    {"entity": "project", "action": "changed", "field": "phase", "new": "idee"}
                ],
            },
            {
                "at": "2026-06-24T16:00:00+02:00",
                "who": "Bram",
                "what": "Besluit",
                "scenario": "Basis",
            },
        ]
    }


@pytest.fixture(params=[*EXAMPLES, "full"], ids=[*(p.stem for p in EXAMPLES), "full"])
def original(
    request: pytest.FixtureRequest,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> ProjectDocument:
    if request.param == "full":
        from stuurknop.projectfile import parse_document

        return parse_document(full_document_data(document_data, make_scenario))
    return load_document(request.param)


def test_export_import_export_is_identical(original: ProjectDocument, people: People) -> None:
    first = project_document(project_import(document=original, by=people.anna))
    second = project_document(project_import(document=first, by=people.bram))
    assert dump_document(second) == dump_document(first)


def test_an_imported_document_exports_as_the_same_document(
    original: ProjectDocument, people: People
) -> None:
    assert project_document(project_import(document=original, by=people.anna)) == original


def test_the_log_keeps_its_dutch_times(people: People, original: ProjectDocument) -> None:
    exported = project_document(project_import(document=original, by=people.anna))
    assert [e.at.isoformat() for e in exported.log] == [e.at.isoformat() for e in original.log]


def test_the_analysis_of_a_stored_scenario_is_the_engines_analysis_of_the_document(
    people: People, original: ProjectDocument, model: Model
) -> None:
    project = project_import(document=original, by=people.anna)
    for scenario in project.scenarios.all():
        assert scenario_analysis(project, scenario) == analyse(model, original, scenario.name)


def test_projects_for_user_tells_own_from_shared_and_gives_the_role(
    project: Project, people: People
) -> None:
    [for_anna] = projects_for_user(people.anna)
    [for_bram] = projects_for_user(people.bram)
    assert (for_anna.is_own, for_anna.my_role) == (True, "beheerder")
    assert (for_bram.is_own, for_bram.my_role) == (False, "bewerker")
    assert list(projects_for_user(people.olaf)) == []


def test_archived_projects_are_listed_apart(project: Project, people: People) -> None:
    project_archive(project=project, by=people.anna)
    assert list(projects_for_user(people.anna)) == []
    assert list(projects_for_user(people.anna, archived=True)) == [project]
