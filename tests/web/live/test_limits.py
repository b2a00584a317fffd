"""Guessing join codes and joining again and again are limited per client (limits.py).

Found by a security probe: 10 800 code guesses a minute went unrefused, and joining the same
session 200 times was accepted, so the vote limit per participant could be dodged by joining
again as someone new.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.web.asgi import application
from stuurknop.web.live import limits
from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.limits import CODE_FAILURES, JOINS
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import session_start
from stuurknop.web.projects.models import Project
from tests.web.conftest import People

from .conftest import Join
from .loop import run_in_own_thread

WRONG = "ZZZZZZ"


class Clock:
    """Stands in for ``django.utils.timezone`` in limits.py: a time that the test moves on."""

    def __init__(self) -> None:
        self.at = timezone.now()

    def now(self) -> dt.datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(limits, "timezone", clock)
    return clock


def guess_wrong(client: Client, times: int) -> None:
    for _ in range(times):
        assert client.get(reverse("live_join", args=[WRONG])).status_code == 404


def assert_told_to_wait(response: Any, seconds_at_most: int) -> None:
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= seconds_at_most
    assert "Probeer het over" in response.content.decode()


# --- Guessing codes -------------------------------------------------------------------------


def test_wrong_codes_are_refused_with_429_once_the_client_used_its_guesses(
    live: LiveSession, clock: Clock
) -> None:
    client = Client()
    guess_wrong(client, CODE_FAILURES)
    refused = client.get(reverse("live_join", args=[WRONG]))
    assert_told_to_wait(refused, 60)
    assert "verkeerde" in refused.content.decode() or "niet klopt" in refused.content.decode()
    # The right code is refused alike: the answer must not tell a guesser it was right.
    assert_told_to_wait(client.get(reverse("live_join", args=[live.code])), 60)
    assert "Sessie mei" not in client.get(reverse("live_join", args=[live.code])).content.decode()


@pytest.mark.parametrize(
    ("method", "name", "json_answer"),
    [
        ("get", "live_join", False),
        ("get", "live_vote_page", False),
        ("get", "live_state", True),
        ("post", "live_vote", True),
    ],
)
def test_every_endpoint_that_takes_a_code_counts_and_refuses(
    live: LiveSession, clock: Clock, method: str, name: str, json_answer: bool
) -> None:
    client = Client()
    headers = {"HTTP_ACCEPT": "application/json"} if json_answer else {}
    for _ in range(CODE_FAILURES):
        response = getattr(client, method)(reverse(name, args=[WRONG]), **headers)
        assert response.status_code == 404
    response = getattr(client, method)(reverse(name, args=[live.code]), **headers)
    assert response.status_code == 429
    assert response["Retry-After"]
    if json_answer:
        data = response.json()
        assert data["code"] == "too_many_codes" and data["message"]
        assert data["retry_after"] == int(response["Retry-After"])


def test_the_enter_page_counts_wrong_codes_too(live: LiveSession, clock: Clock) -> None:
    client = Client()
    for _ in range(CODE_FAILURES):
        assert client.get(reverse("live_enter"), {"code": WRONG}).status_code == 400
    assert_told_to_wait(client.get(reverse("live_enter"), {"code": live.code}), 60)
    # An empty form is no guess: it is answered as before.
    assert client.get(reverse("live_enter"), {"code": ""}).status_code == 400


def test_the_right_code_is_no_failure(live: LiveSession, clock: Clock) -> None:
    client = Client()
    for _ in range(CODE_FAILURES * 2):
        assert client.get(reverse("live_join", args=[live.code])).status_code == 200


def test_the_guesses_come_back_when_the_minute_is_over(live: LiveSession, clock: Clock) -> None:
    client = Client()
    guess_wrong(client, CODE_FAILURES)
    refused = client.get(reverse("live_join", args=[live.code]))
    clock.at += dt.timedelta(seconds=int(refused["Retry-After"]))
    assert client.get(reverse("live_join", args=[live.code])).status_code == 200


def test_another_client_is_not_refused_for_a_guesser(live: LiveSession, clock: Clock) -> None:
    guess_wrong(Client(REMOTE_ADDR="203.0.113.7"), CODE_FAILURES)
    assert (
        Client(REMOTE_ADDR="203.0.113.7").get(reverse("live_join", args=[live.code])).status_code
        == 429
    )
    assert (
        Client(REMOTE_ADDR="203.0.113.8").get(reverse("live_join", args=[live.code])).status_code
        == 200
    )


def test_one_ipv6_network_is_one_client(live: LiveSession, clock: Clock) -> None:
    """A phone has a whole /64 to pick addresses from: each guess from a new one is no escape."""
    for i in range(CODE_FAILURES):
        guess_wrong(Client(REMOTE_ADDR=f"2001:db8:1:2::{i + 1:x}"), 1)
    assert (
        Client(REMOTE_ADDR="2001:db8:1:2::ffff")
        .get(reverse("live_join", args=[live.code]))
        .status_code
        == 429
    )
    assert (
        Client(REMOTE_ADDR="2001:db8:1:3::1")
        .get(reverse("live_join", args=[live.code]))
        .status_code
        == 200
    )


def test_behind_the_proxy_the_client_is_the_address_the_proxy_forwarded(
    live: LiveSession, clock: Clock, settings: Any
) -> None:
    settings.BEHIND_PROXY = True
    proxy = "10.0.0.1"  # every request comes from the proxy
    guesser = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9")
    guess_wrong(guesser, CODE_FAILURES)
    assert guesser.get(reverse("live_join", args=[live.code])).status_code == 429
    # A spoofed first entry is not the client; the proxy's own (last) entry is.
    spoofing = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.9")
    assert spoofing.get(reverse("live_join", args=[live.code])).status_code == 429
    neighbour = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert neighbour.get(reverse("live_join", args=[live.code])).status_code == 200


def test_someone_who_already_joined_keeps_voting_while_a_neighbour_mistypes(
    live: LiveSession, join: Join, clock: Clock
) -> None:
    _participant, token = join()
    guess_wrong(Client(), CODE_FAILURES)  # the same address: one Wi-Fi
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    assert client.get(reverse("live_state", args=[live.code])).json()["joined"] is True
    response = client.post(
        reverse("live_vote", args=[live.code]),
        json.dumps({"votes": [{"id": "a", "item": "knob-1", "score": 1}]}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert client.get(reverse("live_vote_page", args=[live.code])).status_code == 200


# --- Over the socket -------------------------------------------------------------------------


def socket(code: str, client: str = "198.51.100.20", cookie: str = "") -> WebsocketCommunicator:
    headers = [(b"host", b"localhost"), (b"origin", b"http://localhost")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    communicator = WebsocketCommunicator(application, f"/ws/live/deelnemer/{code}/", headers)
    communicator.scope["client"] = (client, 50000)
    return communicator


@pytest.mark.django_db(transaction=True)
def test_the_socket_handshake_counts_wrong_codes_and_refuses_alike_afterwards(
    live: LiveSession, join: Join
) -> None:
    _participant, token = join()

    async def body() -> None:
        for _ in range(CODE_FAILURES):
            assert not (await socket(WRONG).connect())[0]
        # The right code is refused too now …
        assert not (await socket(live.code).connect())[0]
        # … but not for someone who joined (the cookie), nor for another client.
        joined = socket(live.code, cookie=f"{cookie_name(live.code)}={token}")
        assert (await joined.connect())[0]
        await joined.disconnect()
        other = socket(live.code, client="198.51.100.21")
        assert (await other.connect())[0]
        await other.disconnect()

    run_in_own_thread(body)


@pytest.mark.django_db(transaction=True)
def test_socket_and_pages_share_one_count(live: LiveSession) -> None:
    async def body() -> None:
        for _ in range(CODE_FAILURES - 1):
            assert not (await socket(WRONG, client="198.51.100.30").connect())[0]

    run_in_own_thread(body)
    client = Client(REMOTE_ADDR="198.51.100.30")
    guess_wrong(client, 1)
    assert client.get(reverse("live_join", args=[live.code])).status_code == 429


# --- Joining ---------------------------------------------------------------------------------


def join_over_http(client: Client, live: LiveSession, name: str, *, as_json: bool = True) -> Any:
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    return client.post(
        reverse("live_join", args=[live.code]), {"name": name, "party": "woco"}, **headers
    )


def test_a_client_joins_a_session_at_most_so_often_an_hour(live: LiveSession, clock: Clock) -> None:
    client = Client()
    for i in range(JOINS):
        assert join_over_http(client, live, f"Deelnemer {i}").status_code == 200
    refused = join_over_http(client, live, "Nog een")
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_joins"
    assert "gespreksleider" in refused.json()["message"]
    assert 1 <= int(refused["Retry-After"]) <= 3600
    page = join_over_http(client, live, "Zonder script", as_json=False)
    assert_told_to_wait(page, 3600)
    assert Participant.objects.filter(session=live).count() == JOINS
    clock.at += dt.timedelta(seconds=int(refused["Retry-After"]))
    assert join_over_http(client, live, "Na een uur").status_code == 200


def test_the_join_limit_is_per_session_and_per_client(
    live: LiveSession, clock: Clock, project: Project, people: People
) -> None:
    client = Client()
    for i in range(JOINS):
        join_over_http(client, live, f"Deelnemer {i}")
    assert join_over_http(client, live, "Te veel").status_code == 429
    other_session = session_start(project=project, by=people.anna, name="Middag")
    assert join_over_http(client, other_session, "Middag").status_code == 200
    assert join_over_http(Client(REMOTE_ADDR="203.0.113.50"), live, "Buren").status_code == 200


def test_a_care_home_on_one_wifi_can_all_join(live: LiveSession, clock: Clock) -> None:
    """Forty residents behind one address, and ten of them joining again on a new phone."""
    for i in range(50):
        assert (
            join_over_http(Client(REMOTE_ADDR="192.0.2.99"), live, f"Bewoner {i}").status_code
            == 200
        )
