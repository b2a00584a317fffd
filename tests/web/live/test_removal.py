"""The facilitator sees who joined and takes someone out: their token stops working, their
votes stop counting, and their phone is told (over the socket and over polling)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse

from stuurknop.web.asgi import application
from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import (
    LiveError,
    participant_by_token,
    participant_remove,
    session_close,
    session_perspectives,
    session_reveal,
    vote_cast,
    votes_on_behalf,
)
from stuurknop.web.live.state import screen_state
from stuurknop.web.projects.models import LogEntry, Project
from tests.web.conftest import People

from .conftest import Join
from .loop import run_in_own_thread


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def as_participant(live: LiveSession, token: str) -> Client:
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    return client


def remove_url(project: Project, live: LiveSession, participant: Participant) -> str:
    return reverse("live_participant_remove", args=[project.pk, live.pk, participant.pk])


# --- The service ------------------------------------------------------------------------------


def test_a_removed_participants_token_stops_working_and_votes_stop_counting(
    live: LiveSession, join: Join, people: People
) -> None:
    ans, ans_token = join("Ans", "woco")
    bert, _bert_token = join("Bert", "woco")
    vote_cast(participant=ans, item="value-goed_wonen", score=0, remark="weg ermee")
    vote_cast(participant=bert, item="value-goed_wonen", score=3)
    session_reveal(session=live, by=people.anna)

    participant_remove(session=live, by=people.anna, participant_id=ans.pk)

    assert participant_by_token(live, ans_token) is None
    screen = screen_state(live)
    assert (screen["participants"], screen["voted"]) == (1, 1)
    (goed_wonen,) = [r for r in screen["results"] if r["item"] == "value-goed_wonen"]
    assert (goed_wonen["count"], goed_wonen["median"]) == (1, 3.0)
    (woco,) = session_perspectives(live, dt.date(2026, 5, 12))
    assert woco.values == {"goed_wonen": 3}
    assert "weg ermee" not in woco.remarks
    with pytest.raises(LiveError) as refused:
        vote_cast(participant=ans, item="knob-1", score=1)  # a socket still holding Ans
    assert refused.value.code == "removed"


def test_removing_is_logged_in_the_project_log(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    ans, _token = join("Ans", "zorg")
    participant_remove(session=live, by=people.anna, participant_id=ans.pk)
    entry = LogEntry.objects.filter(project=project).latest("id")
    assert entry.what == "Live sessie Sessie mei: deelnemer verwijderd: Ans (Zorg)"
    assert entry.user == people.anna


@pytest.mark.parametrize(("who", "refusal"), [("bram", PermissionDenied), ("olaf", Http404)])
def test_only_a_beheerder_removes_a_participant(
    live: LiveSession, join: Join, people: People, who: str, refusal: type[Exception]
) -> None:
    ans, token = join()
    with pytest.raises(refusal):
        participant_remove(session=live, by=getattr(people, who), participant_id=ans.pk)
    assert participant_by_token(live, token) is not None


def test_a_participant_of_another_session_or_one_removed_already_is_refused(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    from stuurknop.web.live.services import session_start

    other = session_start(project=project, by=people.anna, name="Andere")
    ans, _token = join("Ans", "woco", session=other)
    with pytest.raises(LiveError):
        participant_remove(session=live, by=people.anna, participant_id=ans.pk)
    participant_remove(session=other, by=people.anna, participant_id=ans.pk)
    with pytest.raises(LiveError):
        participant_remove(session=other, by=people.anna, participant_id=ans.pk)


def test_a_closed_session_keeps_its_participants(
    live: LiveSession, join: Join, people: People
) -> None:
    ans, _token = join()
    session_close(session=live, by=people.anna)
    with pytest.raises(LiveError) as refused:
        participant_remove(session=live, by=people.anna, participant_id=ans.pk)
    assert refused.value.code == "closed"


def test_entering_on_behalf_again_after_a_removal_makes_a_new_participant(
    live: LiveSession, people: People
) -> None:
    first = votes_on_behalf(
        session=live,
        by=people.anna,
        name="Jansen",
        party="bewoners",
        votes={"remarks": (None, "a")},
    )
    participant_remove(session=live, by=people.anna, participant_id=first.pk)
    second = votes_on_behalf(
        session=live,
        by=people.anna,
        name="Jansen",
        party="bewoners",
        votes={"remarks": (None, "b")},
    )
    assert second.pk != first.pk


# --- The facilitator's page ------------------------------------------------------------------


def test_the_control_page_lists_who_joined_with_their_votes_and_a_remove_button(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    ans, _token = join("Ans Jansen", "woco")
    join("Bert", "zorg")
    vote_cast(participant=ans, item="value-goed_wonen", score=2)
    vote_cast(participant=ans, item="knob-1", score=1)
    page = signed_in(people.anna).get(reverse("live_control", args=[project.pk, live.pk]))
    html = page.content.decode()
    assert "Ans Jansen" in html and "Bert" in html
    row = html[html.index("Ans Jansen") : html.index("Bert")]
    assert "Woco" in row and "<td>2</td>" in row
    assert f'action="{remove_url(project, live, ans)}"' in html
    assert "csrfmiddlewaretoken" in row


def test_the_beheerder_removes_a_participant_with_a_post(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    ans, token = join("Ans", "woco")
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.anna)
    page = client.get(reverse("live_control", args=[project.pk, live.pk])).content.decode()
    assert client.post(remove_url(project, live, ans)).status_code == 403  # no CSRF token
    assert participant_by_token(live, token) is not None
    csrf = client.cookies["csrftoken"].value
    response = client.post(remove_url(project, live, ans), {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 302
    assert response["Location"].endswith("#participants")
    assert participant_by_token(live, token) is None
    after = client.get(response["Location"]).content.decode()
    assert "Ans doet niet meer mee" in after
    assert "Er doet nog niemand mee." in after and "Ans" in page


def test_a_get_removes_nobody(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    ans, token = join()
    assert signed_in(people.anna).get(remove_url(project, live, ans)).status_code == 405
    assert participant_by_token(live, token) is not None


# --- The removed participant's phone ---------------------------------------------------------


def test_polling_tells_the_removed_participant(
    live: LiveSession, join: Join, people: People
) -> None:
    ans, token = join()
    participant_remove(session=live, by=people.anna, participant_id=ans.pk)
    client = as_participant(live, token)
    state = client.get(reverse("live_state", args=[live.code])).json()
    assert (state["joined"], state["removed"]) == (False, True)
    assert "gespreksleider" in state["message"]
    vote = client.post(
        reverse("live_vote", args=[live.code]),
        json.dumps({"votes": [{"id": "x", "item": "knob-1", "score": 1}]}),
        content_type="application/json",
    )
    assert vote.status_code == 403 and vote.json()["code"] == "removed"
    # The page (which reloads on "joined": false) goes to the join page, which says why.
    page = client.get(reverse("live_vote_page", args=[live.code]), follow=True)
    assert page.status_code == 403
    assert "U doet niet meer mee" in page.content.decode()
    assert client.post(reverse("live_join", args=[live.code]), {"name": "Ans"}).status_code == 403


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
def test_the_socket_tells_the_removed_participant_and_closes(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    ans, token = join("Ans", "woco")
    _bert, bert_token = join("Bert", "zorg")
    anna = signed_in(people.anna)

    async def body() -> None:
        ans_socket = socket(live)
        bert_socket = socket(live)
        for communicator, own in ((ans_socket, token), (bert_socket, bert_token)):
            assert (await communicator.connect())[0]
            await communicator.send_json_to({"type": "hello", "token": own})
            await next_of(communicator, "state")
        response = await sync_to_async(anna.post)(remove_url(project, live, ans))
        assert response.status_code == 302
        error = await next_of(ans_socket, "error")
        assert error["code"] == "removed" and "gespreksleider" in error["message"]
        assert (await ans_socket.receive_output(timeout=5))["code"] == 4403
        assert await bert_socket.receive_nothing(timeout=0.3)  # nobody else is told
        # Coming back with the same token: told again, and closed.
        again = socket(live)
        assert (await again.connect())[0]
        await again.send_json_to({"type": "hello", "token": token})
        assert (await next_of(again, "error"))["code"] == "removed"
        assert (await again.receive_output(timeout=5))["code"] == 4403
        await bert_socket.disconnect()

    run_in_own_thread(body)
