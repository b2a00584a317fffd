"""The meetings' pages: plan a meeting, prepare and share its agenda, minute the points, make
decisions and actions from a point, follow them up on the decisions page and the overview."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import Action, AgendaPoint, Decision, Meeting, Project
from stuurknop.web.projects.services.decisions import point_follow_up
from stuurknop.web.projects.services.meetings import meeting_create, point_add

if TYPE_CHECKING:
    from tests.web.conftest import People


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _meeting(project: Project, people: People) -> Meeting:
    return meeting_create(
        project=project, by=people.bram, title="Partneroverleg", date=dt.date(2030, 3, 4)
    )


def test_a_bewerker_plans_a_meeting_and_a_wrong_date_is_said_in_dutch(
    project: Project, people: People
) -> None:
    client = client_for(people.bram)
    url = reverse("meetings_page", args=[project.pk])
    refused = client.post(url, {"title": "", "date": "gisteren"})
    assert refused.status_code == 400
    assert "Voer een geldige datum in" in refused.content.decode()
    assert not Meeting.objects.exists()
    response = client.post(url, {"title": "Partneroverleg", "date": "2030-03-04", "place": "Zaal"})
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meeting_page", args=[project.pk, meeting.pk])
    html = client.get(url).content.decode()
    assert "Partneroverleg" in html and "4 maart 2030" in html


def test_the_agenda_is_built_reordered_and_minuted_on_the_meeting_page(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    client = client_for(people.bram)
    add = reverse("point_create", args=[project.pk, meeting.pk])
    client.post(add, {"title": "Eerste", "knob": "4", "brought_by": "zorg"})
    client.post(add, {"title": "Tweede", "value": "goed_wonen"})
    second = AgendaPoint.objects.get(title="Tweede")
    client.post(
        reverse("point_reorder", args=[project.pk, meeting.pk, second.pk]),
        {"version": second.version, "richting": "omhoog"},
    )
    assert [p.title for p in meeting.points.all()] == ["Tweede", "Eerste"]
    first = AgendaPoint.objects.get(title="Eerste")
    response = client.post(
        reverse("point_minutes", args=[project.pk, meeting.pk, first.pk]),
        {
            f"p{first.pk}-minutes": "Zorg wil meebetalen",
            f"p{first.pk}-outcome": "Akkoord",
            f"p{first.pk}-version": first.version,
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.minutes, first.outcome) == ("Zorg wil meebetalen", "Akkoord")
    html = client.get(reverse("meeting_page", args=[project.pk, meeting.pk])).content.decode()
    assert "Ingebracht door Zorg" in html
    assert "zelf toegevoegd" in html.lower()
    assert "Deel de agenda" in html


def test_a_reader_sees_the_shared_agenda_but_no_forms(project: Project, people: People) -> None:
    meeting = _meeting(project, people)
    point_add(meeting=meeting, by=people.bram, title="Begeleider")
    html = (
        client_for(people.carla)
        .get(reverse("meeting_page", args=[project.pk, meeting.pk]))
        .content.decode()
    )
    assert "Begeleider" in html and "Deel de agenda" in html
    assert "Op de agenda zetten" not in html and "Omhoog" not in html


def test_a_decision_and_actions_are_made_from_a_point_in_one_step(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    point = point_add(meeting=meeting, by=people.bram, title="Begeleider", knob=4)
    client = client_for(people.bram)
    url = reverse("point_follow_up", args=[project.pk, meeting.pk, point.pk])
    form = client.get(url).content.decode()
    assert re.search(r'name="besluit-knobs" value="4"[^>]*checked', form)  # the point's knob
    today = timezone.localdate().isoformat()
    assert f'name="besluit-date" value="{today}"' in form  # the date: today
    response = client.post(
        url,
        {
            "besluit-title": "Begeleider inzetten",
            "besluit-date": "2030-03-04",
            "besluit-decided_by": ["woco", "zorg"],
            "besluit-knobs": ["4"],
            "besluit-review_date": "2030-09-01",
            "actie1-title": "Vacature",
            "actie1-owner_party": "woco",
            "actie1-due": "2030-04-01",
            "actie2-title": "Begroting",
            "actie2-owner_person": "Ans",
        },
    )
    assert response.status_code == 302, response.content.decode()
    decision = Decision.objects.get()
    assert (decision.knobs, decision.point) == ([4], point)
    assert list(Action.objects.values_list("title", "decision__title")) == [
        ("Vacature", "Begeleider inzetten"),
        ("Begroting", "Begeleider inzetten"),
    ]


def test_a_bad_action_stores_neither_decision_nor_actions(project: Project, people: People) -> None:
    meeting = _meeting(project, people)
    point = point_add(meeting=meeting, by=people.bram, title="Begeleider")
    response = client_for(people.bram).post(
        reverse("point_follow_up", args=[project.pk, meeting.pk, point.pk]),
        {"besluit-title": "Goed", "actie1-title": "Een", "actie1-due": "1800-01-01"},
    )
    assert response.status_code == 400
    assert not Decision.objects.exists() and not Action.objects.exists()


def test_the_decisions_page_flags_late_actions_and_an_action_is_done_in_one_click(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    point = point_add(meeting=meeting, by=people.bram, title="Begeleider")
    today = timezone.localdate()
    point_follow_up(
        point=point,
        by=people.bram,
        decision={"title": "Inzetten", "date": today, "review_date": today + dt.timedelta(days=3)},
        actions=[{"title": "Te laat", "due": today - dt.timedelta(days=1)}, {"title": "Later"}],
    )
    client = client_for(people.bram)
    html = client.get(reverse("decisions_page", args=[project.pk])).content.decode()
    assert html.count("te laat") >= 1 and "binnenkort" in html
    overview = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    assert "Afspraken uit het overleg" in overview
    assert overview.index("Te laat") < overview.index("Later")
    assert "Inzetten" in overview
    action = Action.objects.get(title="Te laat")
    back = reverse("decisions_page", args=[project.pk]) + "?acties=open"
    response = client.post(
        reverse("action_done", args=[project.pk, action.pk]),
        {"version": action.version, "klaar": "ja", "terug": back},
    )
    assert response["Location"] == back
    action.refresh_from_db()
    assert action.status == "klaar"
    assert "Te laat" not in client.get(back).content.decode().split("acties-kop")[1]
    outside = client.post(
        reverse("action_done", args=[project.pk, action.pk]),
        {"version": action.version, "klaar": "nee", "terug": "https://example.org/"},
    )
    assert outside["Location"] == reverse("decisions_page", args=[project.pk])


def test_a_check_goes_on_the_agenda_of_the_chosen_meeting(project: Project, people: People) -> None:
    scenario = project.scenarios.get()
    _meeting(project, people)
    later = meeting_create(
        project=project, by=people.bram, title="Later overleg", date=dt.date(2031, 1, 1)
    )
    client = client_for(people.bram)
    page = client.get(reverse("checks_page", args=[project.pk, scenario.pk])).content.decode()
    assert "Zet op de agenda" in page
    key = re.search(r'name="punt" value="([^"]+)"', page)
    assert key is not None
    response = client.post(
        reverse("checks_agenda_add", args=[project.pk, scenario.pk]),
        {"punt": key.group(1), "meeting": later.key},
    )
    item = AgendaPoint.objects.get()
    assert item.meeting == later and item.origin == "checklist"
    assert client.get(response["Location"]).content.decode().count("Later overleg") >= 1
    refused = client.post(
        reverse("checks_agenda_add", args=[project.pk, scenario.pk]), {"punt": "onzin"}
    )
    assert refused.status_code == 302
    assert AgendaPoint.objects.count() == 1


def test_the_history_says_each_step_in_words(project: Project, people: People) -> None:
    meeting = _meeting(project, people)
    point_add(meeting=meeting, by=people.bram, title="Eerste")
    second = point_add(meeting=meeting, by=people.bram, title="Tweede", brought_by="zorg")
    client = client_for(people.bram)
    client.post(
        reverse("point_reorder", args=[project.pk, meeting.pk, second.pk]),
        {"version": second.version, "richting": "omhoog"},
    )
    point_follow_up(point=second, by=people.bram, actions=[{"title": "Bellen"}])
    html = client.get(reverse("project_history", args=[project.pk])).content.decode()
    assert "Overleg &#x27;Partneroverleg&#x27; toegevoegd" in html
    assert "Agendapunt &#x27;Tweede&#x27; omhoog op de agenda" in html
    assert "volgorde van de agenda &#x27;Eerste&#x27;, &#x27;Tweede&#x27; → " in html
    assert "Actie &#x27;Bellen&#x27; toegevoegd" in html


def test_the_agenda_is_shared_as_a_link_and_an_a4_pdf_readers_can_download(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    point_add(meeting=meeting, by=people.bram, title="Begeleider", knob=4)
    client = client_for(people.carla)
    html = client.get(reverse("meeting_page", args=[project.pk, meeting.pk])).content.decode()
    page_link = f"http://testserver{reverse('meeting_page', args=[project.pk, meeting.pk])}"
    assert f'value="{page_link}"' in html
    found = re.search(r'href="(http://testserver/[^"]+/agenda/\?overleg=[^"]+)"', html)
    assert found is not None, "the agenda's PDF is offered"
    agenda = found.group(1).removeprefix("http://testserver")
    response = client.get(agenda)
    assert response.status_code == 202  # asked: a worker makes it
    run_queued_jobs()
    response = client.get(agenda)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_point_is_taken_off_the_agenda_unless_something_came_of_it(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    gone = point_add(meeting=meeting, by=people.bram, title="Vergissing")
    kept = point_add(meeting=meeting, by=people.bram, title="Begeleider")
    point_follow_up(point=kept, by=people.bram, actions=[{"title": "Bellen"}])
    client = client_for(people.bram)
    for point in (gone, kept):
        client.post(
            reverse("point_remove", args=[project.pk, meeting.pk, point.pk]),
            {"version": point.version},
        )
    assert [p.title for p in meeting.points.all()] == ["Begeleider"]
    html = client.get(reverse("meeting_page", args=[project.pk, meeting.pk])).content.decode()
    assert "er zijn besluiten of acties uit dit agendapunt" in html.lower()


def test_a_point_a_decision_and_an_action_are_corrected_on_their_own_pages(
    project: Project, people: People
) -> None:
    meeting = _meeting(project, people)
    point = point_add(meeting=meeting, by=people.bram, title="Begeleidr")
    decision, [action] = point_follow_up(
        point=point,
        by=people.bram,
        decision={"title": "Inzetten", "date": "2030-03-04"},
        actions=[{"title": "Bellen"}],
    )
    assert decision is not None
    client = client_for(people.bram)
    url = reverse("point_edit", args=[project.pk, meeting.pk, point.pk])
    assert 'value="Begeleidr"' in client.get(url).content.decode()
    client.post(url, {"title": "Begeleider", "knob": "4", "version": point.version})
    point.refresh_from_db()
    assert (point.title, point.knob) == ("Begeleider", 4)
    url = reverse("decision_edit", args=[project.pk, decision.pk])
    refused = client.post(
        url,
        {
            "title": "Inzetten",
            "date": "2030-03-04",
            "review_date": "2030-01-01",
            "version": decision.version,
        },
    )
    assert refused.status_code == 400
    assert "vóór zijn datum" in refused.content.decode()
    client.post(
        url,
        {
            "title": "Inzetten",
            "date": "2030-03-04",
            "review_date": "2030-09-01",
            "version": decision.version,
        },
    )
    decision.refresh_from_db()
    assert decision.review_date == dt.date(2030, 9, 1)
    url = reverse("action_edit", args=[project.pk, action.pk])
    stale = action.version
    client.post(
        url, {"title": "Bellen", "owner_party": "zorg", "due": "2030-04-01", "version": stale}
    )
    action.refresh_from_db()
    assert (action.owner_party.key, action.due) == ("zorg", dt.date(2030, 4, 1))  # type: ignore[union-attr]
    conflict = client.post(url, {"title": "Mailen", "version": stale})
    assert conflict.status_code == 400
    assert "door iemand anders gewijzigd" in conflict.content.decode()
    action.refresh_from_db()
    assert action.title == "Bellen"
