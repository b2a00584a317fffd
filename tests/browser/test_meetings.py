"""A partner meeting in Chromium, from differences to agreements: a bewerker plans a meeting,
puts the largest difference on its agenda from the divergence page and a point by hand,
reorders the agenda with the keyboard, minutes two points, makes two decisions and three
actions from them, finds the open actions (the late one first) and the decision due for
review on the overview, and marks one action done. Every page passes axe-core, and none
scrolls sideways on a 320 px phone.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Action, Decision, Project
from stuurknop.web.projects.services.meetings import meeting_create
from stuurknop.web.projects.services.perspectives import (
    perspective_set,
    perspective_version,
    perspectives_reveal,
)
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.meeting_world import meeting_values
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

DIFFERENCE = "Verschil over Stuurknop 3: Financiering ontmoetingsruimte"
BY_HAND = "Wie betaalt de begeleider na 2027?"


def label(text: str) -> re.Pattern[str]:
    """A field's label as the forms write it (with or without its colon)."""
    return re.compile(rf"^{re.escape(text)}:?$")


def named(visible: str, hidden: str) -> re.Pattern[str]:
    """A control's name: its visible words and, for screen readers, what it is about."""
    return re.compile(rf"^{re.escape(visible)}\s?: {re.escape(hidden)}$")


def _differences(project: Project, people: People) -> None:
    for by, party, score in ((people.anna, "woco", 3), (people.bram, "zorg", 0)):
        perspective_set(
            project=project,
            by=by,
            party=party,
            knobs={3: score},
            values={},
            remarks="",
            expected_version=perspective_version(project, party),
        )
    perspectives_reveal(project=project, by=people.anna)


def _no_sideways_scroll(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    width = page_width(page)
    assert width <= 320, f"{what} is {width} px wide on a 320 px phone"
    page.set_viewport_size({"width": 1280, "height": 800})
    clipped = page.evaluate(
        "[...document.querySelectorAll('.table-scroll')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
    )
    assert clipped == 0, f"{what}: a table is clipped at 1280 px"


def _point(page: Page, title: str):  # type: ignore[no-untyped-def]
    return page.locator("li.agenda-point", has=page.get_by_role("heading", name=title))


def test_a_meeting_from_agenda_to_agreements(page: Page, project: Project, people: People) -> None:
    cache.clear()  # pages are cached by project id, which the next database hands out again
    _differences(project, people)
    today = timezone.localdate()
    sign_in(page, "bram")

    # Plan the meeting.
    page.goto(url_of("meetings_page", project_id=project.pk))
    assert_accessible(page, "the meetings page")
    page.get_by_label(label("Naam")).fill("Partneroverleg")
    page.get_by_label(label("Datum")).fill((today + dt.timedelta(days=7)).isoformat())
    page.get_by_label(label("Plaats")).fill("De Linde")
    page.get_by_role("button", name="Overleg toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partneroverleg")
    meeting_url = page.url
    # Shared before the meeting: the page's link (and its PDF's) to copy for the partners.
    expect(page.get_by_label("Link naar deze agenda")).to_have_value(meeting_url)
    page.get_by_role("button", name="Kopieer de link", exact=True).click()
    expect(page.get_by_text("De link is gekopieerd.")).to_be_visible()
    expect(page.get_by_role("link", name="Agenda als PDF (A4)")).to_be_visible()

    # A point from the divergence page: it goes on this (the next) meeting's agenda, the one
    # chosen first of the meetings to come.
    meeting_create(
        project=project, by=people.anna, title="Najaarsoverleg", date=today + dt.timedelta(days=90)
    )
    page.goto(url_of("divergence_page", project_id=project.pk))
    choice = page.get_by_label("Naar overleg").first
    expect(choice.locator("option:checked")).to_contain_text("Partneroverleg")
    _no_sideways_scroll(page, "the divergence page with a choice of meetings")
    page.get_by_role("button", name=f"Zet op de agenda: {DIFFERENCE[13:]}").click()
    expect(page.get_by_role("status")).to_contain_text("bij Partneroverleg")  # (no message)
    page.get_by_role("link", name="Bekijk de agenda").click()
    expect(_point(page, DIFFERENCE)).to_contain_text("Ingebracht door Zorg")

    # A point by hand, then moved to the top with the keyboard.
    page.get_by_label(label("Onderwerp")).fill(BY_HAND)
    page.get_by_label(label("Stuurknop")).select_option("4")
    page.get_by_label(label("Ingebracht door")).select_option("woco")
    page.get_by_role("button", name="Op de agenda zetten").click()
    expect(page.locator("ul.messages")).to_contain_text("Punt op de agenda gezet")
    up = page.get_by_role("button", name=f"{BY_HAND} een plaats omhoog")
    with page.expect_navigation():
        up.press("Enter")  # focused and the key pressed, as a keyboard user does
    expect(page.locator("li.agenda-point h3")).to_have_text([BY_HAND, DIFFERENCE])
    assert_accessible(page, "the meeting's agenda")

    # Minutes of two points, during the meeting.
    for title, said, outcome in (
        (BY_HAND, "De zorggroep wil meebetalen.", "Begeleider blijft."),
        (DIFFERENCE, "Woco en Zorg zien de ruimte anders.", "Zorg betaalt een huur."),
    ):
        point = _point(page, title)
        point.get_by_text("Verslag en uitkomst").click()
        point.get_by_label(label("Verslag")).fill(said)
        point.get_by_label(label("Uitkomst")).fill(outcome)
        point.get_by_role("button", name=re.compile("Verslag opslaan")).click()
        expect(page.locator("ul.messages")).to_contain_text("Verslag opgeslagen")
        expect(_point(page, title).get_by_label(label("Uitkomst"))).to_have_value(outcome)

    # From the first point: a decision with a review date soon, and two actions.
    page.get_by_role("link", name=named("Besluit of acties vastleggen", BY_HAND)).click()
    assert_accessible(page, "the form of a decision and actions")
    decision = page.get_by_role("group", name="Besluit")
    expect(decision.get_by_role("checkbox", name=re.compile("^4\\."))).to_be_checked()
    decision.get_by_label(label("Besluit")).fill("De begeleider blijft tot eind 2028")
    decision.get_by_label(label("Opnieuw bekijken op")).fill(
        (today + dt.timedelta(days=10)).isoformat()
    )
    first = page.get_by_role("group", name="Actie 1")
    first.get_by_label(label("Actie")).fill("Subsidie aanvragen")
    first.get_by_label(label("Partij")).select_option("woco")
    first.get_by_label(label("Klaar op")).fill((today - dt.timedelta(days=2)).isoformat())
    second = page.get_by_role("group", name="Actie 2")
    second.get_by_label(label("Actie")).fill("Begroting opstellen")
    second.get_by_label(label("Persoon")).fill("Bram")
    second.get_by_label(label("Klaar op")).fill((today + dt.timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("ul.messages")).to_contain_text("Besluit en 2 actie(s) vastgelegd")
    expect(_point(page, BY_HAND)).to_contain_text("Actie: Subsidie aanvragen")

    # From the second point: a decision and one action.
    page.get_by_role("link", name=named("Besluit of acties vastleggen", DIFFERENCE)).click()
    decision = page.get_by_role("group", name="Besluit")
    decision.get_by_label(label("Besluit")).fill("Zorg huurt de ruimte")
    page.get_by_role("group", name="Actie 1").get_by_label(label("Actie")).fill(
        "Huurcontract opstellen"
    )
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("ul.messages")).to_contain_text("Besluit en 1 actie(s) vastgelegd")
    assert Decision.objects.filter(project=project).count() == 2
    assert Action.objects.filter(project=project).count() == 3
    assert page.url.startswith(meeting_url)
    _no_sideways_scroll(page, "the meeting page")

    # The overview: the open actions, the late one first, and the decision due for review.
    page.goto(url_of("project_detail", project_id=project.pk))
    follow_up = page.get_by_role("region", name="Afspraken uit het overleg")
    expect(follow_up).to_contain_text("3 open acties, 1 te laat")
    expect(follow_up.get_by_role("listitem").first).to_contain_text("Subsidie aanvragen")
    expect(follow_up.get_by_role("listitem").first).to_contain_text("te laat")
    expect(follow_up.get_by_role("link", name="De begeleider blijft tot eind 2028")).to_be_visible()
    assert_accessible(page, "the overview with open actions")

    # The decisions and actions: one action done in one click.
    follow_up.get_by_role("link", name="Alle besluiten en acties").click()
    assert_accessible(page, "the decisions and actions")
    _no_sideways_scroll(page, "the decisions and actions")
    page.get_by_role("button", name=named("Klaar", "Subsidie aanvragen")).click()
    expect(page.locator("ul.messages")).to_contain_text("Actie klaar: Subsidie aanvragen")
    assert Action.objects.get(title="Subsidie aanvragen").status == "klaar"
    page.get_by_role("link", name="Toon alleen open acties").click()
    expect(page.get_by_role("table", name="Open acties")).not_to_contain_text("Subsidie aanvragen")


@pytest.mark.usefixtures("job_worker")
def test_a_reader_opens_the_shared_agenda_and_its_pdf(
    page: Page, project: Project, people: People
) -> None:
    cache.clear()
    values = meeting_values(project, people.anna)
    sign_in(page, "carla")
    page.goto(url_of("meeting_page", project_id=project.pk, meeting_id=values["meeting_id"]))
    expect(page.get_by_role("heading", name="Deel de agenda")).to_be_visible()
    expect(page.get_by_role("button", name="Op de agenda zetten")).to_have_count(0)
    expect(page.locator("li.agenda-point")).to_have_count(3)
    assert_accessible(page, "the agenda as a reader sees it")
    _no_sideways_scroll(page, "the agenda as a reader sees it")
    href = page.get_by_role("link", name="Agenda als PDF (A4)").get_attribute("href")
    assert href is not None
    response = page.request.get(href)
    for _ in range(40):  # asked (202): the worker beside the live server makes it
        if response.status != 202:
            break
        page.wait_for_timeout(500)
        response = page.request.get(href)
    assert response.status == 200
    assert response.body().startswith(b"%PDF")


def test_the_meeting_form_pages_pass_axe(page: Page, project: Project, people: People) -> None:
    cache.clear()
    values = meeting_values(project, people.anna)
    sign_in(page, "anna")
    for route in ("meeting_edit", "point_follow_up"):
        page.goto(url_of(route, project_id=project.pk, **values))
        assert page.locator("h1").count() == 1
        assert_accessible(page, route)
        _no_sideways_scroll(page, route)
