"""The beamer link over real WebSockets (Daphne): the facilitator leads from one browser and
makes the link; a second browser that never signed in opens it as the beamer, follows the
votes, the reveal and the per-party breakdown live over its own socket, and says so plainly
when the facilitator revokes the link.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import test_live_session as live_session
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.test_beamer import assert_fits
from tests.browser.test_live_session import LIVE, PHONE, People, Site, choose, join
from tests.web.live.servers import logs_on_failure

pytestmark = pytest.mark.browser

# The Daphne server and the watched browser contexts of the live session's tests.
site = live_session.site
people = live_session.people
_watched = live_session._watched


def test_a_beamer_without_sign_in_follows_the_session_through_its_link(
    people: People, site: Site
) -> None:
    world = site.world
    with logs_on_failure(site.server):
        control = people.context(viewport={"width": 1280, "height": 900}).new_page()
        sign_in(control, "anna")
        control.goto(f"/projecten/{world.project_id}/live/")
        control.get_by_label("Naam van de sessie").fill("Partneroverleg")
        control.get_by_role("button", name="Sessie starten").click()
        control_url = control.url
        control.get_by_role("button", name="Beamerlink maken").click()
        expect(control.get_by_role("heading", level=1)).to_contain_text("Beamerlink")
        link = control.locator(".live-beamer-url a").inner_text().strip()
        assert "/scherm/" in link
        assert_accessible(control, "the page that shows the beamer link once")

        # Another machine: a fresh browser, never signed in.
        beamer_context = people.context(viewport={"width": 1280, "height": 720})
        beamer = beamer_context.new_page()
        beamer.goto(link)
        code = beamer.locator(".beamer-code").inner_text().strip()
        assert len(code) == 6
        expect(beamer.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
        assert_fits(beamer, "the beamer link's page")
        assert_accessible(beamer, "the beamer link's page")
        assert beamer_context.cookies() == []  # no session, no sign-in: the link is the key

        phone = people.context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
        join(phone, code, "Ans", "woonbedrijf")
        expect(beamer.locator("#live-results")).to_contain_text("0 van 1 gestemd", timeout=LIVE)
        choose(phone, "Goed wonen", "3 – heel belangrijk")
        expect(beamer.locator("#live-results")).to_contain_text("1 van 1 gestemd", timeout=LIVE)

        control.goto(control_url)
        control.get_by_role("button", name="Uitslag tonen").click()
        expect(beamer.locator("#live-results")).to_contain_text("Mediaan: 3", timeout=LIVE)
        control.get_by_role("button", name="Uitslag per partij tonen").click()
        expect(control.get_by_role("button", name="Uitslag per partij verbergen")).to_be_visible()
        assert_accessible(control, "the control page with the breakdown and the link")
        breakdown = beamer.locator(".live-breakdown")
        expect(breakdown).to_contain_text("Per partij", timeout=LIVE)
        assert_fits(beamer, "the beamer link's page with the breakdown")
        assert_accessible(beamer, "the beamer link's page with the breakdown")

        # Everything came over the link's socket: the beamer never polled.
        beamer_watch = people.watches[1]
        assert [u for u in beamer_watch.requests if u.endswith("/toestand/")] == []

        # Revoked: the beamer says the link no longer works, at once.
        control.get_by_role("button", name="Beamerlink intrekken").click()
        expect(control.get_by_text("De beamerlink is ingetrokken.")).to_be_visible()
        expect(beamer.get_by_role("heading", level=1)).to_have_text(
            "Deze link werkt niet meer", timeout=LIVE
        )
        assert code not in beamer.locator("body").inner_text()
    # The revoked link's page is a 404 on purpose; the browser logs that as an error.
    people.console_errors[:] = [e for e in people.console_errors if "404" not in e]
