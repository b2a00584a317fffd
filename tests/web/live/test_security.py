"""A join code opens that session's voting and nothing else."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.web.live.codes import cookie_name
from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import session_start, vote_cast
from stuurknop.web.projects.models import Project, ProjectParty
from tests.web.conftest import People

from .conftest import Join


def test_a_participant_gets_no_project_page(
    live: LiveSession, join: Join, project: Project
) -> None:
    _participant, token = join()
    client = Client()
    client.cookies[cookie_name(live.code)] = token
    scenario = project.scenarios.get()
    for url in (
        reverse("project_detail", args=[project.pk]),
        reverse("project_export", args=[project.pk]),
        reverse("values_page", args=[project.pk, scenario.pk]),
        reverse("live_control", args=[project.pk, live.pk]),
        reverse("live_beamer", args=[project.pk, live.pk]),
        reverse("live_screen_state", args=[project.pk, live.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_the_join_page_shows_the_session_and_the_parties_at_the_table_only(
    live: LiveSession, project: Project
) -> None:
    ProjectParty.objects.filter(project=project, key="gemeente").update(at_table=False)
    page = Client().get(reverse("live_join", args=[live.code])).content.decode()
    assert "Sessie mei" in page
    assert "Woco" in page and "Bewoners" in page
    assert "Gemeente" not in page  # named in the project, not at the table
    for secret in (project.name, project.municipality, "Activiteitenbegeleider"):
        assert secret not in page


def test_a_party_not_at_the_table_cannot_be_chosen(live: LiveSession, project: Project) -> None:
    ProjectParty.objects.filter(project=project, key="gemeente").update(at_table=False)
    response = Client().post(
        reverse("live_join", args=[live.code]), {"name": "Ans", "party": "gemeente"}
    )
    assert response.status_code == 400


def test_a_token_of_one_session_does_not_open_another(
    live: LiveSession, join: Join, project: Project, people: People
) -> None:
    _participant, token = join()
    other = session_start(project=project, by=people.anna, name="Andere sessie")
    client = Client()
    client.cookies[cookie_name(other.code)] = token
    assert client.get(reverse("live_vote_page", args=[other.code]))["Location"] == reverse(
        "live_join", args=[other.code]
    )
    state = client.get(reverse("live_state", args=[other.code])).json()
    assert state["joined"] is False


def test_the_beamer_names_parties_not_people(
    live: LiveSession, join: Join, people: People, project: Project
) -> None:
    participant, _token = join("Ans Geheim", "woco")
    vote_cast(participant=participant, item="value-goed_wonen", score=2, remark="")
    vote_cast(participant=participant, item="remarks", score=None, remark="Meer bankjes")
    LiveSession.objects.filter(pk=live.pk).update(step="remarks", revealed=["remarks"])
    client = Client()
    client.force_login(people.anna)
    page = client.get(reverse("live_beamer", args=[project.pk, live.pk])).content.decode()
    assert "Meer bankjes" in page and "Woco" in page
    assert "Ans Geheim" not in page


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "X" * 40])
def test_an_unknown_code_shows_nothing(code: str, live: LiveSession) -> None:
    for name in ("live_join", "live_vote_page"):
        response = Client().get(reverse(name, args=[code]))
        assert response.status_code == 404
        assert "Sessie mei" not in response.content.decode()
    assert Client().get(reverse("live_state", args=[code])).status_code == 404
    response = Client().post(reverse("live_vote", args=[code]), {"score__knob-1": "1"})
    assert response.status_code == 404
    assert not Vote.objects.exists()
