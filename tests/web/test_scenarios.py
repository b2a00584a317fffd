"""Scenarios and interests: the same version check, validation and log as every other write."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Interest, LogEntry, Project, Scenario
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import interest_set, scenario_create, scenario_update
from tests.web.logged import changed

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.fixture
def basis(project: Project) -> Scenario:
    return project.scenarios.get()


def test_a_new_scenario_comes_last_with_nothing_discussed(project: Project, people: People) -> None:
    scenario_create(project=project, by=people.bram, name="Zonder ruimte")
    document = project_document(project)
    assert [s.name for s in document.scenarios] == ["Basis", "Zonder ruimte"]
    assert document.scenarios[1].knobs == []
    assert LogEntry.objects.last().what == "Scenario 'Zonder ruimte' toegevoegd"


def test_scenario_names_are_unique_within_a_project(project: Project, people: People) -> None:
    with pytest.raises(DocumentInvalid, match="komt dubbel voor"):
        scenario_create(project=project, by=people.bram, name="Basis")


def test_choosing_a_scenario_unchooses_the_other_and_raises_its_version(
    project: Project, basis: Scenario, people: People
) -> None:

    other = scenario_create(project=project, by=people.bram, name="Licht")
    scenario_update(scenario=other, by=people.bram, expected_version=1, name="Licht", chosen=True)
    assert project_document(project).scenario().name == "Licht"
    assert Scenario.objects.get(pk=basis.pk).version == 2
    with pytest.raises(Conflict):
        scenario_update(scenario=basis, by=people.anna, expected_version=1, name="Basis 2")


def test_an_interest_is_set_once_then_changed_with_a_version_check(
    basis: Scenario, people: People
) -> None:
    new = interest_set(
        scenario=basis,
        by=people.bram,
        expected_version=0,
        party="zorg",
        value="werkplezier",
        weight=2,
    )
    assert new.version == 1
    with pytest.raises(Conflict):
        interest_set(
            scenario=basis,
            by=people.anna,
            expected_version=0,
            party="zorg",
            value="werkplezier",
            weight=3,
        )
    interest_set(
        scenario=basis,
        by=people.anna,
        expected_version=1,
        party="zorg",
        value="werkplezier",
        weight=3,
        reason="Vast team",
    )
    stored = Interest.objects.get(pk=new.pk)
    assert (stored.weight, stored.reason, stored.version) == (3, "Vast team", 2)
    assert changed(LogEntry.objects.last()) == {"weight": (2, 3), "reason": ("", "Vast team")}


def test_an_interest_in_a_value_the_model_does_not_know_is_refused(
    basis: Scenario, people: People
) -> None:
    with pytest.raises(DocumentInvalid, match="onbekende waarde"):
        interest_set(
            scenario=basis,
            by=people.bram,
            expected_version=0,
            party="zorg",
            value="geluk",
            weight=1,
        )
    assert not Interest.objects.filter(value="geluk").exists()


def test_a_lezer_cannot_change_scenarios(project: Project, basis: Scenario, people: People) -> None:
    with pytest.raises(PermissionDenied):
        scenario_create(project=project, by=people.carla, name="X")
    with pytest.raises(PermissionDenied):
        scenario_update(scenario=basis, by=people.carla, expected_version=1, name="X")
