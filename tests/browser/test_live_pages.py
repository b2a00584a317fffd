"""A live session in Chromium, on the plain (WSGI) live server where WebSockets cannot open: the
pages fall back to polling without a script error, votes still arrive, the beamer follows, and
the enter, join, vote and beamer pages pass axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.live.models import LiveSession, Vote
from stuurknop.web.live.services import session_reveal, session_start
from stuurknop.web.projects.models import Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser


@pytest.fixture
def live(project: Project, people: People) -> LiveSession:
    return session_start(project=project, by=people.anna, name="Buurtavond")


def test_a_participant_joins_and_votes_by_polling(page: Page, live: LiveSession) -> None:
    page.goto(url_of("live_enter"))
    assert_accessible(page, "enter page")
    page.get_by_label("Code van het scherm").fill(live.code.lower())
    page.get_by_role("button", name="Verder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Buurtavond")
    assert_accessible(page, "join page")
    page.get_by_label("Uw naam").fill("Ans")
    page.get_by_label("Namens welke partij doet u mee?").select_option(label="Bewoners")
    page.get_by_role("button", name="Meedoen").click()

    expect(page.get_by_text("U doet mee als Ans, namens Bewoners.")).to_be_visible()
    assert_accessible(page, "vote page")
    goed_wonen = page.get_by_role("group", name="Goed wonen")
    goed_wonen.get_by_label("3 – heel belangrijk").check()
    expect(page.locator("#live-status")).to_have_text(
        "Uw stem is opgeslagen. U kunt hem nog veranderen.", timeout=15_000
    )
    goed_wonen.get_by_label("1 – een beetje belangrijk").check()
    page.wait_for_function(
        "() => !Object.keys(JSON.parse(localStorage.getItem("
        f"'stuurknop-live-{live.code}') || '{{}}')).length",
        timeout=15_000,
    )
    assert list(Vote.objects.values_list("item", "score")) == [("value-goed_wonen", 1)]


def test_the_beamer_shows_the_code_and_follows_the_reveal(
    page: Page, live: LiveSession, people: People, project: Project
) -> None:
    sign_in(page, "anna")
    page.goto(url_of("live_beamer", project_id=project.pk, session_id=live.pk))
    expect(page.locator(".beamer-code")).to_have_text(live.code)
    expect(page.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
    assert_accessible(page, "beamer")
    session_reveal(session=live, by=people.anna)
    # The page polls (no socket on this server) and reloads or swaps in the results.
    expect(page.get_by_role("heading", name="Goed wonen")).to_be_visible(timeout=15_000)
    expect(page.locator("#live-results")).to_contain_text("Mediaan")
    assert_accessible(page, "beamer with results")


def test_the_facilitators_page_passes_axe(page: Page, live: LiveSession, project: Project) -> None:
    sign_in(page, "anna")
    page.goto(url_of("live_control", project_id=project.pk, session_id=live.pk))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buurtavond")
    assert_accessible(page, "control page")
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("Stap 2 van 12")
    page.goto(url_of("live_sessions", project_id=project.pk))
    assert_accessible(page, "sessions page")
