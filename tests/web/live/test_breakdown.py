"""The per-party breakdown on the beamer: the facilitator switches it on and off, but only for
a revealed step (refused by the server before, whatever a page sends), it goes away with the
next step or when the results are hidden, and it shows party names, never a participant's."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.services import (
    LiveError,
    participant_remove,
    session_breakdown,
    session_close,
    session_move,
    session_reveal,
    vote_cast,
)
from stuurknop.web.live.state import participant_state, screen_state
from stuurknop.web.projects.models import Project
from tests.web.conftest import People

from .conftest import Join


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def name(live: LiveSession, key: str) -> str:
    return str(live.project.parties.get(key=key).name)


def party_results(live: LiveSession) -> dict[str, list[int]] | None:
    """From the screen state: party name → the distribution of the step's first item."""
    live.refresh_from_db()
    breakdown = screen_state(live)["breakdown"]
    if breakdown is None:
        return None
    return {p["party"]: [d["count"] for d in p["results"][0]["distribution"]] for p in breakdown}


@pytest.fixture
def voted(live: LiveSession, join: Join, people: People) -> LiveSession:
    """Knob 1, voted on by two of the housing corporation and one resident."""
    session_move(session=live, by=people.anna, action="next")
    for name, party, score in (("Ans", "woco", 3), ("Bert", "woco", 1), ("Cor", "bewoners", 0)):
        participant, _token = join(name, party)
        vote_cast(participant=participant, item="knob-1", score=score)
    live.refresh_from_db()
    return live


def test_the_breakdown_is_refused_before_the_reveal(voted: LiveSession, people: People) -> None:
    with pytest.raises(LiveError) as refused:
        session_breakdown(session=voted, by=people.anna)
    assert refused.value.code == "not_revealed"
    assert "Toon eerst de uitslag" in refused.value.message
    assert party_results(voted) is None


def test_a_forged_request_before_the_reveal_changes_nothing(
    voted: LiveSession, project: Project, people: People
) -> None:
    response = signed_in(people.anna).post(
        reverse("live_control_action", args=[project.pk, voted.pk]),
        {"action": "breakdown-on"},
        follow=True,
    )
    assert "Toon eerst de uitslag van deze stap." in response.content.decode()
    voted.refresh_from_db()
    assert voted.breakdown == ""
    assert "Per partij" not in screen_state(voted)["html"]


def test_even_a_breakdown_stored_for_an_unrevealed_step_is_not_shown(
    voted: LiveSession,
) -> None:
    LiveSession.objects.filter(pk=voted.pk).update(breakdown=voted.step)
    assert party_results(voted) is None


def test_after_the_reveal_the_beamer_shows_each_partys_votes(
    voted: LiveSession, people: People, join: Join
) -> None:
    session_reveal(session=voted, by=people.anna)
    assert party_results(voted) is None  # revealed, not yet broken down
    session_breakdown(session=voted, by=people.anna)
    by_party = party_results(voted)
    assert by_party is not None
    # Every party of someone taking part, in the project's order; counts per answer 0–3.
    assert list(by_party) == [name(voted, "woco"), name(voted, "bewoners")]
    assert by_party[name(voted, "woco")] == [0, 1, 0, 1]
    assert by_party[name(voted, "bewoners")] == [1, 0, 0, 0]
    state = screen_state(voted)
    woco = next(p for p in state["breakdown"] if p["party"] == name(voted, "woco"))
    assert woco["results"][0]["median"] == 2.0
    html = state["html"]
    assert "Per partij" in html and name(voted, "woco") in html
    assert "Ans" not in html and "Bert" not in html  # parties, never people
    # A vote while it shows: the breakdown follows.
    dirk, _token = join("Dirk", "bewoners")
    vote_cast(participant=dirk, item="knob-1", score=3)
    assert (party_results(voted) or {})[name(voted, "bewoners")] == [1, 0, 0, 1]


def test_the_phones_never_get_the_breakdown(voted: LiveSession, people: People, join: Join) -> None:
    session_reveal(session=voted, by=people.anna)
    session_breakdown(session=voted, by=people.anna)
    voted.refresh_from_db()
    participant, _token = join("Eva", "zorg")
    state = participant_state(voted, participant)
    assert "breakdown" not in state
    assert "Per partij" not in state["results_html"]


def test_a_removed_participants_votes_leave_the_breakdown(
    voted: LiveSession, people: People
) -> None:
    session_reveal(session=voted, by=people.anna)
    session_breakdown(session=voted, by=people.anna)
    cor = voted.participants.get(name="Cor")
    participant_remove(session=voted, by=people.anna, participant_id=cor.pk)
    assert name(voted, "bewoners") not in (party_results(voted) or {})


def test_the_next_step_and_hiding_switch_it_off(voted: LiveSession, people: People) -> None:
    session_reveal(session=voted, by=people.anna)
    session_breakdown(session=voted, by=people.anna)
    session_move(session=voted, by=people.anna, action="next")
    assert party_results(voted) is None
    # Back to the step, still revealed: the breakdown stays off until asked for again.
    session_move(session=voted, by=people.anna, action="previous")
    voted.refresh_from_db()
    assert voted.step in voted.revealed and party_results(voted) is None
    session_breakdown(session=voted, by=people.anna)
    assert party_results(voted) is not None
    session_reveal(session=voted, by=people.anna, revealed=False)
    assert party_results(voted) is None
    session_reveal(session=voted, by=people.anna)
    assert party_results(voted) is None  # showing the results again does not bring it back


def test_the_facilitator_switches_it_on_and_off_from_the_control_page(
    voted: LiveSession, project: Project, people: People
) -> None:
    client = signed_in(people.anna)
    url = reverse("live_control_action", args=[project.pk, voted.pk])
    control = reverse("live_control", args=[project.pk, voted.pk])
    before = client.get(control).content.decode()
    assert "Uitslag per partij tonen" not in before  # no button before the reveal
    assert "Na het tonen van de uitslag kunt u die ook per partij laten zien." in before
    client.post(url, {"action": "reveal"})
    assert "Uitslag per partij tonen" in client.get(control).content.decode()
    assert client.post(url, {"action": "breakdown-on"}).status_code == 302
    page = client.get(control).content.decode()
    assert "Uitslag per partij verbergen" in page and "Per partij" in page
    client.post(url, {"action": "breakdown-off"})
    assert party_results(voted) is None


def test_only_a_beheerder_and_only_while_open(voted: LiveSession, people: People) -> None:
    session_reveal(session=voted, by=people.anna)
    with pytest.raises(PermissionDenied):
        session_breakdown(session=voted, by=people.bram)
    session_close(session=voted, by=people.anna)
    with pytest.raises(LiveError) as refused:
        session_breakdown(session=voted, by=people.anna)
    assert refused.value.code == "closed"


def test_the_remarks_step_has_nothing_to_break_down(live: LiveSession, people: People) -> None:
    session_move(session=live, by=people.anna, action="goto", step="remarks")
    session_reveal(session=live, by=people.anna)
    with pytest.raises(LiveError) as refused:
        session_breakdown(session=live, by=people.anna)
    assert refused.value.code == "no_scores"


def test_the_values_step_shows_a_median_per_party_and_value(
    live: LiveSession, people: People, join: Join
) -> None:
    ans, _token = join("Ans", "woco")
    cor, _token = join("Cor", "bewoners")
    vote_cast(participant=ans, item="value-goed_wonen", score=3)
    vote_cast(participant=cor, item="value-goed_wonen", score=1)
    session_reveal(session=live, by=people.anna)
    session_breakdown(session=live, by=people.anna)
    live.refresh_from_db()
    state = screen_state(live)
    medians = {
        p["party"]: {r["item"]: r["median_text"] for r in p["results"]} for p in state["breakdown"]
    }
    assert medians[name(live, "woco")]["value-goed_wonen"] == "3"
    assert medians[name(live, "bewoners")]["value-goed_wonen"] == "1"
    assert medians[name(live, "bewoners")]["value-werkplezier"] == "–"  # nobody voted on it yet
    assert "Iedereen" in state["html"]


def test_the_beamer_leaves_out_the_remarks_that_do_not_fit_and_counts_them() -> None:
    from stuurknop.web.live.breakdown import REMARK_LINE, REMARKS_DENSE, remarks_context

    short = [{"party": "Bewoners", "text": "Graag een vaste contactpersoon."}] * 3
    few = remarks_context(short)
    assert (few["remarks_dense"], few["remarks_extra"]) == (False, 0)
    assert [r["text"] for r in few["remarks"]] == [r["text"] for r in short]
    long = [{"party": "Bewoners", "text": "x" * 480} for _ in range(8)]
    many = remarks_context(long)
    shown = [r for r in many["remarks"] if not r["extra"]]
    assert many["remarks_dense"] is True
    assert many["remarks_extra"] == 8 - len(shown) > 0

    # What is shown stays within the dense budget; one more would not.
    def cost(remark: dict[str, object]) -> int:
        return len(str(remark["text"])) + len(str(remark["party"])) + REMARK_LINE

    used = sum(cost(r) for r in shown)
    assert used <= REMARKS_DENSE < used + cost(long[len(shown)])
    # The first ones are shown, the later ones are left out (never a gap in between).
    assert [r["extra"] for r in many["remarks"]] == sorted(r["extra"] for r in many["remarks"])
