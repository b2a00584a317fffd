"""The live session's services: codes, joining, voting, stepping, revealing and closing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from stuurknop.web.live.codes import ALPHABET, CODE_LENGTH, token_hash
from stuurknop.web.live.limits import RATE_VOTES
from stuurknop.web.live.models import BehalfEntry, LiveSession, Participant, Vote
from stuurknop.web.live.services import (
    LiveError,
    open_session,
    participant_by_token,
    session_close,
    session_move,
    session_perspectives,
    session_reveal,
    session_start,
    vote_cast,
    votes_on_behalf,
)
from stuurknop.web.projects.models import LogEntry, Project
from tests.web.conftest import People

from .conftest import Join


def _reload(project: Project) -> Project:
    return Project.objects.get(pk=project.pk)


def test_a_session_gets_a_short_code_from_the_unambiguous_alphabet(live: LiveSession) -> None:
    assert len(live.code) == CODE_LENGTH
    assert set(live.code) <= set(ALPHABET)
    assert not set("0O1IL") & set(ALPHABET)


def test_open_sessions_never_share_a_code(project: Project, people: People) -> None:
    codes = {session_start(project=project, by=people.anna, name=f"S{i}").code for i in range(30)}
    assert len(codes) == 30


def test_starting_is_logged_and_begins_at_the_values(live: LiveSession, project: Project) -> None:
    assert live.step == "values"
    assert LogEntry.objects.filter(project=project, what="Live sessie gestart: Sessie mei").exists()


@pytest.mark.parametrize(("who", "error"), [("bram", PermissionDenied), ("olaf", Http404)])
def test_only_a_beheerder_starts_a_session(
    project: Project, people: People, who: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        session_start(project=project, by=getattr(people, who), name="S")
    assert not LiveSession.objects.exists()


def test_an_archived_project_gets_no_new_session(project: Project, people: People) -> None:
    Project.objects.filter(pk=project.pk).update(archived=True)
    with pytest.raises(PermissionDenied):
        session_start(project=_reload(project), by=people.anna, name="S")


def test_a_participants_token_is_stored_only_as_its_hash(join: Join) -> None:
    participant, token = join()
    assert participant.token_hash == token_hash(token)
    assert not Participant.objects.filter(token_hash=token).exists()
    assert participant_by_token(participant.session, token) == participant
    assert participant_by_token(participant.session, token + "x") is None


@pytest.mark.parametrize(
    ("name", "party", "code"),
    [("", "woco", "bad_name"), ("x" * 61, "woco", "bad_name"), ("Ans", "onbekend", "bad_party")],
)
def test_joining_needs_a_name_and_a_party_at_the_table(
    join: Join, name: str, party: str, code: str
) -> None:
    with pytest.raises(LiveError) as refused:
        join(name, party)
    assert refused.value.code == code
    assert not Participant.objects.exists()


def test_a_revote_replaces_the_vote_instead_of_counting_twice(join: Join) -> None:
    participant, _token = join()
    vote_cast(participant=participant, item="knob-4", score=1, remark="eerst")
    cast = vote_cast(participant=participant, item="knob-4", score=3, remark="toch sterk")
    assert cast.score == 3
    assert list(Vote.objects.values_list("item", "score", "remark")) == [
        ("knob-4", 3, "toch sterk")
    ]


@pytest.mark.parametrize(
    ("item", "score", "remark", "code"),
    [
        ("knob-11", 1, "", "unknown_item"),
        ("value-geluk", 1, "", "unknown_item"),
        ("knob-4", 4, "", "bad_score"),
        ("knob-4", -1, "", "bad_score"),
        ("knob-4", "2", "", "bad_score"),
        ("knob-4", True, "", "bad_score"),
        ("knob-4", None, "", "bad_score"),
        ("remarks", 2, "tekst", "bad_score"),
        ("remarks", None, "   ", "bad_score"),
        ("knob-4", 2, "x" * 501, "remark_too_long"),
        (["knob-4"], 2, "", "unknown_item"),
    ],
)
def test_a_vote_out_of_range_is_refused_and_nothing_is_stored(
    join: Join, item: object, score: object, remark: str, code: str
) -> None:
    participant, _token = join()
    with pytest.raises(LiveError) as refused:
        vote_cast(participant=participant, item=item, score=score, remark=remark)
    assert refused.value.code == code
    assert refused.value.message
    assert not Vote.objects.exists()


def test_a_vote_for_an_earlier_step_still_counts(
    join: Join, live: LiveSession, people: People
) -> None:
    participant, _token = join()
    session_move(session=live, by=people.anna, action="next")
    vote_cast(participant=participant, item="value-goed_wonen", score=2)
    assert Vote.objects.get().item == "value-goed_wonen"


def test_voting_too_fast_is_refused(join: Join) -> None:
    participant, _token = join()
    for _i in range(RATE_VOTES):
        vote_cast(participant=participant, item="knob-1", score=1)
    with pytest.raises(LiveError) as refused:
        vote_cast(participant=participant, item="knob-1", score=2)
    assert refused.value.code == "too_fast"
    assert Vote.objects.get().score == 1


def test_every_vote_counts_as_a_change_of_the_session(join: Join, live: LiveSession) -> None:
    participant, _token = join()
    before = LiveSession.objects.get(pk=live.pk).revision
    cast = vote_cast(participant=participant, item="knob-1", score=1)
    assert cast.revision == before + 1


def test_the_facilitator_steps_through_values_knobs_and_remarks(
    live: LiveSession, people: People
) -> None:
    session_move(session=live, by=people.anna, action="previous")
    assert live.step == "values"
    session_move(session=live, by=people.anna, action="next")
    assert LiveSession.objects.get(pk=live.pk).step == "knob-1"
    session_move(session=live, by=people.anna, action="goto", step="remarks")
    session_move(session=live, by=people.anna, action="next")
    assert LiveSession.objects.get(pk=live.pk).step == "remarks"
    with pytest.raises(LiveError):
        session_move(session=live, by=people.anna, action="goto", step="knob-99")


def test_revealing_shows_only_the_current_steps_results(live: LiveSession, people: People) -> None:
    session_reveal(session=live, by=people.anna)
    session_move(session=live, by=people.anna, action="next")
    session_reveal(session=live, by=people.anna)
    session_reveal(session=live, by=people.anna, revealed=False)
    assert LiveSession.objects.get(pk=live.pk).revealed == ["values"]


def test_a_bewerker_cannot_lead_the_session(live: LiveSession, people: People) -> None:
    with pytest.raises(PermissionDenied):
        session_move(session=live, by=people.bram, action="next")
    with pytest.raises(PermissionDenied):
        session_close(session=live, by=people.bram)


def test_closing_stores_one_perspective_per_party_with_the_median_rounded_half_up(
    join: Join, live: LiveSession, people: People, project: Project
) -> None:
    ans, _t = join("Ans", "woco")
    bert, _t = join("Bert", "woco")
    zoe, _t = join("Zoë", "zorg")
    join("Stil", "gemeente")  # joined, never voted: no perspective
    vote_cast(participant=ans, item="knob-4", score=1, remark="klein beginnen")
    vote_cast(participant=bert, item="knob-4", score=2)
    vote_cast(participant=ans, item="value-goed_wonen", score=3)
    vote_cast(participant=bert, item="value-goed_wonen", score=0)
    vote_cast(participant=zoe, item="knob-4", score=3)
    vote_cast(participant=zoe, item="remarks", score=None, remark="Zorg erbij betrekken")

    stored = session_close(session=live, by=people.anna)

    by_party = {p.party: p for p in stored}
    assert set(by_party) == {"woco", "zorg"}
    assert by_party["woco"].knobs == {4: 2}  # median 1.5, rounded half up
    assert by_party["woco"].values == {"goed_wonen": 2}  # median of 3 and 0
    assert by_party["woco"].remarks == "Ans (knop 4): klein beginnen"
    assert by_party["zorg"].knobs == {4: 3}
    assert by_party["zorg"].remarks == "Zoë: Zorg erbij betrekken"
    assert all(p.origin == "sessie" and p.session == "Sessie mei" for p in stored)
    saved = _reload(project).perspectives
    assert [p["party"] for p in saved] == ["woco", "zorg"]
    assert saved[0]["date"] == dt.date.today().isoformat()


def test_after_closing_the_code_is_dead(join: Join, live: LiveSession, people: People) -> None:
    participant, _token = join()
    session_close(session=live, by=people.anna)
    assert open_session(live.code) is None
    with pytest.raises(LiveError) as refused:
        vote_cast(participant=participant, item="knob-1", score=1)
    assert refused.value.code == "closed"
    with pytest.raises(LiveError):
        join("Laat")
    with pytest.raises(LiveError):
        session_close(session=live, by=people.anna)


def test_a_view_entered_on_someones_behalf_is_audited_and_stored_as_namens(
    live: LiveSession, people: People, project: Project
) -> None:
    votes_on_behalf(
        session=live,
        by=people.anna,
        name="Meneer Jansen",
        party="bewoners",
        votes={"value-goed_wonen": (3, ""), "value-werkplezier": (1, "")},
    )
    # The same name and party again changes that person's vote, no second person.
    votes_on_behalf(
        session=live,
        by=people.anna,
        name="Meneer  Jansen",
        party="bewoners",
        votes={"value-werkplezier": (2, "")},
    )
    participant = Participant.objects.get()
    assert participant.on_behalf_by == people.anna
    assert Vote.objects.filter(participant=participant).count() == 2
    audit = list(BehalfEntry.objects.values_list("item", "score", "by"))
    assert audit == [
        ("value-goed_wonen", 3, people.anna.pk),
        ("value-werkplezier", 1, people.anna.pk),
        ("value-werkplezier", 2, people.anna.pk),
    ]
    assert (
        LogEntry.objects.filter(project=project, what__contains="namens Meneer Jansen").count() == 2
    )
    (perspective,) = session_perspectives(live, dt.date(2025, 5, 12))
    assert perspective.origin == "namens"
    assert perspective.values == {"goed_wonen": 3, "werkplezier": 2}


def test_a_party_with_votes_of_its_own_and_on_its_behalf_counts_as_sessie(
    join: Join, live: LiveSession, people: People
) -> None:
    participant, _token = join("Ans", "bewoners")
    vote_cast(participant=participant, item="knob-2", score=1)
    votes_on_behalf(
        session=live, by=people.anna, name="Jansen", party="bewoners", votes={"knob-2": (3, "")}
    )
    (perspective,) = session_perspectives(live, dt.date(2025, 5, 12))
    assert perspective.origin == "sessie"
    assert perspective.knobs == {2: 2}
