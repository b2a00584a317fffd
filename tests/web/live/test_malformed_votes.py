"""Every malformed vote is refused with a clear Dutch message, over the socket and over the
polling POST alike, and never raises (a 500, or the socket closed with 1011).

Found by a security probe: ``"score": 2.0`` closed the socket with 1011. A whole number sent as
a float is now taken as that number (some JSON writers send every number as a float); a
boolean is never a score, although Python counts ``True`` as 1.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from stuurknop.web.asgi import application
from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import LiveError, vote_cast

from .conftest import Join
from .loop import run_in_own_thread

GOOD = {"id": "m1", "item": "knob-4", "score": 2, "remark": ""}

# (what is changed in a good vote, the error code). ``...`` leaves a field out.
MALFORMED: list[tuple[dict[str, Any], str]] = [
    ({"score": 2.5}, "bad_score"),
    ({"score": float("nan")}, "bad_score"),
    ({"score": True}, "bad_score"),
    ({"score": False}, "bad_score"),
    ({"score": "2"}, "bad_score"),
    ({"score": None}, "bad_score"),
    ({"score": 10**30}, "bad_score"),
    ({"score": -1}, "bad_score"),
    ({"score": 4}, "bad_score"),
    ({"score": 4.0}, "bad_score"),
    ({"score": {"value": 2}}, "bad_score"),
    ({"score": [2]}, "bad_score"),
    ({"score": ...}, "bad_score"),
    ({"item": "knob-42"}, "unknown_item"),
    ({"item": 4}, "unknown_item"),
    ({"item": {"key": "knob-4"}}, "unknown_item"),
    ({"item": ["knob-4"]}, "unknown_item"),
    ({"item": None}, "unknown_item"),
    ({"item": ...}, "unknown_item"),
    ({"remark": "x" * 501}, "remark_too_long"),
    ({"remark": 5}, "bad_remark"),
    ({"remark": {"text": "ja"}}, "bad_remark"),
    ({"remark": ["ja"]}, "bad_remark"),
    ({"id": "i" * 41}, "bad_message"),
    ({"item": "remarks", "score": 1, "remark": "ja"}, "bad_score"),
    ({"item": "remarks", "score": None, "remark": None}, "bad_score"),
]
IDS = [f"{code}-{i}" for i, (_change, code) in enumerate(MALFORMED)]


def vote_with(change: dict[str, Any]) -> dict[str, Any]:
    vote = {**GOOD, **change}
    return {key: value for key, value in vote.items() if value is not ...}


@pytest.mark.parametrize(("change", "code"), MALFORMED, ids=IDS)
def test_the_service_refuses_a_malformed_vote_with_a_live_error(
    join: Join, change: dict[str, Any], code: str
) -> None:
    participant, _token = join()
    vote = vote_with(change)
    with pytest.raises(LiveError) as refused:
        vote_cast(
            participant=participant,
            item=vote.get("item"),
            score=vote.get("score"),
            remark=vote.get("remark", ""),
            client_id=vote.get("id", ""),
        )
    assert refused.value.code == code
    assert refused.value.message
    assert not Vote.objects.exists()


@pytest.mark.parametrize(("change", "code"), MALFORMED, ids=IDS)
def test_the_polling_post_refuses_a_malformed_vote_with_400_and_a_dutch_message(
    live: LiveSession, join: Join, change: dict[str, Any], code: str
) -> None:
    _participant, token = join()
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    response = client.post(
        reverse("live_vote", args=[live.code]),
        json.dumps({"votes": [vote_with(change)]}),
        content_type="application/json",
    )
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["code"] == code
    assert error["message"]
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "[" * 10_000,  # nesting Python's parser refuses with RecursionError
        '{"votes": ' + "[" * 5_000 + "]" * 5_000 + "}",
        "1" * 5_000,  # more digits than Python turns into an int
        '{"votes": {"item": "knob-4"}}',
        '{"votes": [1, 2]}',
        '"votes"',
        "null",
        "\xff",
    ],
    ids=["deep", "deep-votes", "digits", "not-a-list", "not-dicts", "string", "null", "bad-utf8"],
)
def test_the_polling_post_refuses_a_body_it_cannot_read_with_400(
    live: LiveSession, join: Join, body: str
) -> None:
    _participant, token = join()
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    response = client.post(
        reverse("live_vote", args=[live.code]),
        body.encode("latin1"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.parametrize(("score", "stored"), [(2.0, 2), (0.0, 0), (3.0, 3)])
def test_a_whole_number_sent_as_a_float_is_taken_as_that_number(
    join: Join, score: float, stored: int
) -> None:
    participant, _token = join()
    cast = vote_cast(participant=participant, item="knob-4", score=score)
    assert cast.score == stored and type(cast.score) is int
    assert Vote.objects.get().score == stored


def test_a_missing_remark_or_null_is_no_remark(join: Join) -> None:
    participant, _token = join()
    vote_cast(participant=participant, item="knob-4", score=1, remark=None)
    assert Vote.objects.get().remark == ""


# --- Over the socket ------------------------------------------------------------------------


def socket(live: LiveSession) -> WebsocketCommunicator:
    return WebsocketCommunicator(
        application,
        f"/ws/live/deelnemer/{live.code}/",
        headers=[(b"host", b"localhost"), (b"origin", b"http://localhost")],
    )


async def next_of(communicator: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    for _ in range(10):
        message = json.loads(await communicator.receive_from(timeout=5))
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message")


@pytest.mark.django_db(transaction=True)
def test_the_socket_answers_every_malformed_vote_and_stays_open(
    live: LiveSession, join: Join
) -> None:
    """One socket takes the whole table (a dropped socket would fail the next message), then
    a whole number as a float, which the probe found closing the socket with 1011."""
    _participant, token = join()
    raw_frames = ["[" * 3_900, "{" + '"a":' * 900 + "1}", "nul"]

    async def body() -> None:
        communicator = socket(live)
        assert (await communicator.connect())[0]
        await communicator.send_json_to({"type": "hello", "token": token})
        await next_of(communicator, "state")
        for change, code in MALFORMED:
            vote = {"type": "vote", **vote_with(change)}
            await communicator.send_to(text_data=json.dumps(vote))
            error = await next_of(communicator, "error")
            assert (error["code"], bool(error["message"])) == (code, True), change
        for frame in raw_frames:
            await communicator.send_to(text_data=frame)
            error = await next_of(communicator, "error")
            assert error["code"] in ("bad_message", "too_large") and error["message"], frame
        await communicator.send_json_to(
            {"type": "vote", "id": "f1", "item": "knob-4", "score": 2.0}
        )
        ack = await next_of(communicator, "ack")
        assert (ack["id"], ack["score"]) == ("f1", 2)
        await communicator.disconnect()

    run_in_own_thread(body)
    assert list(Vote.objects.values_list("item", "score")) == [("knob-4", 2)]
