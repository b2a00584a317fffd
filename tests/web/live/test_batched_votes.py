"""Votes stored together (``votes.votes_cast`` and the sockets' ``ballot_box``): none lost, one
per participant and item with the last one counting, one revision per batch and never back,
the screen ending at exactly the stored count, and nothing stored once the session closed."""

from __future__ import annotations

import asyncio
import json

import pytest
from django.db.models import Field
from django.test import override_settings

from stuurknop.web.live import limits
from stuurknop.web.live.limits import RATE_VOTES
from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import (
    LiveError,
    participant_remove,
    session_close,
    session_move,
)
from stuurknop.web.live.vote_rows import FIELDS
from stuurknop.web.live.votes import Ballot, CastVote, votes_cast
from tests.web.conftest import People

from .conftest import Join
from .servers import REDIS_URL, require_redis
from .test_consumers import participant_socket, receive, run, signed_in_cookies, socket

pytestmark = pytest.mark.django_db(transaction=True)


def test_fifty_votes_sent_at_once_are_all_stored_and_the_screen_ends_at_fifty(
    live: LiveSession, join: Join, people: People
) -> None:
    session_move(session=live, by=people.anna, action="goto", step="knob-1")
    tokens = [join(f"Deelnemer {i}", ("woco", "zorg")[i % 2])[1] for i in range(50)]
    cookies = signed_in_cookies(people.anna)

    async def body() -> None:
        screen = socket(f"/ws/live/scherm/{live.pk}/", cookies)
        assert (await screen.connect())[0]
        await receive(screen, "screen")
        phones = [await participant_socket(live, token) for token in tokens]
        for i, phone in enumerate(phones):  # all sent before any answer is read
            await phone.send_json_to(
                {"type": "vote", "id": f"v{i}", "item": "knob-1", "score": i % 4}
            )
        acks = [await receive(phone, "ack") for phone in phones]
        assert [ack["id"] for ack in acks] == [f"v{i}" for i in range(50)]
        last = max(ack["revision"] for ack in acks)
        while True:  # the updates may be several; the one that counts the last vote says 50
            update = await receive(screen, "screen")
            if update["revision"] >= last:
                break
        assert update["voted"] == 50
        for phone in [screen, *phones]:
            await phone.disconnect()

    run(body)
    stored = sorted(Vote.objects.filter(item="knob-1").values_list("client_id", "score"))
    assert stored == sorted((f"v{i}", i % 4) for i in range(50))


def test_a_batch_shares_one_revision_and_the_next_batch_gets_a_higher_one(join: Join) -> None:
    ans, _ = join("Ans")
    bert, _ = join("Bert", "zorg")
    before = ans.session.revision
    first = votes_cast(
        session=ans.session,
        ballots=[Ballot(ans, "knob-1", 1), Ballot(bert, "knob-1", 2)],
    )
    second = votes_cast(session=ans.session, ballots=[Ballot(ans, "knob-2", 3)])
    assert [vote.revision for vote in first if isinstance(vote, CastVote)] == [before + 1] * 2
    assert isinstance(second[0], CastVote) and second[0].revision == before + 2


def test_two_votes_of_one_participant_in_one_batch_the_last_one_counts(join: Join) -> None:
    ans, _ = join("Ans")
    outcomes = votes_cast(
        session=ans.session,
        ballots=[
            Ballot(ans, "knob-3", 0, "eerst", "a"),
            Ballot(ans, "knob-3", 3, "toch", "b"),
        ],
    )
    assert [o.client_id for o in outcomes if isinstance(o, CastVote)] == ["a", "b"]
    assert list(Vote.objects.values_list("item", "score", "remark", "client_id")) == [
        ("knob-3", 3, "toch", "b")
    ]


def test_a_revote_in_a_later_batch_replaces_the_vote(join: Join) -> None:
    ans, _ = join("Ans")
    votes_cast(session=ans.session, ballots=[Ballot(ans, "knob-3", 1)])
    votes_cast(session=ans.session, ballots=[Ballot(ans, "knob-3", 2, "later")])
    assert list(Vote.objects.values_list("score", "remark")) == [(2, "later")]


def test_each_ballot_of_a_batch_gets_its_own_answer(join: Join, people: People) -> None:
    ans, _ = join("Ans")
    bert, _ = join("Bert", "zorg")
    zoe, _ = join("Zoë", "zorg")
    participant_remove(session=ans.session, by=people.anna, participant_id=zoe.pk)
    outcomes = votes_cast(
        session=ans.session,
        ballots=[
            Ballot(ans, "knob-1", 2),
            Ballot(bert, "knob-1", 7),  # out of range
            Ballot(zoe, "knob-1", 1),  # removed meanwhile
            Ballot(bert, "no-such-item", 1),
            Ballot(bert, "knob-2", 0),
        ],
    )
    kinds = [o.code if isinstance(o, LiveError) else "ack" for o in outcomes]
    assert kinds == ["ack", "bad_score", "removed", "unknown_item", "ack"]
    assert sorted(Vote.objects.values_list("participant__name", "item", "score")) == [
        ("Ans", "knob-1", 2),
        ("Bert", "knob-2", 0),
    ]


def test_the_limit_counts_every_ballot_of_a_batch(join: Join) -> None:
    ans, _ = join("Ans")
    ballots = [Ballot(ans, "knob-1", i % 4, "", f"c{i}") for i in range(RATE_VOTES + 2)]
    outcomes = votes_cast(session=ans.session, ballots=ballots)
    codes = [o.code if isinstance(o, LiveError) else "ack" for o in outcomes]
    assert codes == ["ack"] * RATE_VOTES + ["too_fast"] * 2
    assert Vote.objects.get().client_id == f"c{RATE_VOTES - 1}"


def test_a_batch_after_the_close_is_refused_whole_and_stores_nothing(
    join: Join, live: LiveSession, people: People
) -> None:
    ans, _ = join("Ans")
    bert, _ = join("Bert", "zorg")
    session_close(session=live, by=people.anna)
    outcomes = votes_cast(
        session=ans.session, ballots=[Ballot(ans, "knob-1", 1), Ballot(bert, "knob-1", 2)]
    )
    assert [o.code for o in outcomes if isinstance(o, LiveError)] == ["closed", "closed"]
    assert not Vote.objects.exists()


def test_votes_sent_over_sockets_after_the_close_are_refused_and_the_sockets_close(
    live: LiveSession, join: Join, people: People
) -> None:
    tokens = [join(f"Deelnemer {i}")[1] for i in range(3)]

    async def body() -> None:
        phones = [await participant_socket(live, token) for token in tokens]
        await asyncio.to_thread(_close, live, people)
        for i, phone in enumerate(phones):
            await phone.send_json_to({"type": "vote", "id": f"v{i}", "item": "knob-1", "score": 1})
        for phone in phones:
            error = await receive(phone, "error")
            assert error["code"] == "closed"
            # the close code 4410 follows (the closed broadcast may be heard first)
            while (output := await phone.receive_output(timeout=5))["type"] != "websocket.close":
                assert json.loads(output["text"])["type"] in {"closed", "error"}
            assert output["code"] == 4410

    run(body)
    assert not Vote.objects.exists()


def _close(live: LiveSession, people: People) -> None:
    from django.db import connections

    try:
        session_close(session=live, by=people.anna)
    finally:
        connections.close_all()


def test_the_batched_write_names_every_column_of_a_vote() -> None:
    """vote_rows.py spells the columns it writes: a new column of Vote must be added there."""
    columns = {
        field.name
        for field in Vote._meta.get_fields()
        if isinstance(field, Field) and field.concrete and not field.primary_key
    }
    assert set(FIELDS) == columns


@pytest.mark.parametrize("redis", [False, True], ids=["local cache", "redis"])
def test_counting_many_at_once_counts_as_one_by_one_does(redis: bool) -> None:
    if redis:
        require_redis()
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    caches["default"] |= {"LOCATION": REDIS_URL, "KEY_PREFIX": f"batch-test-{id(caches)}"}
    with override_settings(CACHES=caches) if redis else override_settings():
        names = ["a", "b", "a", "a"]
        windows = limits.count_each(names, 10)
        assert [w.count for w in windows] == [1, 1, 2, 3]
        assert limits.count("a", 10).count == 4  # the one-by-one counter sees the same keys
        assert limits.peek("b", 10).count == 1
