"""The beamer link: a secret address that shows one session's beamer without signing in.

It works for its own session only, stops when it is revoked, replaced or the session closes
(saying so in Dutch, 404/410), is never stored by a browser, shows what the beamer shows and
opens nothing else: not the control page, not the facilitator's state, not voting, not the
screen socket of another session. Only its hash is stored.
"""

from __future__ import annotations

import re

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse

from stuurknop.web.asgi import application
from stuurknop.web.live.beamer_links import (
    beamer_link_make,
    beamer_link_revoke,
    session_by_beamer_token,
    shown_token,
)
from stuurknop.web.live.beamer_socket import announce_beamer_link_revoked
from stuurknop.web.live.codes import cookie_name, token_hash
from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import LiveError, session_close, session_start
from stuurknop.web.projects.models import LogEntry, Project
from tests.web.conftest import People

from .conftest import Join
from .loop import run_in_own_thread

GONE = "Deze link werkt niet meer"


def screen(token: str) -> str:
    return reverse("live_beamer_link_screen", args=[token])


def state(token: str) -> str:
    return reverse("live_beamer_link_state", args=[token])


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def token(live: LiveSession, people: People) -> str:
    return beamer_link_make(session=live, by=people.anna)


def test_the_link_shows_its_sessions_beamer_without_signing_in(
    live: LiveSession, token: str
) -> None:
    response = Client().get(screen(token))
    page = response.content.decode()
    assert response.status_code == 200
    assert live.code in page and live.name in page
    assert 'aria-label="QR-code om mee te doen"' in page
    assert "Uitloggen" not in page and "site-header" not in page
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    # The page follows the session through the link's own socket and state, not the
    # facilitator's.
    assert f'data-ws="/ws/live/beamer/{token}/"' in page
    assert f'data-state-url="{state(token)}"' in page
    polled = Client().get(state(token))
    assert polled.status_code == 200 and polled.json()["session"]["code"] == live.code
    assert "no-store" in polled["Cache-Control"]


def test_only_the_hash_is_stored_and_the_typed_form_works_too(
    live: LiveSession, token: str
) -> None:
    live.refresh_from_db()
    assert live.beamer_token_hash == token_hash(token)
    assert token not in str(LiveSession.objects.filter(pk=live.pk).values().get())
    typed = shown_token(token).lower()  # as someone types it off a phone: abcd-efgh-…
    assert re.fullmatch(r"([a-z0-9]{4}-){4}[a-z0-9]{4}", typed)
    assert Client().get(screen(typed)).status_code == 200


def test_a_revoked_link_says_it_no_longer_works(
    live: LiveSession, token: str, people: People
) -> None:
    assert beamer_link_revoke(session=live, by=people.anna) is True
    response = Client().get(screen(token))
    assert response.status_code == 404
    assert GONE in response.content.decode()
    assert live.code not in response.content.decode()
    assert Client().get(state(token), HTTP_ACCEPT="application/json").status_code == 404
    assert beamer_link_revoke(session=live, by=people.anna) is False  # nothing left to revoke


def test_a_new_link_replaces_the_old_one(live: LiveSession, token: str, people: People) -> None:
    newer = beamer_link_make(session=live, by=people.anna)
    assert newer != token
    assert Client().get(screen(token)).status_code == 404
    assert Client().get(screen(newer)).status_code == 200
    logged = LogEntry.objects.filter(project=live.project, what__startswith="Beamerlink")
    assert logged.count() == 2


def test_a_closed_sessions_link_answers_gone(live: LiveSession, token: str, people: People) -> None:
    session_close(session=live, by=people.anna)
    response = Client().get(screen(token))
    assert response.status_code == 410
    assert "gesloten" in response.content.decode()
    assert Client().get(state(token), HTTP_ACCEPT="application/json").status_code == 410
    with pytest.raises(LiveError) as refused:
        beamer_link_make(session=live, by=people.anna)
    assert refused.value.code == "closed"


def test_the_link_belongs_to_one_session_only(
    live: LiveSession, token: str, project: Project, people: People
) -> None:
    other = session_start(project=project, by=people.anna, name="Andere sessie")
    other_token = beamer_link_make(session=other, by=people.anna)
    assert session_by_beamer_token(token) == live
    assert session_by_beamer_token(other_token) == other
    page = Client().get(screen(token)).content.decode()
    assert other.code not in page and other.name not in page


@pytest.mark.parametrize("text", ["", "x", "A" * 20, "A" * 200, "../../etc", "ABCD-EFGH"])
def test_anything_but_a_live_token_is_refused(live: LiveSession, token: str, text: str) -> None:
    assert session_by_beamer_token(text) is None
    if text and "/" not in text:
        assert Client().get(screen(text)).status_code == 404


def test_the_link_opens_nothing_but_the_beamer(
    live: LiveSession, token: str, join: Join, project: Project
) -> None:
    client = Client()
    assert client.get(screen(token)).status_code == 200
    # The same browser, link opened: the facilitator's pages still ask for a sign-in …
    for name in ("live_control", "live_screen_state", "live_beamer", "live_close"):
        response = client.get(reverse(name, args=[project.pk, live.pk]))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name
    response = client.post(
        reverse("live_control_action", args=[project.pk, live.pk]), {"action": "reveal"}
    )
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    live.refresh_from_db()
    assert live.revealed == []
    # … and the token is no participant's: voting with it as the cookie is refused.
    client.cookies[cookie_name(live.code)] = token
    refused = client.post(
        reverse("live_vote", args=[live.code]),
        {"votes": [{"id": "v1", "item": "value-goed_wonen", "score": 3}]},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert not Vote.objects.exists()


def test_only_the_facilitator_makes_and_revokes_it(
    live: LiveSession, project: Project, people: People
) -> None:
    url = reverse("live_beamer_link", args=[project.pk, live.pk])
    assert signed_in(people.bram).post(url, {"action": "make"}).status_code == 403
    made = signed_in(people.anna).post(url, {"action": "make"})
    assert made.status_code == 200
    link = re.search(r'href="(http://testserver/scherm/[A-Z0-9-]+/)"', made.content.decode())
    assert link is not None
    assert Client().get(link.group(1)).status_code == 200
    control = signed_in(people.anna).get(reverse("live_control", args=[project.pk, live.pk]))
    assert "Er is een beamerlink" in control.content.decode()
    revoked = signed_in(people.anna).post(url, {"action": "revoke"})
    assert revoked.status_code == 302
    assert Client().get(link.group(1)).status_code == 404
    bad = signed_in(people.anna).post(url, {"action": "wipe"}, follow=True)
    assert "Deze actie bestaat niet." in bad.content.decode()


def test_the_control_page_still_lists_who_joined_with_a_remove_button(
    live: LiveSession, join: Join, project: Project, people: People
) -> None:
    participant, _token = join("Ans", "woco")
    page = signed_in(people.anna).get(reverse("live_control", args=[project.pk, live.pk]))
    html = page.content.decode()
    assert "Ans" in html
    assert reverse("live_participant_remove", args=[project.pk, live.pk, participant.pk]) in html


# --- The socket -----------------------------------------------------------------------------


def socket(path: str) -> WebsocketCommunicator:
    headers = [(b"host", b"localhost"), (b"origin", b"http://localhost")]
    return WebsocketCommunicator(application, path, headers=headers)


async def opens(path: str) -> bool:
    communicator = socket(path)
    connected, _code = await communicator.connect()
    await communicator.disconnect()
    return bool(connected)


@pytest.mark.django_db(transaction=True)
def test_the_links_socket_gets_the_screen_state_and_closes_when_revoked(
    project: Project, people: People
) -> None:
    live = session_start(project=project, by=people.anna, name="Sessie mei")
    token = beamer_link_make(session=live, by=people.anna)

    async def body() -> None:
        communicator = socket(f"/ws/live/beamer/{token}/")
        assert (await communicator.connect())[0]
        first = await communicator.receive_json_from(timeout=5)
        assert first["type"] == "screen" and first["session"]["code"] == live.code
        await sync_to_async(beamer_link_revoke)(session=live, by=people.anna)
        await sync_to_async(announce_beamer_link_revoked)(live.pk)
        closed = await communicator.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 4403}
        assert not await opens(f"/ws/live/beamer/{token}/")

    run_in_own_thread(body)


@pytest.mark.django_db(transaction=True)
def test_the_socket_refuses_a_wrong_or_closed_link(project: Project, people: People) -> None:
    live = session_start(project=project, by=people.anna, name="Sessie mei")
    token = beamer_link_make(session=live, by=people.anna)

    async def body() -> None:
        assert await opens(f"/ws/live/beamer/{token}/")
        assert not await opens("/ws/live/beamer/AAAABBBBCCCCDDDDEEEE/")
        # The link's token opens no facilitator's screen socket.
        assert not await opens(f"/ws/live/scherm/{live.pk}/?token={token}")
        await sync_to_async(session_close)(session=live, by=people.anna)
        assert not await opens(f"/ws/live/beamer/{token}/")

    run_in_own_thread(body)


def test_the_link_shows_parties_never_the_names_of_people(
    live: LiveSession, token: str, join: Join, people: People
) -> None:
    from stuurknop.web.live.services import session_move, session_reveal, vote_cast

    ans, _ans_token = join("Annemarie Zwaluw", "woco")
    session_move(session=live, by=people.anna, action="goto", step="remarks")
    vote_cast(participant=ans, item="remarks", score=None, remark="Graag een vaste contactpersoon")
    session_reveal(session=live, by=people.anna)
    page = Client().get(screen(token)).content.decode()
    polled = Client().get(state(token)).content.decode()
    for seen in (page, polled):
        assert "Graag een vaste contactpersoon" in seen
        assert "Annemarie" not in seen and "Zwaluw" not in seen
