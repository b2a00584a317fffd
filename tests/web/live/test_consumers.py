"""The live session's sockets, through the site's whole ASGI stack (origin check, cookies,
sign-in) with Channels' test communicator: joining, voting, revoting, reconnecting, the screens,
and everyone who must be refused.

pytest-asyncio is not installed: each test body is a coroutine run on a loop of its own. The
tests are transactional, so the consumers' database threads see the test's rows.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from stuurknop.web.asgi import application
from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import session_close, session_move, session_reveal
from tests.web.conftest import People

from .conftest import Join
from .loop import run_in_own_thread

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


def run(body: Callable[[], Awaitable[None]]) -> None:
    run_in_own_thread(body)


def socket(
    path: str, cookies: dict[str, str] | None = None, origin: bool = True
) -> WebsocketCommunicator:
    headers = [(b"host", b"localhost")]
    if origin:
        headers.append(ORIGIN)
    if cookies:
        headers.append((b"cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()).encode()))
    return WebsocketCommunicator(application, path, headers=headers)


def signed_in_cookies(user: Any) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


async def receive(communicator: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    """The next message of type ``kind`` (others in between are skipped)."""
    for _ in range(20):
        message = json.loads(await communicator.receive_from(timeout=5))
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message")


async def participant_socket(live: LiveSession, token: str) -> WebsocketCommunicator:
    communicator = socket(f"/ws/live/deelnemer/{live.code}/")
    connected, _code = await communicator.connect()
    assert connected
    await communicator.send_json_to({"type": "hello", "token": token})
    state = await receive(communicator, "state")
    assert state["joined"] and state["step"]["key"] == live.step
    return communicator


def test_a_participant_votes_and_gets_an_ack_and_a_revote_replaces_it(
    live: LiveSession, join: Join
) -> None:
    participant, token = join()

    async def body() -> None:
        communicator = await participant_socket(live, token)
        await communicator.send_json_to(
            {"type": "vote", "id": "a1", "item": "value-goed_wonen", "score": 2}
        )
        ack = await receive(communicator, "ack")
        assert (ack["id"], ack["item"], ack["score"]) == ("a1", "value-goed_wonen", 2)
        await communicator.send_json_to(
            {"type": "vote", "id": "a2", "item": "value-goed_wonen", "score": 3, "remark": ""}
        )
        assert (await receive(communicator, "ack"))["id"] == "a2"
        await communicator.disconnect()

    run(body)
    assert list(Vote.objects.values_list("participant", "item", "score")) == [
        (participant.pk, "value-goed_wonen", 3)
    ]


def test_the_cookie_identifies_the_participant_when_hello_has_no_token(
    live: LiveSession, join: Join
) -> None:
    _participant, token = join("Bert", "zorg")

    async def body() -> None:
        communicator = socket(f"/ws/live/deelnemer/{live.code}/", {cookie_name(live.code): token})
        assert (await communicator.connect())[0]
        await communicator.send_json_to({"type": "hello"})
        state = await receive(communicator, "state")
        assert state["participant"] == {"name": "Bert", "party": "Zorg"}
        await communicator.disconnect()

    run(body)


def test_a_vote_resent_after_a_reconnect_is_not_counted_twice(
    live: LiveSession, join: Join
) -> None:
    _participant, token = join()

    async def body() -> None:
        vote = {"type": "vote", "id": "q1", "item": "value-werkplezier", "score": 1}
        first = await participant_socket(live, token)
        await first.send_json_to(vote)
        await first.disconnect()  # dropped before the ack was read
        second = await participant_socket(live, token)
        await second.send_json_to(vote)  # the script re-sends its unacknowledged queue
        assert (await receive(second, "ack"))["id"] == "q1"
        await second.disconnect()

    run(body)
    assert Vote.objects.filter(item="value-werkplezier").count() == 1


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"type": "vote", "id": "x", "item": "knob-4", "score": 7}, "bad_score"),
        ({"type": "vote", "id": "x", "item": "knob-42", "score": 1}, "unknown_item"),
        (
            {"type": "vote", "id": "x", "item": "knob-4", "score": 1, "remark": "y" * 501},
            "remark_too_long",
        ),
        ({"type": "dans"}, "bad_message"),
        ({"type": "vote", "id": "x", "item": "knob-4", "score": 1, "pad": "z" * 5000}, "too_large"),
        ([1, 2], "bad_message"),
    ],
)
def test_a_bad_message_gets_a_clear_error_and_stores_nothing(
    live: LiveSession, join: Join, message: Any, code: str
) -> None:
    _participant, token = join()

    async def body() -> None:
        communicator = await participant_socket(live, token)
        await communicator.send_json_to(message)
        error = await receive(communicator, "error")
        assert error["code"] == code
        assert error["message"]
        await communicator.disconnect()

    run(body)
    assert not Vote.objects.exists()


def test_voting_before_hello_is_refused(live: LiveSession) -> None:
    async def body() -> None:
        communicator = socket(f"/ws/live/deelnemer/{live.code}/")
        assert (await communicator.connect())[0]
        await communicator.send_json_to({"type": "vote", "id": "x", "item": "knob-1", "score": 1})
        assert (await receive(communicator, "error"))["code"] == "unknown_participant"
        await communicator.disconnect()

    run(body)
    assert not Vote.objects.exists()


def test_an_unknown_token_is_told_and_the_socket_closes(live: LiveSession) -> None:
    async def body() -> None:
        communicator = socket(f"/ws/live/deelnemer/{live.code}/")
        assert (await communicator.connect())[0]
        await communicator.send_json_to({"type": "hello", "token": "verzonnen"})
        assert (await receive(communicator, "error"))["code"] == "unknown_participant"
        assert (await communicator.receive_output(timeout=5))["code"] == 4403

    run(body)


def test_a_wrong_code_or_a_closed_session_refuses_the_handshake(
    live: LiveSession, people: People
) -> None:
    session_close(session=live, by=people.anna)

    async def body() -> None:
        for path in (f"/ws/live/deelnemer/{live.code}/", "/ws/live/deelnemer/ZZZZZZ/"):
            communicator = socket(path)
            connected, _code = await communicator.connect()
            assert not connected, path

    run(body)


def test_a_foreign_origin_is_refused(live: LiveSession) -> None:
    async def body() -> None:
        communicator = WebsocketCommunicator(
            application,
            f"/ws/live/deelnemer/{live.code}/",
            headers=[(b"origin", b"http://evil.example")],
        )
        assert not (await communicator.connect())[0]

    run(body)


@pytest.mark.parametrize("who", ["anonymous", "olaf", "carla", "bram"])
def test_only_a_beheerder_may_watch_the_screen(live: LiveSession, people: People, who: str) -> None:
    cookies = {} if who == "anonymous" else signed_in_cookies(getattr(people, who))

    async def body() -> None:
        communicator = socket(f"/ws/live/scherm/{live.pk}/", cookies)
        connected, _code = await communicator.connect()
        assert not connected

    run(body)


def test_the_screen_sees_counts_at_once_and_results_only_after_reveal(
    live: LiveSession, people: People, join: Join
) -> None:
    _ans, ans_token = join("Ans", "woco")
    join("Bert", "zorg")
    cookies = signed_in_cookies(people.anna)

    async def body() -> None:
        screen = socket(f"/ws/live/scherm/{live.pk}/", cookies)
        assert (await screen.connect())[0]
        first = await receive(screen, "screen")
        assert (first["participants"], first["voted"], first["results"]) == (2, 0, None)

        voter = await participant_socket(live, ans_token)
        await voter.send_json_to(
            {"type": "vote", "id": "v1", "item": "value-goed_wonen", "score": 3}
        )
        await receive(voter, "ack")
        update = await receive(screen, "screen")
        assert (update["voted"], update["results"]) == (1, None)
        assert "1 van 2 gestemd" in update["html"]
        assert "Mediaan" not in update["html"]

        await sync_to_async(session_reveal)(session=live, by=people.anna)
        await sync_to_async(_announce)(live.pk, step_changed=True)
        revealed = await receive(screen, "screen")
        (goed_wonen,) = [r for r in revealed["results"] if r["item"] == "value-goed_wonen"]
        assert goed_wonen["count"] == 1 and goed_wonen["median"] == 3.0
        assert goed_wonen["distribution"][3] == {"score": 3, "count": 1}
        assert "Mediaan" in revealed["html"]

        # Once revealed, the participant sees the results change too.
        await voter.send_json_to(
            {"type": "vote", "id": "v2", "item": "value-goed_wonen", "score": 1}
        )
        results = await receive(voter, "results")
        assert results["step"] == "values" and "Mediaan" in results["html"]
        await voter.disconnect()
        await screen.disconnect()

    run(body)


def test_participants_hear_of_a_new_step_and_of_the_close(
    live: LiveSession, people: People, join: Join
) -> None:
    _ans, token = join()

    async def body() -> None:
        voter = await participant_socket(live, token)
        await sync_to_async(session_move)(session=live, by=people.anna, action="next")
        await sync_to_async(_announce)(live.pk, step_changed=True)
        state = await receive(voter, "state")
        assert state["step"]["key"] == "knob-1"
        assert 'name="score__knob-1"' in state["html"]
        await sync_to_async(session_close)(session=live, by=people.anna)
        await sync_to_async(_announce)(live.pk, step_changed=True)
        assert (await receive(voter, "closed"))["message"]
        assert (await voter.receive_output(timeout=5))["code"] == 4410

    run(body)


def _announce(session_id: int, *, step_changed: bool) -> None:
    from stuurknop.web.live.broadcast import announce

    announce(session_id, step_changed=step_changed)
