"""The live session's pages and HTTP endpoints: the facilitator's, the beamer, and the
participants' (joining, voting with and without JS, the polling state)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession, Participant, Vote
from stuurknop.web.live.services import session_close, session_move, session_reveal, vote_cast
from stuurknop.web.projects.models import Project
from tests.web.conftest import People

from .conftest import Join


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def as_participant(live: LiveSession, token: str) -> Client:
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    return client


# --- The facilitator ------------------------------------------------------------------------


def test_a_beheerder_starts_a_session_and_lands_on_its_control_page(
    project: Project, people: People
) -> None:
    response = signed_in(people.anna).post(
        reverse("live_session_start", args=[project.pk]), {"name": "Avond met de buurt"}
    )
    session = LiveSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("live_control", args=[project.pk, session.pk])
    page = signed_in(people.anna).get(response["Location"]).content.decode()
    assert session.code in page
    assert "Stap 1 van 12" in page


def test_a_session_without_a_name_is_refused_beside_the_field(
    project: Project, people: People
) -> None:
    response = signed_in(people.anna).post(
        reverse("live_session_start", args=[project.pk]), {"name": "  "}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not LiveSession.objects.exists()


def test_a_lezer_sees_the_sessions_but_no_start_button(
    live: LiveSession, project: Project, people: People
) -> None:
    page = signed_in(people.carla).get(reverse("live_sessions", args=[project.pk])).content.decode()
    assert "Sessie mei" in page
    assert "Sessie starten" not in page
    anna_page = signed_in(people.anna).get(reverse("live_sessions", args=[project.pk]))
    assert "Sessie starten" in anna_page.content.decode()


def test_the_control_buttons_step_on_and_reveal(
    live: LiveSession, project: Project, people: People
) -> None:
    client = signed_in(people.anna)
    url = reverse("live_control_action", args=[project.pk, live.pk])
    client.post(url, {"action": "next"})
    client.post(url, {"action": "reveal"})
    live.refresh_from_db()
    assert (live.step, live.revealed) == ("knob-1", ["knob-1"])
    page = client.get(reverse("live_control", args=[project.pk, live.pk])).content.decode()
    assert "Uitslag weer verbergen" in page
    response = client.post(url, {"action": "verbranden"}, follow=True)
    assert "Deze actie bestaat niet." in response.content.decode()


def test_the_beamer_shows_the_code_and_a_qr_code_made_here(
    live: LiveSession, project: Project, people: People
) -> None:
    response = signed_in(people.anna).get(reverse("live_beamer", args=[project.pk, live.pk]))
    page = response.content.decode()
    assert live.code in page
    assert re.search(r'<svg role="img" aria-label="QR-code om mee te doen"[^>]*class="qr"', page)
    assert "style=" not in page
    assert "aria-live" in page or 'role="status"' in page


def test_the_screen_state_hides_results_until_revealed(
    live: LiveSession, project: Project, people: People, join: Join
) -> None:
    participant, _token = join()
    vote_cast(participant=participant, item="value-goed_wonen", score=2)
    url = reverse("live_screen_state", args=[project.pk, live.pk])
    client = signed_in(people.anna)
    hidden = client.get(url).json()
    assert (hidden["voted"], hidden["participants"], hidden["results"]) == (1, 1, None)
    session_reveal(session=live, by=people.anna)
    shown = client.get(url).json()
    assert shown["results"][0]["item"] == "value-goed_wonen"
    assert shown["results"][0]["median"] == 2.0
    assert "<table" in shown["html"] and "<svg" in shown["html"]


def test_entering_a_view_on_someones_behalf_stores_it_for_the_current_step(
    live: LiveSession, project: Project, people: People
) -> None:
    session_move(session=live, by=people.anna, action="goto", step="knob-3")
    response = signed_in(people.anna).post(
        reverse("live_behalf", args=[project.pk, live.pk]),
        {
            "name": "Mevrouw De Vries",
            "party": "bewoners",
            "score__knob-3": "2",
            "remark__knob-3": "ja",
        },
    )
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert (vote.item, vote.score, vote.remark, vote.entered_by) == ("knob-3", 2, "ja", people.anna)


def test_an_empty_behalf_form_is_refused_with_the_error_beside_the_item(
    live: LiveSession, project: Project, people: People
) -> None:
    response = signed_in(people.anna).post(
        reverse("live_behalf", args=[project.pk, live.pk]), {"name": "Jansen", "party": "bewoners"}
    )
    assert response.status_code == 400
    assert "Kies een van de antwoorden." in response.content.decode()
    assert not Participant.objects.exists()


def test_closing_asks_first_then_stores_the_perspectives(
    live: LiveSession, project: Project, people: People, join: Join
) -> None:
    participant, _token = join()
    vote_cast(participant=participant, item="knob-5", score=3)
    client = signed_in(people.anna)
    url = reverse("live_close", args=[project.pk, live.pk])
    assert "1 deelnemer heeft gestemd." in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "1 perspectieven zijn opgeslagen" in response.content.decode()
    assert Project.objects.get(pk=project.pk).perspectives[0]["knobs"] == {"5": 3}
    assert client.post(url).status_code == 302  # closing twice: told, nothing more stored
    assert len(Project.objects.get(pk=project.pk).perspectives) == 1


# --- The participants -----------------------------------------------------------------------


def test_typing_the_code_in_any_case_leads_to_the_join_page(live: LiveSession) -> None:
    response = Client().get(reverse("live_enter"), {"code": live.code.lower()})
    assert response["Location"] == reverse("live_join", args=[live.code])
    wrong = Client().get(reverse("live_enter"), {"code": "ZZZZZZ"})
    assert wrong.status_code == 400
    assert "hoort niet bij een open sessie" in wrong.content.decode()


def test_joining_sets_the_cookie_and_leads_to_the_vote_page(live: LiveSession) -> None:
    client = Client()
    response = client.post(reverse("live_join", args=[live.code]), {"name": "Ans", "party": "woco"})
    assert response["Location"] == reverse("live_vote_page", args=[live.code])
    cookie = response.cookies[cookie_name(live.code)]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get(response["Location"]).content.decode()
    assert "U doet mee als Ans, namens Woco." in page
    assert 'name="score__value-goed_wonen"' in page
    # Back on the join page, the same browser goes straight to voting.
    assert client.get(reverse("live_join", args=[live.code])).status_code == 302


def test_joining_as_json_gives_the_token_for_other_clients(live: LiveSession) -> None:
    response = Client().post(
        reverse("live_join", args=[live.code]),
        {"name": "Bot 1", "party": "zorg"},
        HTTP_ACCEPT="application/json",
    )
    data = response.json()
    assert data["name"] == "Bot 1" and data["party"] == "zorg"
    assert Participant.objects.get().pk == data["participant"]
    assert len(data["token"]) > 30


def test_a_join_without_a_party_is_refused_beside_the_field(live: LiveSession) -> None:
    response = Client().post(reverse("live_join", args=[live.code]), {"name": "Ans", "party": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-describedby="join-party-error"' in page
    assert "Kies de partij namens wie u meedoet." in page


def test_voting_without_js_stores_the_whole_form_and_says_so(live: LiveSession, join: Join) -> None:
    _participant, token = join()
    client = as_participant(live, token)
    response = client.post(
        reverse("live_vote", args=[live.code]),
        {"score__value-goed_wonen": "3", "score__value-werkplezier": "1"},
        follow=True,
    )
    assert "Uw stem is opgeslagen." in response.content.decode()
    assert dict(Vote.objects.values_list("item", "score")) == {
        "value-goed_wonen": 3,
        "value-werkplezier": 1,
    }


def test_a_form_with_one_bad_answer_stores_nothing(live: LiveSession, join: Join) -> None:
    _participant, token = join()
    response = as_participant(live, token).post(
        reverse("live_vote", args=[live.code]),
        {"score__value-goed_wonen": "3", "score__value-werkplezier": "9"},
    )
    assert response.status_code == 400
    assert "Kies een van de antwoorden." in response.content.decode()
    assert not Vote.objects.exists()


def test_polling_votes_as_json_are_acknowledged_each(live: LiveSession, join: Join) -> None:
    _participant, token = join()
    client = as_participant(live, token)
    body = {
        "votes": [
            {"id": "p1", "item": "knob-2", "score": 2, "remark": "prima"},
            {"id": "p2", "item": "knob-2", "score": 3},
            {"id": "p3", "item": "knob-2", "score": 5},
        ]
    }
    response = client.post(
        reverse("live_vote", args=[live.code]), json.dumps(body), content_type="application/json"
    )
    data = response.json()
    assert response.status_code == 400
    assert [a["id"] for a in data["acks"]] == ["p1", "p2"]
    assert [(e["id"], e["code"]) for e in data["errors"]] == [("p3", "bad_score")]
    assert Vote.objects.get().score == 3


@pytest.mark.parametrize(
    "body",
    [
        "nee",
        json.dumps({"stemmen": []}),
        json.dumps({"votes": [1]}),
        json.dumps({"votes": [{}] * 21}),
    ],
)
def test_a_polling_post_that_cannot_be_read_is_refused(
    live: LiveSession, join: Join, body: str
) -> None:
    _participant, token = join()
    response = as_participant(live, token).post(
        reverse("live_vote", args=[live.code]), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"]
    assert not Vote.objects.exists()


def test_the_polling_state_shows_the_step_and_own_votes_only(live: LiveSession, join: Join) -> None:
    ans, token = join("Ans", "woco")
    bert, _t = join("Bert", "zorg")
    vote_cast(participant=ans, item="value-goed_wonen", score=1)
    vote_cast(participant=bert, item="value-goed_wonen", score=3)
    state = as_participant(live, token).get(reverse("live_state", args=[live.code])).json()
    assert state["joined"] and state["open"]
    assert state["votes"] == {"value-goed_wonen": {"score": 1, "remark": ""}}
    assert "Bert" not in json.dumps(state)
    stranger = Client().get(reverse("live_state", args=[live.code])).json()
    assert not stranger["joined"] and stranger["votes"] == {} and stranger["html"] == ""


def test_after_closing_joining_and_voting_are_refused_plainly(
    live: LiveSession, join: Join, people: People
) -> None:
    _participant, token = join()
    session_close(session=live, by=people.anna)
    client = as_participant(live, token)
    join_page = Client().get(reverse("live_join", args=[live.code]))
    assert join_page.status_code == 404
    assert "Misschien is de sessie al gesloten." in join_page.content.decode()
    vote = client.post(
        reverse("live_vote", args=[live.code]),
        json.dumps({"votes": [{"id": "x", "item": "knob-1", "score": 1}]}),
        content_type="application/json",
    )
    assert vote.status_code == 410 and vote.json()["code"] == "closed"
    state = client.get(reverse("live_state", args=[live.code])).json()
    assert state["open"] is False
    assert not Vote.objects.exists()
