"""Saving a stuurknop: no lost updates, a clear conflict, and a log line with old and new."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import KnobSetting, LogEntry, Project, Scenario
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import knob_setting_update
from stuurknop.web.projects.services.locking import update_locked
from tests.web.logged import changed

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


def save(scenario: Scenario, by: Any, version: int, knob: int = 2, **fields: Any) -> KnobSetting:
    fields = {"status": "aan", "opening": 3, **fields}
    return knob_setting_update(
        scenario=scenario, knob=knob, by=by, expected_version=version, **fields
    )


def test_a_save_raises_the_version_and_lands_in_the_document(
    scenario: Scenario, people: People
) -> None:
    setting = save(scenario, people.bram, 1, elaboration="Ruimte met keuken", lead_party="woco")
    assert setting.version == 2
    stored = project_document(scenario.project).scenario().setting(2)
    assert (stored.opening, stored.elaboration, stored.lead_party) == (
        3,
        "Ruimte met keuken",
        "woco",
    )


def test_a_save_is_logged_with_who_what_and_only_the_changed_fields(
    scenario: Scenario, people: People
) -> None:

    save(scenario, people.bram, 1, elaboration="Ruimte met keuken")
    entry = LogEntry.objects.filter(project=scenario.project).last()
    assert (entry.who, entry.what, entry.scenario) == ("Bram", "Stuurknop 2 gewijzigd", "Basis")
    assert changed(entry) == {"opening": (2, 3), "elaboration": ("", "Ruimte met keuken")}
    assert {(c["entity"], c["key"]) for c in entry.changes} == {("knob_setting", "2")}


def test_the_second_of_two_saves_on_the_same_version_gets_a_conflict_with_both_versions(
    scenario: Scenario, people: People
) -> None:
    save(scenario, people.anna, 1, opening=1)
    with pytest.raises(Conflict) as conflict:
        save(scenario, people.bram, 1, opening=3)
    assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)
    assert "versie 1" in str(conflict.value) and "versie 2" in str(conflict.value)


def test_a_conflict_keeps_the_first_save_and_adds_no_log_line(
    scenario: Scenario, people: People
) -> None:
    save(scenario, people.anna, 1, opening=1)
    lines = LogEntry.objects.count()
    with pytest.raises(Conflict):
        save(scenario, people.bram, 1, opening=3)
    assert KnobSetting.objects.get(scenario=scenario, knob=2).opening == 1
    assert LogEntry.objects.count() == lines


def test_the_database_decides_even_when_the_loaded_row_still_looked_current(
    scenario: Scenario, people: People
) -> None:
    # Two editors loaded version 1; the first one's save reaches the database first.
    mine = KnobSetting.objects.get(scenario=scenario, knob=2)
    theirs = KnobSetting.objects.get(scenario=scenario, knob=2)
    update_locked(theirs, expected_version=1, what="Stuurknop 2", changes={"opening": 1})
    with pytest.raises(Conflict) as conflict:
        update_locked(mine, expected_version=1, what="Stuurknop 2", changes={"opening": 3})
    assert conflict.value.current_version == 2
    assert KnobSetting.objects.get(pk=mine.pk).opening == 1


def test_the_first_save_of_an_undiscussed_knob_starts_from_version_0(
    scenario: Scenario, people: People
) -> None:
    setting = save(scenario, people.bram, 0, knob=7, status="uit", opening=None)
    assert (setting.version, setting.status) == (1, "uit")
    assert [k.knob for k in project_document(scenario.project).scenario().knobs] == [2, 4, 7]


def test_two_first_saves_of_the_same_knob_conflict(scenario: Scenario, people: People) -> None:
    save(scenario, people.anna, 0, knob=7, status="uit", opening=None)
    with pytest.raises(Conflict) as conflict:
        save(scenario, people.bram, 0, knob=7)
    assert (conflict.value.expected_version, conflict.value.current_version) == (0, 1)


def test_a_route_the_knob_does_not_work_through_is_refused_and_nothing_changes(
    scenario: Scenario, people: People
) -> None:
    with pytest.raises(DocumentInvalid, match="werkt volgens het model niet via"):
        save(scenario, people.bram, 1, routes=["beter_team", "geen_route"])
    assert KnobSetting.objects.get(scenario=scenario, knob=2).version == 1


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"opening": 4}, "opening"),
        ({"status": "half"}, "status"),
        ({"answers": ["a", "b", "c", "d"]}, "answers"),
        ({"lead_party": "onbekend"}, "lead_party"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_field(
    scenario: Scenario, people: People, fields: dict[str, Any], path: str
) -> None:
    with pytest.raises(DocumentInvalid) as invalid:
        save(scenario, people.bram, 1, **fields)
    assert [e.path for e in invalid.value.errors] == [path]


def test_an_opening_on_a_knob_that_is_off_is_refused_by_the_document_rules(
    scenario: Scenario, people: People
) -> None:
    with pytest.raises(DocumentInvalid, match="alleen een stuurknop die aan staat"):
        save(scenario, people.bram, 1, status="uit", opening=2)


def test_a_save_that_changes_nothing_writes_no_log_line(scenario: Scenario, people: People) -> None:
    before = LogEntry.objects.count()
    save(scenario, people.bram, 1, opening=2)
    assert LogEntry.objects.count() == before


def test_a_lezer_cannot_save_a_knob(scenario: Scenario, people: People) -> None:
    with pytest.raises(PermissionDenied):
        save(scenario, people.carla, 1)


def test_an_outsider_cannot_save_a_knob_and_learns_nothing(
    scenario: Scenario, people: People
) -> None:
    with pytest.raises(Http404):
        save(scenario, people.olaf, 1)
