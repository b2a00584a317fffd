"""The revealed results on the participants' phones: over the socket (the reveal is a state of
the same step, later votes come as results, hiding takes them away) and in the polling state;
before the reveal neither carries a single result figure."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import Client
from django.urls import reverse

from stuurknop.web.live.broadcast import announce
from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.services import session_reveal, vote_cast
from tests.web.conftest import People

from .conftest import Join
from .test_consumers import participant_socket, receive, run

pytestmark = pytest.mark.django_db(transaction=True)

GOED_WONEN = "value-goed_wonen"


def goed_wonen(results: list[dict[str, Any]]) -> dict[str, Any]:
    (found,) = [r for r in results if r["item"] == GOED_WONEN]
    return found


def assert_no_figures(state: dict[str, Any]) -> None:
    """Nothing of anyone's votes but one's own: no results, no median, no counts."""
    assert state["results"] is None and state["results_html"] == ""
    text = json.dumps(state)
    assert "Mediaan" not in text and "distribution" not in text and "median" not in text


def test_a_phones_socket_gets_the_results_at_the_reveal_and_none_before(
    live: LiveSession, people: People, join: Join
) -> None:
    ans, ans_token = join("Ans", "woco")
    bert, _bert_token = join("Bert", "zorg")
    vote_cast(participant=ans, item=GOED_WONEN, score=3)
    vote_cast(participant=bert, item=GOED_WONEN, score=1)

    async def body() -> None:
        phone = await participant_socket(live, ans_token)
        # Before the reveal: the hello's state and a vote's aftermath carry no figures.
        await phone.send_json_to({"type": "hello", "token": ans_token})
        assert_no_figures(await receive(phone, "state"))
        await phone.send_json_to({"type": "vote", "id": "v1", "item": GOED_WONEN, "score": 2})
        await receive(phone, "ack")
        assert await phone.receive_nothing(timeout=0.3), "no results before the reveal"

        # The reveal: the same step, with the results, the scale's words and the median.
        await sync_to_async(session_reveal)(session=live, by=people.anna)
        await sync_to_async(announce)(live.pk, step_changed=True)
        state = await receive(phone, "state")
        assert state["step"] == {**state["step"], "key": "values", "revealed": True}
        result = goed_wonen(state["results"])
        assert result["count"] == 2 and result["median"] == 1.5
        assert result["median_text"] == "1,5" and result["median_label"] is None
        assert [(d["label"], d["count"]) for d in result["distribution"]] == [
            ("0 – niet belangrijk", 0),
            ("1 – een beetje belangrijk", 1),
            ("2 – belangrijk", 1),
            ("3 – heel belangrijk", 0),
        ]
        assert "Mediaan: 1,5" in state["results_html"]
        assert '<th scope="row">2 – belangrijk</th><td>1</td>' in state["results_html"]

        # A vote while revealed: the new results come to every phone.
        await phone.send_json_to({"type": "vote", "id": "v2", "item": GOED_WONEN, "score": 3})
        message = await receive(phone, "results")
        assert message["step"] == "values" and message["revision"] >= state["revision"]
        result = goed_wonen(message["results"])
        assert result["median"] == 2.0 and result["median_label"] == "2 – belangrijk"
        assert "Mediaan: 2</strong> (2 – belangrijk)" in message["html"]

        # Hidden again: the phone's state carries no results any more.
        await sync_to_async(session_reveal)(session=live, by=people.anna, revealed=False)
        await sync_to_async(announce)(live.pk, step_changed=True)
        assert_no_figures(await receive(phone, "state"))
        await phone.disconnect()

    run(body)


def test_the_polling_state_carries_the_results_only_after_the_reveal(
    live: LiveSession, people: People, join: Join
) -> None:
    ans, token = join("Ans", "woco")
    bert, _t = join("Bert", "zorg")
    vote_cast(participant=ans, item=GOED_WONEN, score=1)
    vote_cast(participant=bert, item=GOED_WONEN, score=3)
    phone = Client()
    phone.cookies[cookie_name(live.code)] = token
    url = reverse("live_state", args=[live.code])

    before = phone.get(url).json()
    assert_no_figures(before)
    page = phone.get(reverse("live_vote_page", args=[live.code])).content.decode()
    assert "Mediaan" not in page

    session_reveal(session=live, by=people.anna)
    after = phone.get(url).json()
    assert after["revision"] > before["revision"] and after["step"]["revealed"]
    result = goed_wonen(after["results"])
    assert result["median"] == 2.0 and [d["count"] for d in result["distribution"]] == [0, 1, 0, 1]
    assert "Mediaan: 2" in after["results_html"]
    assert "Mediaan: 2" in phone.get(reverse("live_vote_page", args=[live.code])).content.decode()
    # Someone with the code but without joining sees nothing of it.
    assert_no_figures(Client().get(url).json())

    session_reveal(session=live, by=people.anna, revealed=False)
    assert_no_figures(phone.get(url).json())
