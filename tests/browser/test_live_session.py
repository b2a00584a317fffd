"""A whole live session in Chromium over real WebSockets: a facilitator and three participants,
each in a browser context of their own, against a Daphne process (pytest-django's live server
is WSGI and cannot open a socket; the in-memory channel layer serves one process).

The facilitator signs in, starts the session and opens the beamer; the participants (phone
screens) join with the code they read on the beamer and vote on the values and on knob 1; the
beamer counts "n van m gestemd" without scores until the reveal, then shows the distribution
and median and follows a late vote live. Closing stores the perspectives. Every context is
watched like every browser test's (no third-party request, no CSP violation, no script error,
no broken resource), and also for any console error at all; axe-core checks the beamer, the
join page and the vote page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import Watch, sign_in
from tests.web.jobs.processes import job_workers
from tests.web.live.servers import (
    Daphne,
    World,
    daphnes,
    logs_on_failure,
    make_world,
    server_env,
    shared_database,
    stored_perspectives,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LIVE = 10_000  # ms to wait for something that arrives over the socket
SAVED = "Uw stem is opgeslagen. U kunt hem nog veranderen."


@dataclass
class Site:
    world: World
    server: Daphne


@dataclass
class People:
    """The browser contexts of one test, each watched; checked when the test ends."""

    browser: Browser
    site: Site
    watches: list[Watch] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    contexts: list[BrowserContext] = field(default_factory=list)

    def context(self, **options: Any) -> BrowserContext:
        context = self.browser.new_context(
            base_url=self.site.server.url,
            locale="nl-NL",
            service_workers="block",
            **options,
        )
        watch = Watch(origin=self.site.server.url)
        watch.attach(context)
        context.on("page", self._on_page)
        context.set_default_timeout(10_000)
        self.watches.append(watch)
        self.contexts.append(context)
        return context

    def _on_page(self, page: Page) -> None:
        def seen(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console_errors.append(f"{page.url}: {message.text}")

        page.on("console", seen)

    def problems(self) -> list[str]:
        return [
            *(p for w in self.watches for p in w.problems()),
            *(f"console error: {e}" for e in self.console_errors),
        ]


@pytest.fixture(autouse=True)
def _watched() -> None:
    """Replaces the conftest's watch of the default context (on the WSGI live server, not
    used here): every context of these tests carries its own :class:`Watch` instead."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One Daphne process (in-memory channel layer) and a job worker on a database of their
    own, with anna (beheerder) and the example project Thuisflat Parkzicht."""
    tmp: Path = tmp_path_factory.mktemp("live-browser")
    with shared_database(tmp, os.environ.get("DATABASE_URL")) as database_url:
        env = server_env(tmp, database_url)
        world = make_world(env)
        # A job worker beside it makes the documents the pages ask for.
        with daphnes(env, tmp, count=1) as (server,), job_workers(env, tmp):
            yield Site(world, server)


@pytest.fixture
def people(browser: Browser, site: Site) -> Iterator[People]:
    people = People(browser, site)
    yield people
    for context in people.contexts:
        context.close()
    problems = people.problems()
    if problems:
        pytest.fail("The browsers saw:\n  " + "\n  ".join(problems), pytrace=False)


def join(page: Page, code: str, name: str, party: str, *, check: bool = False) -> None:
    """Type the code from the beamer, give a name and a party."""
    page.goto("/live/")
    page.get_by_label("Code van het scherm").fill(code.lower())
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_label("Uw naam")).to_be_visible()
    if check:
        assert_accessible(page, "join page")
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Namens welke partij doet u mee?").select_option(value=party)
    page.get_by_role("button", name="Meedoen").click()
    expect(page.locator(".live-me")).to_contain_text(f"U doet mee als {name}")


def choose(page: Page, group: str, answer: str) -> None:
    """Tap an answer (it is sent at once) and wait until the server acknowledged it."""
    page.locator("#live-status").evaluate("node => { node.textContent = ''; }")
    page.get_by_role("group", name=group).get_by_label(answer, exact=True).check()
    expect(page.locator("#live-status")).to_have_text(SAVED, timeout=LIVE)


def results(beamer: Page) -> Any:
    return beamer.locator("#live-results")


def distribution(beamer: Page, item: str) -> dict[str, str]:
    """The table beside the bars of ``item`` on the beamer: answer → count."""
    table = beamer.locator("section.live-result", has=beamer.get_by_role("heading", name=item))
    rows = table.locator("tbody tr")
    return {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").inner_text()
        for i in range(rows.count())
    }


def test_a_facilitator_and_three_participants_hold_a_session_over_websockets(
    people: People, site: Site
) -> None:
    world = site.world
    woonbedrijf, bewoners = "woonbedrijf", "bewoners"
    assert {woonbedrijf, bewoners} <= set(world.parties)
    with logs_on_failure(site.server):
        # The facilitator signs in, starts the session and opens the beamer beside it.
        facilitator = people.context(viewport={"width": 1280, "height": 900})
        control = facilitator.new_page()
        sign_in(control, "anna")
        control.goto(f"/projecten/{world.project_id}/live/")
        control.get_by_label("Naam van de sessie").fill("Bewonersavond")
        control.get_by_role("button", name="Sessie starten").click()
        expect(control.get_by_role("heading", level=1)).to_contain_text("Bewonersavond")
        control_url = control.url

        beamer = facilitator.new_page()
        link = control.get_by_role("link", name="Open het scherm voor de beamer")
        beamer.goto(link.get_attribute("href") or "")
        code = beamer.locator(".beamer-code").inner_text().strip()
        assert len(code) == 6
        expect(results(beamer)).to_contain_text("0 van 0 gestemd")
        assert_accessible(beamer, "beamer")

        # Three participants on phones join with the code from the beamer.
        phones = [
            people.context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
            for _ in range(3)
        ]
        ans, bert, cor = phones
        join(ans, code, "Ans", woonbedrijf, check=True)
        assert_accessible(ans, "vote page")
        join(bert, code, "Bert", woonbedrijf)
        join(cor, code, "Cor", bewoners)
        expect(results(beamer)).to_contain_text("0 van 3 gestemd", timeout=LIVE)

        # Values: two vote; the beamer counts them but shows no scores.
        choose(ans, "Goed wonen", "3 – heel belangrijk")
        choose(bert, "Goed wonen", "1 – een beetje belangrijk")
        expect(results(beamer)).to_contain_text("2 van 3 gestemd", timeout=LIVE)
        expect(results(beamer)).to_contain_text("De uitslag van deze stap is nog verborgen.")
        expect(results(beamer)).not_to_contain_text("Mediaan")

        # The reveal: distribution and median on the beamer, live.
        control.get_by_role("button", name="Uitslag tonen").click()
        expect(results(beamer)).to_contain_text("Mediaan: 2", timeout=LIVE)
        assert distribution(beamer, "Goed wonen") == {
            "0 – niet belangrijk": "0",
            "1 – een beetje belangrijk": "1",
            "2 – belangrijk": "0",
            "3 – heel belangrijk": "1",
        }
        assert_accessible(beamer, "beamer with results")

        # One more vote arrives: the revealed results follow without a reload.
        beamer.evaluate("window.stillHere = true")
        choose(cor, "Goed wonen", "3 – heel belangrijk")
        expect(results(beamer)).to_contain_text("3 van 3 gestemd", timeout=LIVE)
        expect(results(beamer)).to_contain_text("Mediaan: 3", timeout=LIVE)
        assert distribution(beamer, "Goed wonen")["3 – heel belangrijk"] == "2"
        assert beamer.evaluate("window.stillHere") is True

        # Knob 1: the phones get the new question over their sockets.
        control.goto(control_url)
        control.get_by_role("button", name="Volgende stap").click()
        knob_title = control.get_by_role("heading", level=2).first.inner_text()
        assert "Stap 2 van" in knob_title
        knob = knob_title.split(": ", 1)[1]
        for phone in phones:
            expect(phone.locator("#live-step-title")).to_have_text(knob, timeout=LIVE)
        expect(beamer.locator("[data-step-title]")).to_have_text(knob, timeout=LIVE)
        choose(ans, knob, "2 – gemiddeld")
        choose(bert, knob, "3 – sterk")
        choose(cor, knob, "0 – uit")
        expect(results(beamer)).to_contain_text("3 van 3 gestemd", timeout=LIVE)
        expect(results(beamer)).not_to_contain_text("Mediaan")
        control.get_by_role("button", name="Uitslag tonen").click()
        expect(results(beamer)).to_contain_text("Mediaan: 2", timeout=LIVE)

        # Closing: the phones are told, the perspectives are stored per party.
        control.get_by_role("link", name="Sessie sluiten").click()
        control.get_by_role("button", name="Sessie sluiten en uitkomst bewaren").click()
        expect(control.get_by_text("2 perspectieven zijn opgeslagen")).to_be_visible()
        for phone in phones:
            expect(phone.locator("#live-status")).to_have_text(
                "Deze sessie is gesloten. Dank u wel voor het meedoen!", timeout=LIVE
            )
        expect(results(beamer)).to_contain_text("sessie gesloten", timeout=LIVE)

        stored = {
            p["party"]: p
            for p in stored_perspectives(world.env, world.project_id)
            if p.get("session") == "Bewonersavond"
        }
        assert set(stored) == {woonbedrijf, bewoners}
        # Ans and Bert's medians are rounded half up: (3 + 1) / 2 → 2, (2 + 3) / 2 → 3.
        assert stored[woonbedrijf]["values"] == {"goed_wonen": 2}
        assert stored[woonbedrijf]["knobs"] == {"1": 3}
        assert stored[bewoners]["values"] == {"goed_wonen": 3}
        assert stored[bewoners]["knobs"] == {"1": 0}
        assert {p["origin"] for p in stored.values()} == {"sessie"}

        # All of it went over the sockets: no page fell back to polling.
        polled = [
            url
            for watch in people.watches
            for url in watch.requests
            if url.endswith(("/toestand/", "/stem/"))
        ]
        assert polled == []


def own_results(phone: Page, item: str = "Goed wonen") -> dict[str, str]:
    """The table of ``item``'s revealed results on a phone: answer → count."""
    section = phone.locator(
        "#live-own-results section.live-result", has=phone.get_by_role("heading", name=item)
    )
    rows = section.locator("tbody tr")
    return {
        rows.nth(i).locator("th").inner_text(): rows.nth(i).locator("td").inner_text()
        for i in range(rows.count())
    }


def test_the_phones_show_the_revealed_results_over_websockets_and_by_polling(
    people: People, site: Site
) -> None:
    world = site.world
    with logs_on_failure(site.server):
        control = people.context(viewport={"width": 1280, "height": 900}).new_page()
        sign_in(control, "anna")
        control.goto(f"/projecten/{world.project_id}/live/")
        control.get_by_label("Naam van de sessie").fill("Uitslag op de telefoon")
        control.get_by_role("button", name="Sessie starten").click()
        code = control.locator(".live-code").first.inner_text().strip()
        assert len(code) == 6

        def phone(*, polling: bool = False) -> Page:
            context = people.context(viewport=PHONE, is_mobile=True, has_touch=True)
            if polling:  # a proxy that lets no WebSocket through: the page polls instead
                context.add_init_script("window.WebSocket = undefined;")
            return context.new_page()

        ans, bert, cor = phone(), phone(), phone(polling=True)
        join(ans, code, "Ans", "woonbedrijf")
        join(bert, code, "Bert", "woonbedrijf")
        join(cor, code, "Cor", "bewoners")
        choose(ans, "Goed wonen", "3 – heel belangrijk")
        choose(bert, "Goed wonen", "1 – een beetje belangrijk")
        choose(cor, "Goed wonen", "2 – belangrijk")
        phones = (ans, bert, cor)
        for each in phones:  # nothing of the results before the reveal
            expect(each.locator("#live-own-results")).to_be_empty()

        control.get_by_role("button", name="Uitslag tonen").click()
        for each in phones:
            box = each.locator("#live-own-results")
            expect(box).to_contain_text("Mediaan: 2 (2 – belangrijk)", timeout=LIVE)
            expect(box.get_by_role("heading", name="Goed wonen")).to_be_visible()
            assert own_results(each) == {
                "0 – niet belangrijk": "0",
                "1 – een beetje belangrijk": "1",
                "2 – belangrijk": "1",
                "3 – heel belangrijk": "1",
            }
        assert_accessible(ans, "vote page with results")
        assert_accessible(cor, "polling vote page with results")

        # A changed vote while revealed: every phone follows, without a reload.
        choose(bert, "Goed wonen", "3 – heel belangrijk")
        for each in phones:
            expect(each.locator("#live-own-results")).to_contain_text(
                "Mediaan: 3 (3 – heel belangrijk)", timeout=LIVE
            )
            assert own_results(each)["3 – heel belangrijk"] == "2"

        # Hidden again: the phones hide the results too.
        control.get_by_role("button", name="Uitslag weer verbergen").click()
        for each in phones:
            expect(each.locator("#live-own-results")).to_be_empty(timeout=LIVE)

        # Ans and Bert stayed on their sockets; only Cor polled.
        def polled(watch: Watch) -> list[str]:
            return [url for url in watch.requests if url.endswith(("/toestand/", "/stem/"))]

        _control, ans_watch, bert_watch, cor_watch = people.watches
        assert polled(ans_watch) == polled(bert_watch) == []
        assert polled(cor_watch)
