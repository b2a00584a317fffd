"""Any input a write service accepts leaves a project that validates and exports; any input it
refuses stores nothing at all.

Every service that people reach through a form is fuzzed with arbitrary text: control
characters, lone surrogates, formula and markup look-alikes, and texts at, just under and just
over the longest length allowed (the probe broke a project with a 19,990-character elaboration,
whose log line then exceeded what the document allows).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stuurknop.projectfile import DocumentInvalid, dump_document, parse_json, to_data
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    Meeting,
    Project,
    ProjectParty,
)
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.services import (
    cost_item_create,
    cost_item_update,
    funding_line_create,
    funding_line_update,
    interest_set,
    knob_setting_update,
    project_basics_update,
    project_import_json,
    project_party_add,
    scenario_create,
    scenario_update,
)
from stuurknop.web.projects.services.agenda import agenda_point_add
from stuurknop.web.projects.services.decisions import (
    action_create,
    action_done,
    decision_create,
    decision_update,
    point_follow_up,
)
from stuurknop.web.projects.services.lessons import (
    lesson_create,
    lesson_delete,
    lesson_update,
    scale_up_save,
    scale_up_version,
)
from stuurknop.web.projects.services.meetings import (
    meeting_create,
    meeting_update,
    point_add,
    point_move,
    point_update,
)
from stuurknop.web.projects.services.perspectives import (
    perspective_set,
    perspective_version,
)
from stuurknop.web.projects.services.projects import project_party_update
from stuurknop.web.projects.services.scenarios import (
    InterestEdit,
    party_interests_set,
    scenario_copy,
)
from stuurknop.web.projects.services.validation import validate_project

if TYPE_CHECKING:
    from tests.web.conftest import People

# Refusals a service may raise; anything else reaching a view would be a 500.
REFUSED = (DocumentInvalid, Conflict, PermissionDenied)

NASTY = [
    "",
    " ",
    "\x01",
    "Partij\x01",
    "Post\x0b",
    "\x1b[2J scenario",
    "nul\x00",
    "\ud800half",
    "Cafe\u0301",
    '=HYPERLINK("http://example.invalid","klik")',
    "=cmd|' /C calc'!A0",
    "+31 6 1234",
    "-1",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "{{ csrf_token }}",
    "__CSRF_TOKEN__",
    "\"\\'",
    "regel\r\nregel",
    "\t",
]
LENGTHS = [199, 200, 201, 1_999, 2_000, 2_001, 19_990, 20_000, 20_001]

texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.builds(
        lambda ch, n: (ch * n)[:n],
        st.sampled_from(['"', "a", "\\", "\x01", "é", "\n"]),
        st.sampled_from(LENGTHS),
    ),
)
amounts = st.one_of(
    st.decimals(min_value=-10, max_value=Decimal("2e9"), places=2),
    st.sampled_from(["1e400", "NaN", "-0", "1000000000.00", "12,50", "", "abc"]),
)
years = st.integers(1980, 2110)
dates = st.one_of(
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
    st.sampled_from(["", "2026-02-30", "gisteren", "2026-12-10"]),
)
party_ids = st.sampled_from([None, "woco", "zorg", "onbekend", ""])
optional_years = st.none() | st.integers(-1, 120)

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def attempt(
    project: Project, write: Callable[[], Any], refused: tuple[type[Exception], ...] = ()
) -> bool:
    """Run ``write``; True when accepted. Either way the project must still be whole."""
    before = project_data(project)
    try:
        write()
    except (*REFUSED, *refused):
        assert project_data(project) == before, "a refused write stored something"
        return False
    document = validate_project(project)  # raises if the write left an invalid project
    # The rows hold exactly what the document holds: text was cleaned before it was stored,
    # not only when the document is read.
    assert project_data(project) == to_data(document)
    assert parse_json(dump_document(document)) == document  # and it exports and re-imports
    return True


@given(
    elaboration=texts, answers=st.lists(texts, max_size=4), opening=st.none() | st.integers(0, 4)
)
@FUZZ
def test_any_accepted_knob_save_leaves_a_valid_project(
    project: Project, people: People, elaboration: str, answers: list[str], opening: int | None
) -> None:
    scenario = project.scenarios.get()
    setting = scenario.knob_settings.filter(knob=6).first()
    attempt(
        project,
        lambda: knob_setting_update(
            scenario=scenario,
            knob=6,
            by=people.bram,
            expected_version=setting.version if setting else 0,
            status="aan",
            opening=opening,
            elaboration=elaboration,
            answers=answers,
        ),
    )


def test_a_knob_elaboration_of_19990_quotes_leaves_a_project_that_still_exports(
    project: Project, people: People
) -> None:
    # The probe's finding, exactly: the save succeeded, its log line did not fit the document.
    scenario = project.scenarios.get()
    setting = scenario.knob_settings.get(knob=2)
    text = '"' * 19_990
    knob_setting_update(
        scenario=scenario,
        knob=2,
        by=people.bram,
        expected_version=setting.version,
        status="aan",
        opening=2,
        elaboration=text,
    )
    document = validate_project(project)
    assert document.scenario().setting(2).elaboration == text
    [logged] = [c for c in document.log[-1].changes if c.field == "elaboration"]
    assert logged.new == text


@given(description=texts, amount=amounts, first_year=years, years_=optional_years)
@FUZZ
def test_any_accepted_cost_item_leaves_a_valid_project(
    project: Project,
    people: People,
    description: str,
    amount: Any,
    first_year: int,
    years_: int | None,
) -> None:
    scenario = project.scenarios.get()
    fields = {
        "knob": 4,
        "description": description,
        "kind": "jaarlijks",
        "amount": amount,
        "first_year": first_year,
        "years": years_,
    }
    attempt(project, lambda: cost_item_create(scenario=scenario, by=people.bram, **fields))
    item = CostItem.objects.get(scenario=scenario, key="k1")
    attempt(
        project,
        lambda: cost_item_update(
            cost_item=item, by=people.bram, expected_version=item.version, **fields
        ),
    )


@given(amount=amounts, source=st.sampled_from(["I", "III", "XI", "", "iv"]), years_=optional_years)
@FUZZ
def test_any_accepted_funding_line_leaves_a_valid_project(
    project: Project, people: People, amount: Any, source: str, years_: int | None
) -> None:
    scenario = project.scenarios.get()
    fields = {"cost_item": "k1", "party": "gemeente", "source": source, "amount": amount}
    attempt(
        project,
        lambda: funding_line_create(scenario=scenario, by=people.bram, years=years_, **fields),
    )
    line = FundingLine.objects.filter(scenario=scenario).first()
    attempt(
        project,
        lambda: funding_line_update(
            funding_line=line,
            by=people.bram,
            expected_version=line.version,
            years=years_,
            status="toegezegd",
            **fields,
        ),
    )


@given(name=texts, description=texts)
@FUZZ
def test_any_accepted_scenario_write_leaves_a_valid_project(
    project: Project, people: People, name: str, description: str
) -> None:
    attempt(
        project,
        lambda: scenario_create(
            project=project, by=people.bram, name=name, description=description
        ),
    )
    basis = project.scenarios.get(name="Basis")
    attempt(
        project,
        lambda: scenario_copy(source=basis, by=people.bram, name=name, description=description),
    )
    last = project.scenarios.order_by("-position").first()
    attempt(
        project,
        lambda: scenario_update(
            scenario=last,
            by=people.bram,
            expected_version=last.version,
            name=name,
            description=description,
        ),
    )


@given(reason=texts, weight=st.integers(-1, 4))
@FUZZ
def test_any_accepted_interest_leaves_a_valid_project(
    project: Project, people: People, reason: str, weight: int
) -> None:
    scenario = project.scenarios.get()
    attempt(
        project,
        lambda: interest_set(
            scenario=scenario,
            by=people.bram,
            expected_version=0,
            party="welzijn",
            value="werkplezier",
            weight=weight,
            reason=reason,
        ),
    )
    stored = scenario.interests.filter(party__key="zorg", value="minder_zorgvraag").first()
    edit = InterestEdit(
        value="minder_zorgvraag",
        weight=weight,
        reason=reason,
        expected_version=stored.version if stored else 0,
    )
    attempt(
        project,
        lambda: party_interests_set(scenario=scenario, by=people.bram, party="zorg", edits=[edit]),
    )


@given(name=texts, municipality=texts, neighbourhood=texts, description=texts)
@FUZZ
def test_any_accepted_project_basics_leave_a_valid_project(
    project: Project,
    people: People,
    name: str,
    municipality: str,
    neighbourhood: str,
    description: str,
) -> None:
    project.refresh_from_db()
    attempt(
        project,
        lambda: project_basics_update(
            project=project,
            by=people.anna,
            expected_version=project.version,
            name=name,
            municipality=municipality,
            homes=80,
            first_year=2025,
            horizon_years=5,
            neighbourhood=neighbourhood,
            description=description,
        ),
    )


@given(name=texts, party_type=st.sampled_from(["gemeente", "fonds", "onbekend", ""]))
@FUZZ
def test_any_accepted_party_leaves_a_valid_project(
    project: Project, people: People, name: str, party_type: str
) -> None:
    attempt(
        project,
        lambda: project_party_add(
            project=project, by=people.anna, name=name, party_type=party_type
        ),
    )
    party = ProjectParty.objects.get(project=project, key="welzijn")
    attempt(
        project,
        lambda: project_party_update(
            project=project,
            party=party,
            by=people.anna,
            name=name,
            party_type=party_type or "sociaal_werkorganisatie",
            at_table=True,
        ),
    )


@given(remarks=texts, knob=st.integers(0, 11), score=st.integers(-1, 4))
@FUZZ
def test_any_accepted_perspective_or_agenda_point_leaves_a_valid_project(
    project: Project, people: People, remarks: str, knob: int, score: int
) -> None:
    attempt(
        project,
        lambda: perspective_set(
            project=project,
            by=people.anna,
            party="woco",
            knobs={knob: score},
            values={"goed_wonen": score},
            remarks=remarks,
            expected_version=perspective_version(project, "woco"),
        ),
    )
    attempt(
        project,
        lambda: agenda_point_add(project=project, by=people.bram, subject=remarks, key="knob-2"),
    )


@given(name=texts, description=texts, who=texts, what=texts)
@FUZZ
def test_any_imported_file_is_stored_whole_and_valid_or_not_at_all(
    people: People,
    document_data: Callable[..., dict[str, Any]],
    name: str,
    description: str,
    who: str,
    what: str,
) -> None:
    data = document_data(costs=[{"description": name, "amount": "10"}])
    data["project"]["name"] = name
    data["project"]["description"] = description
    data["parties"][0]["name"] = name
    data["scenarios"][0]["description"] = description
    data["log"] = [{"at": "2025-01-07T10:15:00+01:00", "who": who, "what": what}]
    count = Project.objects.count()
    try:
        project = project_import_json(raw=json.dumps(data), by=people.anna)
    except DocumentInvalid:
        assert Project.objects.count() == count
        return
    document = validate_project(project)
    assert parse_json(dump_document(document)) == document


@pytest.mark.parametrize("at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_an_import_with_a_log_time_at_the_calendars_edge_is_refused_and_stores_nothing(
    people: People, document_data: Callable[..., dict[str, Any]], at: str
) -> None:
    data = document_data()
    data["log"] = [{"at": at, "who": "Ans", "what": "Knop 3 aan"}]
    with pytest.raises(DocumentInvalid) as raised:
        project_import_json(raw=json.dumps(data), by=people.anna)
    assert raised.value.errors[0].message == "moet tussen 1990 en 2100 liggen"
    assert not Project.objects.exists()


@given(
    name=texts, remark=texts, score=st.one_of(st.integers(-1, 4), st.floats(), st.text(max_size=3))
)
@FUZZ
def test_any_accepted_live_session_leaves_a_valid_project(
    project: Project, people: People, name: str, remark: str, score: Any
) -> None:
    from stuurknop.web.live.services import (
        LiveError,
        participant_join,
        session_close,
        session_start,
        vote_cast,
    )

    try:
        session = session_start(project=project, by=people.anna, name=name or "Sessie")
        participant, _token = participant_join(session=session, name=name or "Ans", party="woco")
    except LiveError:
        return
    for item in ("value-goed_wonen", "knob-2", "remarks"):
        with contextlib.suppress(LiveError):
            vote_cast(participant=participant, item=item, score=score, remark=remark)
    attempt(project, lambda: session_close(session=session, by=people.anna), (LiveError,))


@given(remark=texts, score=st.integers(-1, 4))
@FUZZ
def test_any_accepted_residents_answer_leaves_a_valid_project(
    project: Project, people: People, remark: str, score: int
) -> None:
    from stuurknop.web.residents.models import Questionnaire
    from stuurknop.web.residents.services import (
        QuestionnaireError,
        questionnaire_create,
        questionnaire_take_in,
        response_submit,
    )

    questionnaire = Questionnaire.objects.filter(project=project).first()
    if questionnaire is None:
        questionnaire = questionnaire_create(project=project, by=people.anna)
    try:
        response = response_submit(
            questionnaire=questionnaire, scores={}, help_organise="ja", remark=remark
        )
        assert "\x00" not in response.remark and "\x1b" not in response.remark
    except QuestionnaireError:
        pass
    attempt(
        project,
        lambda: questionnaire_take_in(questionnaire=questionnaire, by=people.anna),
        (QuestionnaireError,),
    )


@given(
    name=texts,
    answer=st.sampled_from(["ja", "nee", "min_of_meer", "soms", ""]),
    mark=st.one_of(st.none(), st.integers(-1, 12), st.sampled_from(["7", ""])),
    ends=st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31))),
)
@FUZZ
def test_any_accepted_residents_round_leaves_a_valid_project(
    project: Project, people: People, name: str, answer: str, mark: Any, ends: Any
) -> None:
    from stuurknop.web.residents.models import Questionnaire
    from stuurknop.web.residents.rounds import open_round, round_close, round_start
    from stuurknop.web.residents.services import (
        QuestionnaireError,
        questionnaire_create,
        response_submit,
    )

    questionnaire = Questionnaire.objects.filter(project=project).first()
    if questionnaire is None:
        questionnaire = questionnaire_create(project=project, by=people.anna)
    running = open_round(questionnaire)
    if running is not None:
        round_close(round_=running, by=people.anna)
    attempt(
        project,
        lambda: round_start(
            questionnaire=questionnaire,
            by=people.anna,
            name=name,
            starts_on=dt.date(2026, 1, 1),
            ends_on=ends,
            instruments=["eenzaamheid_djg6", "tevredenheid_cijfer"],
        ),
        (QuestionnaireError,),
    )
    running = open_round(questionnaire)
    if running is None:
        return
    given = {
        "eenzaamheid_djg6": {"leegte": answer, "vertrouwen": answer},
        "tevredenheid_cijfer": mark,
    }
    with contextlib.suppress(QuestionnaireError):
        response_submit(
            questionnaire=questionnaire,
            scores={},
            help_organise="",
            remark="",
            instrument_answers=given,
        )
    attempt(project, lambda: round_close(round_=running, by=people.anna), (QuestionnaireError,))


@given(title=texts, place=texts, minutes=texts, date=dates, knob=st.none() | st.integers(-1, 11))
@FUZZ
def test_any_accepted_meeting_or_agenda_write_leaves_a_valid_project(
    project: Project, people: People, title: str, place: str, minutes: str, date: Any, knob: Any
) -> None:
    attempt(
        project,
        lambda: meeting_create(
            project=project, by=people.bram, title=title, date=date, place=place
        ),
    )
    meeting = Meeting.objects.filter(project=project).first() or meeting_create(
        project=project, by=people.bram, title="Overleg"
    )
    attempt(
        project,
        lambda: meeting_update(
            meeting=meeting, by=people.bram, expected_version=meeting.version, title=title
        ),
    )
    meeting.refresh_from_db()
    for value in ("goed_wonen", "onbekend", None):
        attempt(
            project,
            lambda value=value: point_add(
                meeting=meeting,
                by=people.bram,
                title=title,
                explanation=place,
                knob=knob,
                value=value,
                brought_by="zorg",
            ),
        )
    point = meeting.points.last() or point_add(meeting=meeting, by=people.bram, title="Punt")
    attempt(
        project,
        lambda: point_update(
            point=point,
            by=people.bram,
            expected_version=point.version,
            minutes=minutes,
            outcome=place,
        ),
    )
    point.refresh_from_db()
    attempt(
        project,
        lambda: point_move(point=point, by=people.bram, expected_version=point.version, up=True),
    )


@given(
    title=texts,
    why=texts,
    person=texts,
    date=dates,
    review=dates,
    party=party_ids,
    knobs=st.lists(st.integers(-1, 11), max_size=3),
    costs=st.lists(st.sampled_from(["k1", "k9", "", "f1"]), max_size=2),
)
@FUZZ
def test_any_accepted_decision_or_action_leaves_a_valid_project(
    project: Project,
    people: People,
    title: str,
    why: str,
    person: str,
    date: Any,
    review: Any,
    party: Any,
    knobs: list[int],
    costs: list[str],
) -> None:
    decision = {
        "title": title,
        "why": why,
        "date": date,
        "review_date": review,
        "decided_by": [party] if party is not None else [],
        "knobs": knobs,
        "cost_items": costs,
        "funding_lines": ["f1"],
    }
    attempt(project, lambda: decision_create(project=project, by=people.bram, **decision))
    meeting = Meeting.objects.filter(project=project).first() or meeting_create(
        project=project, by=people.bram, title="Overleg"
    )
    point = meeting.points.first() or point_add(meeting=meeting, by=people.bram, title="Punt")
    action = {"title": title, "owner_party": party, "owner_person": person, "due": review}
    attempt(
        project,
        lambda: point_follow_up(point=point, by=people.bram, decision=decision, actions=[action]),
    )
    attempt(project, lambda: action_create(project=project, by=people.bram, **action))
    made = project.actions.last()
    if made is not None:
        attempt(
            project,
            lambda: action_done(action=made, by=people.bram, expected_version=made.version),
        )
    stored = project.decisions.last()
    if stored is not None:
        attempt(
            project,
            lambda: decision_update(
                decision=stored, by=people.bram, expected_version=stored.version, why=why
            ),
        )


@given(
    title=texts,
    text=texts,
    date=dates,
    knobs=st.lists(st.integers(-1, 11), max_size=3),
    themes=st.lists(
        st.sampled_from(["participatie", "financiering", "geen thema", ""]), max_size=2
    ),
    shared=st.sampled_from([True, False, None, "ja"]),
    verdict=st.sampled_from([None, "", "op_te_schalen", "met_aanpassingen", "niet", "misschien"]),
    party=party_ids,
)
@FUZZ
def test_any_accepted_lesson_or_verdict_leaves_a_valid_project(
    project: Project,
    people: People,
    title: str,
    text: str,
    date: Any,
    knobs: list[int],
    themes: list[str],
    shared: Any,
    verdict: Any,
    party: Any,
) -> None:
    lesson = {
        "title": title,
        "happened": text,
        "learned": text,
        "knobs": knobs,
        "themes": themes,
        "date": date,
        "shared": shared,
    }
    attempt(project, lambda: lesson_create(project=project, by=people.bram, **lesson))
    stored = project.lessons.last()
    if stored is not None:
        attempt(
            project,
            lambda: lesson_update(
                lesson=stored, by=people.bram, expected_version=stored.version, learned=text
            ),
        )
        stored.refresh_from_db()
        attempt(
            project,
            lambda: lesson_delete(lesson=stored, by=people.bram, expected_version=stored.version),
        )
    project.refresh_from_db()
    attempt(
        project,
        lambda: scale_up_save(
            project=project,
            by=people.bram,
            expected_version=scale_up_version(project.scale_up),
            verdict=verdict,
            reasons=text,
            elsewhere=title,
            date=date,
            decided_by=[party] if party is not None else [],
        ),
    )
