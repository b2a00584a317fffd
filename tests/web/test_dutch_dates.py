"""Every date a person reads is Dutch (``6 december 2026, 14:05``), written one way
(``presentation.numbers`` through the ``dutch_dates`` filters), also in the English shell."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from stuurknop.presentation.numbers import dutch_date, dutch_datetime, dutch_time
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.services import session_close, session_start
from stuurknop.web.projects.models import Invitation, LogEntry, Project
from stuurknop.web.projects.services import invitation_create
from stuurknop.web.projects.services.perspectives import perspective_set, perspective_version
from stuurknop.web.projects.templatetags import dutch_dates
from stuurknop.web.residents.services import questionnaire_create

if TYPE_CHECKING:
    from tests.web.conftest import People

ENGLISH_MONTH = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|"
    r"June|July|August|September|October|November|December)\b"
)
MOMENT = dt.datetime(2026, 12, 6, 14, 5, tzinfo=dt.UTC)
PAGES = [
    "project_detail",
    "project_history",
    "project_members",
    "perspectives_page",
    "divergence_page",
    "residents_manage",
    "documents_page",
    "money_page",
    "checks_page",
    "values_page",
    "live_sessions",
    "scenario_list",
    "project_basics",
    "project_parties",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 12, 6), "6 december 2026"),
        (dt.date(2025, 3, 1), "1 maart 2025"),
    ],
)
def test_a_date_is_dutch(value: dt.date, expected: str) -> None:
    assert dutch_date(value) == expected


def test_a_moment_is_dutch_with_a_24_hour_time() -> None:
    moment = dt.datetime(2026, 12, 6, 14, 5)
    assert (dutch_datetime(moment), dutch_time(moment)) == ("6 december 2026, 14:05", "14:05")
    assert dutch_time(dt.datetime(2026, 5, 1, 9, 7)) == "09:07"


def test_the_filters_say_local_time(settings: object) -> None:
    local = timezone.localtime(MOMENT)
    assert dutch_dates.dutch_datetime(MOMENT) == dutch_datetime(local)
    assert dutch_dates.dutch_date(MOMENT) == dutch_date(local.date())
    assert dutch_dates.dutch_date(None) == dutch_dates.dutch_datetime(None) == ""


def url_of(name: str, project: Project) -> str:
    scenario = project.scenarios.get()
    for args in ([project.pk], [project.pk, scenario.pk]):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    raise AssertionError(f"no url for {name}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_of_a_project_shows_an_english_month(
    project: Project, people: People, language: str
) -> None:
    perspective_set(
        project=project,
        by=people.anna,
        party="woco",
        knobs={3: 2},
        values={"goed_wonen": 3},
        remarks="",
        expected_version=perspective_version(project, "woco"),
    )
    invitation_create(project=project, by=people.anna, email="x@example.org", role="lezer")
    questionnaire_create(project=project, by=people.anna)
    session = session_start(project=project, by=people.anna, name="Sessie december")
    session_close(session=session, by=people.anna)
    LiveSession.objects.filter(pk=session.pk).update(opened_at=MOMENT, closed_at=MOMENT)
    LogEntry.objects.filter(project=project).update(at=MOMENT)
    Invitation.objects.filter(project=project).update(expires_at=MOMENT)
    client = Client()
    client.force_login(people.anna)
    if language == "en":
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
    local = timezone.localtime(MOMENT)
    seen = ""
    for name in PAGES:
        response = client.get(url_of(name, project))
        assert response.status_code == 200, name
        page = response.content.decode()
        assert not ENGLISH_MONTH.search(page), (name, ENGLISH_MONTH.search(page))
        seen += page
    assert dutch_datetime(local) in seen  # the history and the invitation
    assert dutch_date(timezone.localdate()) in seen  # the perspective's date
