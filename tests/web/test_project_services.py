"""Creating a project (basics, then parties), changing its basics, archiving it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import LogEntry, Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import (
    knob_setting_update,
    project_archive,
    project_basics_update,
    project_create,
    project_party_add,
    project_unarchive,
)

if TYPE_CHECKING:
    from tests.web.conftest import People


BASICS = {
    "name": "Hofje Noord",
    "municipality": "Utrecht",
    "homes": 40,
    "first_year": 2026,
    "horizon_years": 5,
}


def create(people: People, **changes: object) -> Project:
    return project_create(by=people.anna, organisation=people.woco, **{**BASICS, **changes})


def test_the_creator_becomes_beheerder_and_their_organisation_takes_a_seat(
    people: People,
) -> None:

    project = create(people)
    member = ProjectMember.objects.get(project=project, user=people.anna)
    assert member.role == Role.BEHEERDER
    party = project.parties.get()
    assert (party.name, party.party_type, party.organisation) == (
        "Woonstichting Het Anker",
        "woningcorporatie",
        people.woco,
    )
    assert member.party == party


def test_a_new_project_has_one_chosen_scenario_and_a_valid_document(people: People) -> None:
    project = create(people)
    document = project_document(project)
    assert [(s.name, s.chosen) for s in document.scenarios] == [("Basis", True)]
    assert document.project.name == "Hofje Noord"
    assert project.created_by_organisation == people.woco


def test_creating_a_project_is_logged_with_who_did_it(people: People) -> None:
    project = create(people)
    entry = LogEntry.objects.get(project=project)
    assert (entry.who, entry.user, entry.what) == (
        "Anna",
        people.anna,
        "Project 'Hofje Noord' aangemaakt",
    )


def test_one_cannot_create_a_project_for_an_organisation_one_does_not_work_at(
    people: People,
) -> None:
    with pytest.raises(DocumentInvalid, match="je werkt niet bij deze organisatie"):
        project_create(by=people.olaf, organisation=people.woco, **BASICS)
    assert not Project.objects.exists()


def test_bad_basics_are_refused_naming_the_field_and_nothing_is_stored(people: People) -> None:
    with pytest.raises(DocumentInvalid) as invalid:
        create(people, horizon_years=0, homes=-1)
    assert {e.path for e in invalid.value.errors} == {"horizon_years", "homes"}
    assert not Project.objects.exists()


def test_parties_are_added_after_the_basics_with_a_readable_unique_id(people: People) -> None:
    project = create(people)
    first = project_party_add(
        project=project, by=people.anna, name="Gemeente Utrecht", party_type="gemeente"
    )
    second = project_party_add(
        project=project, by=people.anna, name="Gemeente Utrecht", party_type="gemeente"
    )
    fund = project_party_add(
        project=project, by=people.anna, name="Fonds X", party_type="fonds", at_table=False
    )
    assert (first.key, second.key) == ("gemeente-utrecht", "gemeente-utrecht-2")
    parties = project_document(project).parties
    assert [p.id for p in parties] == ["woonstichting-het-anker", first.key, second.key, fund.key]
    assert parties[-1].at_table is False


def test_a_party_of_a_type_the_model_does_not_know_is_refused(people: People) -> None:
    project = create(people)
    with pytest.raises(DocumentInvalid, match="onbekend partijtype 'bank'"):
        project_party_add(project=project, by=people.anna, name="Bank", party_type="bank")
    assert project.parties.count() == 1


def test_only_a_beheerder_adds_parties(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        project_party_add(project=project, by=people.bram, name="Fonds", party_type="fonds")


def test_basics_are_saved_with_a_version_check(project: Project, people: People) -> None:
    fields = {**BASICS, "first_year": 2025, "horizon_years": 5}
    project_basics_update(project=project, by=people.bram, expected_version=1, **fields)
    assert Project.objects.get(pk=project.pk).name == "Hofje Noord"
    with pytest.raises(Conflict) as conflict:
        project_basics_update(project=project, by=people.bram, expected_version=1, **fields)
    assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)


def test_a_horizon_that_would_cut_off_costs_is_refused(project: Project, people: People) -> None:
    # The cost item starts in 2025; starting the project in 2027 would leave it outside.
    fields = {**BASICS, "first_year": 2027}
    with pytest.raises(DocumentInvalid, match="valt buiten de looptijd"):
        project_basics_update(project=project, by=people.anna, expected_version=1, **fields)
    assert Project.objects.get(pk=project.pk).first_year == 2025


def test_an_archived_project_is_read_only_until_it_comes_back(
    project: Project, people: People
) -> None:
    project_archive(project=project, by=people.anna)
    scenario = project.scenarios.get()
    with pytest.raises(PermissionDenied, match="gearchiveerd"):
        knob_setting_update(
            scenario=scenario, knob=1, by=people.anna, expected_version=0, status="uit"
        )
    project_unarchive(project=project, by=people.anna)
    knob_setting_update(scenario=scenario, knob=1, by=people.anna, expected_version=0, status="uit")
    whats = list(project.log_entries.values_list("what", flat=True))
    assert whats[:2] == ["Project gearchiveerd", "Project uit het archief gehaald"]


def test_only_a_beheerder_archives(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        project_archive(project=project, by=people.bram)
    assert not Project.objects.get(pk=project.pk).archived
