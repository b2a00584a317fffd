"""A whole partner meeting in Chromium, as the issue's strategist holds it, over real WebSockets
(Daphne): the agenda prepared and shared, a live session on a beamer at 1280×720 that a second
machine opens by its link, three phones that all see the revealed results, two points minuted,
two decisions and three actions made from them, the overview showing them and the plan listing
the decisions. Each page is watched like every browser test's (no third-party request, no CSP
violation, no script error) and the beamer fits its screen at every turn.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser import test_live_session as live_session
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.test_beamer import assert_fits
from tests.browser.test_live_session import LIVE, PHONE, People, Site, choose, join
from tests.web.live.servers import logs_on_failure
from tests.web.test_documents_pages import pdf_text

pytestmark = pytest.mark.browser

# The Daphne server and the watched browser contexts of the live session's tests.
site = live_session.site
people = live_session.people
_watched = live_session._watched

COSTS = "Wie betaalt de huismeester na de subsidie?"
ROOM = "Openingstijden van de ontmoetingsruimte"


def label(text: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(text)}:?$")


def point(page: Page, title: str):  # type: ignore[no-untyped-def]
    return page.locator("li.agenda-point", has=page.get_by_role("heading", name=title))


def settled_fit(page: Page, what: str) -> None:
    """The beamer fits once it has taken in a live update: the results arrive in the document
    a moment before the screen has switched its layout, so look again for up to five seconds."""
    for _ in range(25):
        try:
            assert_fits(page, what)
            return
        except AssertionError:
            page.wait_for_timeout(200)
    assert_fits(page, what)


def fetched(page: Page, href: str) -> bytes:
    """A document download, waiting while the server still makes it (202)."""
    response = page.request.get(href)
    for _ in range(60):
        if response.status != 202:
            break
        page.wait_for_timeout(500)
        response = page.request.get(href)
    assert response.status == 200, f"{href}: {response.status}"
    return response.body()


def test_a_partner_meeting_from_agenda_to_plan(people: People, site: Site) -> None:
    world = site.world
    project = f"/projecten/{world.project_id}"
    woonbedrijf, bewoners = "woonbedrijf", "bewoners"
    today = dt.date.today()
    with logs_on_failure(site.server):
        laptop = people.context(viewport={"width": 1280, "height": 900}).new_page()
        sign_in(laptop, "anna")

        # The agenda, prepared before the meeting and shared with the partners.
        laptop.goto(f"{project}/overleg/")
        laptop.get_by_label(label("Naam")).fill("Partneroverleg december")
        laptop.get_by_label(label("Datum")).fill((today + dt.timedelta(days=1)).isoformat())
        laptop.get_by_role("button", name="Overleg toevoegen").click()
        expect(laptop.get_by_role("heading", level=1)).to_have_text("Partneroverleg december")
        meeting_url = laptop.url
        for title, knob, party in ((COSTS, "6", woonbedrijf), (ROOM, "4", bewoners)):
            laptop.get_by_label(label("Onderwerp")).fill(title)
            laptop.get_by_label(label("Stuurknop")).select_option(knob)
            laptop.get_by_label(label("Ingebracht door")).select_option(party)
            laptop.get_by_role("button", name="Op de agenda zetten").click()
            expect(laptop.locator("ul.messages")).to_contain_text("Punt op de agenda gezet")
        expect(laptop.locator("li.agenda-point h3")).to_have_text([COSTS, ROOM])
        expect(laptop.get_by_label("Link naar deze agenda")).to_have_value(meeting_url)
        agenda_href = laptop.get_by_role("link", name="Agenda als PDF (A4)").get_attribute("href")
        assert agenda_href is not None
        agenda = " ".join(pdf_text(fetched(laptop, agenda_href)).split())
        assert agenda.index(COSTS) < agenda.index(ROOM)

        # The live session: the facilitator leads from the laptop, the beamer machine opens
        # the session by its link without signing in.
        laptop.goto(f"{project}/live/")
        laptop.get_by_label("Naam van de sessie").fill("Partneroverleg december")
        laptop.get_by_role("button", name="Sessie starten").click()
        control_url = laptop.url
        laptop.get_by_role("button", name="Beamerlink maken").click()
        link = laptop.locator(".live-beamer-url a").inner_text().strip()
        beamer = people.context(viewport={"width": 1280, "height": 720}).new_page()
        beamer.goto(link)
        code = beamer.locator(".beamer-code").inner_text().strip()
        settled_fit(beamer, "the beamer while people join")

        phones = [
            people.context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
            for _ in range(3)
        ]
        for phone, (name, party) in zip(
            phones, (("Ans", woonbedrijf), ("Bert", woonbedrijf), ("Cor", bewoners)), strict=True
        ):
            join(phone, code, name, party)
        expect(beamer.locator("#live-results")).to_contain_text("0 van 3 gestemd", timeout=LIVE)
        for phone, answer in zip(
            phones,
            ("3 – heel belangrijk", "1 – een beetje belangrijk", "2 – belangrijk"),
            strict=True,
        ):
            choose(phone, "Goed wonen", answer)
        expect(beamer.locator("#live-results")).to_contain_text("3 van 3 gestemd", timeout=LIVE)
        laptop.goto(control_url)
        expect(laptop.get_by_text("Ans")).to_be_visible()  # the facilitator sees who joined
        laptop.get_by_role("button", name="Uitslag tonen").click()
        expect(beamer.locator("#live-results")).to_contain_text("Mediaan: 2", timeout=LIVE)
        settled_fit(beamer, "the beamer with the revealed results")
        for phone in phones:
            expect(phone.locator("#live-own-results")).to_contain_text(
                "Mediaan: 2 (2 – belangrijk)", timeout=LIVE
            )
        assert_accessible(beamer, "the beamer with the revealed results")

        # Back to the agenda: two points minuted, and what came of them.
        laptop.goto(meeting_url)
        for title, said, outcome in (
            (COSTS, "De subsidie stopt in 2028.", "Woonbedrijf en zorg delen de kosten."),
            (ROOM, "Bewoners willen ook 's avonds erin.", "Open tot 21 uur op doordeweekse dagen."),
        ):
            here = point(laptop, title)
            here.get_by_text("Verslag en uitkomst").click()
            here.get_by_label(label("Verslag")).fill(said)
            here.get_by_label(label("Uitkomst")).fill(outcome)
            here.get_by_role("button", name=re.compile("Verslag opslaan")).click()
            expect(laptop.locator("ul.messages")).to_contain_text("Verslag opgeslagen")

        decisions = {
            COSTS: (
                "Woonbedrijf en zorg delen de huismeester vanaf 2028",
                [("Begroting 2028 opstellen", woonbedrijf), ("Zorgbudget navragen", bewoners)],
            ),
            ROOM: ("De ruimte is open tot 21 uur", [("Sleutelplan maken", bewoners)]),
        }
        for title, (decided, actions) in decisions.items():
            laptop.get_by_role(
                "link", name=re.compile(rf"^Besluit of acties vastleggen\s?: {re.escape(title)}$")
            ).click()
            laptop.get_by_role("group", name="Besluit").get_by_label(label("Besluit")).fill(decided)
            laptop.get_by_role("group", name="Besluit").get_by_label(
                label("Opnieuw bekijken op")
            ).fill((today + dt.timedelta(days=14)).isoformat())
            for number, (what, party) in enumerate(actions, start=1):
                group = laptop.get_by_role("group", name=f"Actie {number}")
                group.get_by_label(label("Actie")).fill(what)
                group.get_by_label(label("Partij")).select_option(party)
            laptop.get_by_role("button", name="Vastleggen").click()
            expect(laptop.locator("ul.messages")).to_contain_text(
                f"Besluit en {len(actions)} actie(s) vastgelegd"
            )

        # The overview: the open actions and the decisions due for review.
        laptop.goto(f"{project}/")
        follow_up = laptop.get_by_role("region", name="Afspraken uit het overleg")
        expect(follow_up).to_contain_text("3 open acties")
        for what in ("Begroting 2028 opstellen", "Zorgbudget navragen", "Sleutelplan maken"):
            expect(follow_up).to_contain_text(what)
        for decided, _actions in decisions.values():
            expect(follow_up.get_by_role("link", name=decided)).to_be_visible()

        # The plan lists the decisions themselves, not change records.
        plan = " ".join(
            pdf_text(fetched(laptop, re.sub(r"agenda/.*$", "pdf/", agenda_href))).split()
        )
        assert "Besluiten en acties" in plan
        for decided, _actions in decisions.values():
            assert decided in plan
        assert "Sleutelplan maken" in plan
