"""The meeting's paper trail in the web app: meetings, their agendas and minutes, decisions and
actions; stored as rows, carried losslessly by the project file, logged, and guarded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from stuurknop.projectfile import DocumentInvalid, dump_document, parse_json, to_data
from stuurknop.web.projects.entities import (
    ACTION_ROW,
    AGENDA_POINT,
    DECISION_ROW,
    MEETING_ROW,
    RowEntity,
    column,
    row_data,
)
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Action, AgendaPoint, Decision, LogEntry, Meeting, Project
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import cost_item_delete, project_import
from stuurknop.web.projects.services.decisions import (
    action_done,
    decision_create,
    point_follow_up,
)
from stuurknop.web.projects.services.meetings import (
    checked,
    meeting_create,
    meeting_delete,
    point_add,
    point_delete,
    point_move,
    point_update,
)
from stuurknop.web.projects.services.scenarios import scenario_copy, scenario_delete

if TYPE_CHECKING:
    from tests.web.conftest import People


def _agenda(project: Project, people: People) -> tuple[Meeting, AgendaPoint, AgendaPoint]:
    meeting = meeting_create(
        project=project, by=people.bram, title="Partneroverleg", date=dt.date(2026, 12, 10)
    )
    first = point_add(
        meeting=meeting, by=people.bram, title="Begeleider", knob=4, brought_by="zorg"
    )
    second = point_add(
        meeting=meeting,
        by=people.bram,
        title="Goed wonen",
        origin="verschillen",
        value="goed_wonen",
    )
    return meeting, first, second


def test_a_meeting_with_its_agenda_decisions_and_actions_is_in_the_project_file(
    project: Project, people: People
) -> None:
    meeting, first, _second = _agenda(project, people)
    point_update(
        point=first, by=people.bram, expected_version=first.version, minutes="Zorg betaalt mee"
    )
    decision, actions = point_follow_up(
        point=first,
        by=people.bram,
        decision={
            "title": "We zetten de begeleider in",
            "decided_by": ["woco", "zorg"],
            "date": "2026-12-10",
            "review_date": "2027-06-01",
            "knobs": [4],
            "cost_items": ["k1"],
        },
        actions=[{"title": "Vacature opstellen", "owner_party": "woco", "due": "2027-01-15"}],
    )
    document = project_document(project)
    [stored] = document.meetings
    assert [p.title for p in stored.points] == ["Begeleider", "Goed wonen"]
    assert stored.points[0].minutes == "Zorg betaalt mee"
    assert stored.points[0].brought_by == "zorg"
    [made] = document.decisions
    assert (made.meeting, made.point, made.cost_items) == (meeting.key, first.key, ["k1"])
    [action] = document.actions
    assert action.decision == made.id and action.point == first.key
    assert decision is not None and actions[0].decision == decision


def test_export_import_export_is_identical(project: Project, people: People) -> None:
    _meeting, first, _second = _agenda(project, people)
    point_follow_up(
        point=first,
        by=people.bram,
        decision={"title": "Besluit", "date": "2026-12-10", "funding_lines": ["f1"]},
        actions=[{"title": "Bellen", "owner_person": "Ans"}, {"title": "Mailen"}],
    )
    document = project_document(project)
    again = project_import(document=parse_json(dump_document(document)), by=people.anna)
    assert to_data(project_document(again)) == to_data(document)
    assert dump_document(project_document(again)) == dump_document(document)


def test_every_write_is_logged_as_data(project: Project, people: People) -> None:
    meeting, first, second = _agenda(project, people)
    point_move(point=second, by=people.bram, expected_version=second.version, up=True)
    assert list(meeting.points.values_list("title", flat=True)) == ["Goed wonen", "Begeleider"]
    entries = list(LogEntry.objects.filter(project=project).order_by("id"))
    assert entries[0].changes[0]["entity"] == "meeting"
    assert entries[1].changes[0]["entity"] == "agenda_point"
    assert entries[1].changes[0]["key"] == f"{meeting.key}/{first.key}"
    moved = entries[-1].changes[0]
    assert (moved["field"], moved["new"]) == ("points", ["Goed wonen", "Begeleider"])
    first.refresh_from_db()
    assert not point_move(point=first, by=people.bram, expected_version=first.version, up=False)


def test_a_bad_field_stores_nothing_at_all(project: Project, people: People) -> None:
    meeting, first, _second = _agenda(project, people)
    before = project_data(project)
    with pytest.raises(DocumentInvalid) as raised:
        point_follow_up(
            point=first,
            by=people.bram,
            decision={"title": "Goed", "date": "2026-12-10"},
            actions=[{"title": "Een"}, {"title": "Twee", "due": "1800-01-01"}],
        )
    assert raised.value.errors[0].path.startswith("actie2.")
    assert project_data(project) == before
    with pytest.raises(DocumentInvalid):
        point_add(meeting=meeting, by=people.bram, title="X", brought_by="onbekend")
    with pytest.raises(DocumentInvalid):
        decision_create(
            project=project,
            by=people.bram,
            title="Te vroeg",
            date="2026-12-10",
            review_date="2026-01-01",
        )
    assert project_data(project) == before


def test_readers_and_outsiders_cannot_write(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        meeting_create(project=project, by=people.carla, title="Overleg")
    with pytest.raises(Http404):
        meeting_create(project=project, by=people.olaf, title="Overleg")
    assert not Meeting.objects.exists()


def test_a_stale_save_is_a_conflict(project: Project, people: People) -> None:
    _meeting, first, _second = _agenda(project, people)
    seen = first.version
    point_update(point=first, by=people.bram, expected_version=seen, minutes="Eerste")
    with pytest.raises(Conflict):
        point_update(point=first, by=people.anna, expected_version=seen, minutes="Tweede")


def test_a_point_or_meeting_a_decision_came_from_stays(project: Project, people: People) -> None:
    meeting, first, second = _agenda(project, people)
    point_follow_up(point=first, by=people.bram, actions=[{"title": "Bellen"}])
    with pytest.raises(DocumentInvalid):
        point_delete(point=first, by=people.bram, expected_version=first.version)
    with pytest.raises(DocumentInvalid):
        meeting_delete(meeting=meeting, by=people.bram, expected_version=meeting.version)
    point_delete(point=second, by=people.bram, expected_version=second.version)
    assert list(meeting.points.all()) == [first]


def test_deleting_the_last_cost_item_of_an_id_takes_it_out_of_the_decisions(
    project: Project, people: People
) -> None:
    decision = decision_create(
        project=project,
        by=people.bram,
        title="Begeleider",
        date="2026-12-10",
        cost_items=["k1"],
        funding_lines=["f1"],
    )
    scenario = project.scenarios.get()
    copy = scenario_copy(source=scenario, by=people.bram, name="Variant")
    scenario_delete(scenario=copy, by=people.bram, expected_version=copy.version)
    decision.refresh_from_db()
    assert decision.cost_items == ["k1"]  # still in the Basis scenario
    line = scenario.funding_lines.get()
    from stuurknop.web.projects.services import funding_line_delete

    funding_line_delete(funding_line=line, by=people.bram, expected_version=line.version)
    item = scenario.cost_items.get()
    cost_item_delete(cost_item=item, by=people.bram, expected_version=item.version)
    decision.refresh_from_db()
    assert (decision.cost_items, decision.funding_lines) == ([], [])
    last = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert last is not None
    assert [c["field"] for c in last.changes if c["entity"] == "decision"] == ["cost_items"]


def test_an_action_is_marked_done_in_one_step(project: Project, people: People) -> None:
    _meeting, first, _second = _agenda(project, people)
    _decision, [action] = point_follow_up(point=first, by=people.bram, actions=[{"title": "Bel"}])
    action_done(action=action, by=people.bram, expected_version=action.version)
    assert Action.objects.get().status == "klaar"
    assert Decision.objects.count() == 0


ENTITIES = (MEETING_ROW, AGENDA_POINT, DECISION_ROW, ACTION_ROW)


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.list_name)
def test_each_entity_stores_every_field_of_its_declaration_and_nothing_else(
    entity: RowEntity,
) -> None:
    columns = {f.name for f in entity.model._meta.concrete_fields} - entity.bookkeeping
    assert {column(name) for name in entity.fields()} == columns
    foreign = {
        f.name
        for f in entity.model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.name not in entity.bookkeeping
    }
    assert foreign == set(entity.references)


def test_a_row_read_as_document_data_and_back_is_the_same_row(
    project: Project, people: People
) -> None:
    _meeting, first, _second = _agenda(project, people)
    point_follow_up(
        point=first,
        by=people.bram,
        decision={"title": "B", "date": "2026-12-10", "decided_by": ["woco"], "knobs": [4]},
        actions=[{"title": "A", "owner_party": "zorg", "due": "2027-01-01"}],
    )
    for entity, rows in (
        (MEETING_ROW, Meeting.objects.all()),
        (AGENDA_POINT, AgendaPoint.objects.all()),
        (DECISION_ROW, Decision.objects.all()),
        (ACTION_ROW, Action.objects.all()),
    ):
        columns = {f.name for f in entity.model._meta.concrete_fields} - entity.bookkeeping
        for row in rows:
            values, _item = checked(entity, project, row_data(entity, row))
            stored = {name: getattr(row, name) for name in columns}
            assert {k: values[k] for k in columns} == stored, entity.list_name
