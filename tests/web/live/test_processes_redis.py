"""Two Daphne processes share live sessions through the Redis channel layer: a vote sent to
one process reaches a beamer connected to the other, a revote replaces the vote, and a vote
re-sent after reconnecting to the other process is acknowledged and counted once.

Real processes, real sockets (the ``websockets`` client, with the site's own Origin as
``AllowedHostsOriginValidator`` wants), one shared database (SQLite file, or a fresh
PostgreSQL database when ``DATABASE_URL`` is PostgreSQL). Without Redis these tests are
skipped, with the reason; in CI (``CI=true``) that is a failure.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .loop import run_in_own_thread
from .servers import (
    REDIS_URL,
    Daphne,
    Socket,
    World,
    control,
    daphnes,
    forget_redis_prefix,
    join,
    logs_on_failure,
    make_world,
    require_redis,
    server_env,
    shared_database,
    start_session,
)

GOED_WONEN = "value-goed_wonen"
VALUE_ITEMS = ("value-goed_wonen", "value-minder_zorgvraag", "value-werkplezier")


@dataclass
class Pair:
    world: World
    a: Daphne
    b: Daphne


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Processes A and B on one database, with the Redis channel layer under a fresh prefix."""
    require_redis()
    tmp: Path = tmp_path_factory.mktemp("live-processes")
    prefix = f"live-test-{uuid.uuid4().hex[:12]}"
    with shared_database(tmp, os.environ.get("DATABASE_URL")) as database_url:
        env = server_env(tmp, database_url, redis_url=REDIS_URL, prefix=prefix)
        world = make_world(env)
        try:
            with daphnes(env, tmp, count=2) as (a, b):
                yield Pair(world, a, b)
        finally:
            forget_redis_prefix(prefix)


def run(pair: Pair, body: Callable[[], Awaitable[None]]) -> None:
    """Run the test's coroutine; a failure shows both servers' output too."""
    with logs_on_failure(pair.a, pair.b):
        run_in_own_thread(body)


def voted(n: int) -> Callable[[dict[str, Any]], bool]:
    return lambda m: m["type"] == "screen" and m["voted"] == n


def result_of(screen: dict[str, Any], item: str) -> dict[str, Any]:
    return next(r for r in screen["results"] if r["item"] == item)


def counts(result: dict[str, Any]) -> dict[int, int]:
    return {d["score"]: d["count"] for d in result["distribution"] if d["count"]}


async def participant(server: Daphne, code: str, token: str) -> Socket:
    """A participant's socket on ``server``, past ``hello``."""
    socket = await Socket.open(server, f"/ws/live/deelnemer/{code}/")
    await socket.send({"type": "hello", "token": token})
    await socket.until(lambda m: m["type"] == "state", "state after hello")
    return socket


async def vote(socket: Socket, ident: str, item: str, score: int) -> dict[str, Any]:
    await socket.send({"type": "vote", "id": ident, "item": item, "score": score, "remark": ""})
    return await socket.until(lambda m: m.get("id") == ident, f"answer to vote {ident}")


def test_a_vote_sent_to_one_process_reaches_the_beamer_on_the_other(pair: Pair) -> None:
    session_id, code = start_session(pair.a, pair.world, "Twee processen")

    async def body() -> None:
        beamer = await Socket.open(
            pair.a, f"/ws/live/scherm/{session_id}/", pair.world.session_cookie
        )
        first = await beamer.until(lambda m: m["type"] == "screen", "screen on connect")
        assert (first["participants"], first["voted"], first["results"]) == (0, 0, None)

        ans = await asyncio.to_thread(join, pair.b, code, "Ans", pair.world.parties[0])
        # Joining through B is announced to the screen on A.
        await beamer.until(lambda m: m["participants"] == 1, "with Ans joined")

        socket = await participant(pair.b, code, ans["token"])
        ack = await vote(socket, "v1", GOED_WONEN, 3)
        assert ack["type"] == "ack" and (ack["item"], ack["score"]) == (GOED_WONEN, 3)
        counted = await beamer.until(voted(1), "with Ans's vote counted")
        assert counted["revision"] >= ack["revision"]
        assert counted["results"] is None, "no scores before the reveal"
        assert "1 van 1 gestemd" in counted["html"]

        # Revealed through A's HTTP action: the beamer (on A) shows the results.
        await asyncio.to_thread(control, pair.a, pair.world, session_id, "reveal")
        shown = await beamer.until(lambda m: m["results"] is not None, "with the results")
        assert counts(result_of(shown, GOED_WONEN)) == {3: 1}
        assert result_of(shown, GOED_WONEN)["median"] == 3

        # The participant's socket on B hears of the reveal through Redis as well.
        await socket.until(lambda m: m["type"] == "state" and m["step"]["revealed"], "reveal")

        # A vote after the reveal, through B, updates the results on A's beamer live.
        bert = await asyncio.to_thread(join, pair.b, code, "Bert", pair.world.parties[1])
        other = await participant(pair.b, code, bert["token"])
        await vote(other, "w1", GOED_WONEN, 1)
        later = await beamer.until(voted(2), "with Bert's vote counted")
        assert counts(result_of(later, GOED_WONEN)) == {1: 1, 3: 1}
        assert result_of(later, GOED_WONEN)["median"] == 2

        for s in (beamer, socket, other):
            await s.close()

    run(pair, body)


def test_a_revote_replaces_the_vote_on_the_other_processes_beamer(pair: Pair) -> None:
    session_id, code = start_session(pair.b, pair.world, "Opnieuw stemmen")
    control(pair.b, pair.world, session_id, "reveal")

    async def body() -> None:
        beamer = await Socket.open(
            pair.a, f"/ws/live/scherm/{session_id}/", pair.world.session_cookie
        )
        await beamer.until(lambda m: m["type"] == "screen", "screen on connect")
        ans = await asyncio.to_thread(join, pair.b, code, "Ans", pair.world.parties[0])
        socket = await participant(pair.b, code, ans["token"])

        await vote(socket, "v1", GOED_WONEN, 1)
        once = await beamer.until(
            lambda m: m["results"] and result_of(m, GOED_WONEN)["count"] == 1, "first vote"
        )
        assert counts(result_of(once, GOED_WONEN)) == {1: 1}

        revote = await vote(socket, "v2", GOED_WONEN, 3)
        assert revote["type"] == "ack"
        after = await beamer.until(
            lambda m: m["revision"] >= revote["revision"], "the revote's screen"
        )
        assert after["voted"] == 1
        assert result_of(after, GOED_WONEN)["count"] == 1
        assert counts(result_of(after, GOED_WONEN)) == {3: 1}

        await socket.close()
        await beamer.close()

    run(pair, body)


def test_a_vote_resent_after_reconnecting_to_the_other_process_counts_once(
    pair: Pair,
) -> None:
    session_id, code = start_session(pair.a, pair.world, "Verbinding kwijt")
    control(pair.a, pair.world, session_id, "reveal")

    async def body() -> None:
        beamer = await Socket.open(
            pair.b, f"/ws/live/scherm/{session_id}/", pair.world.session_cookie
        )
        await beamer.until(lambda m: m["type"] == "screen", "screen on connect")
        ans = await asyncio.to_thread(join, pair.a, code, "Ans", pair.world.parties[0])

        # Ans votes through A: two votes; the connection drops before she reads the acks.
        first = await participant(pair.a, code, ans["token"])
        queue = [
            {"type": "vote", "id": "q1", "item": VALUE_ITEMS[0], "score": 2, "remark": ""},
            {"type": "vote", "id": "q2", "item": VALUE_ITEMS[1], "score": 0, "remark": ""},
        ]
        for message in queue:
            await first.send(message)
        await beamer.until(
            lambda m: m["results"] and result_of(m, VALUE_ITEMS[1])["count"] == 1,
            "both queued votes stored",
        )
        await first.close()

        # Her phone reconnects to the other process (B), says hello and re-sends the queue,
        # plus a vote it had not sent yet.
        second = await participant(pair.b, code, ans["token"])
        acks = []
        for message in [
            *queue,
            {"type": "vote", "id": "q3", "item": VALUE_ITEMS[2], "score": 1, "remark": ""},
        ]:
            await second.send(message)
        for ident in ("q1", "q2", "q3"):
            ack = await second.until(lambda m, i=ident: m.get("id") == i, f"ack {ident}")
            assert ack["type"] == "ack", ack
            acks.append(ack)
        state = await beamer.until(
            lambda m: m["revision"] >= max(a["revision"] for a in acks), "after the re-sent votes"
        )
        assert state["participants"] == 1
        assert state["voted"] == 1
        assert [counts(result_of(state, item)) for item in VALUE_ITEMS] == [
            {2: 1},
            {0: 1},
            {1: 1},
        ]
        assert all(result_of(state, item)["count"] == 1 for item in VALUE_ITEMS)

        await second.close()
        await beamer.close()

    run(pair, body)
