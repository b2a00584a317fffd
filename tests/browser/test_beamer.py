"""The beamer is a screen, not a web page: at 1280×720 and at 1920×1080, in every state of a
session (people joining with the code and QR, a vote step, the revealed results of the step
with the most items, the per-party breakdown), the page fits the screen without scrolling, no
text is cut off or pushed off the screen, nothing of the site's frame shows, and axe-core finds
nothing. Opened through the beamer link, in a browser that never signed in; one signed-in
facilitator's beamer is checked too. Parties with long names and many participants make the
content as large as a real session gets (the model's values step has the most items).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.live.beamer_links import beamer_link_make, beamer_link_revoke
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import (
    participant_join,
    session_breakdown,
    session_move,
    session_reveal,
    session_start,
    vote_cast,
)
from stuurknop.web.live.steps import steps_for
from stuurknop.web.projects.models import Project, ProjectParty
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import Watch, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

SCREENS = [(1280, 720), (1920, 1080)]
# Long names, as real organisations have them; one word too long for a narrow column.
LONG_NAMES = {
    "woco": "Woonstichting De Goede Woning Noordoost",
    "zorg": "Zorggroep Noorderbreedte Thuiszorg en Verpleging",
    "welzijn": "Stichting Welzijnsorganisatiesamenwerkingsverband",
    "gemeente": "Gemeente Súdwest-Fryslân",
    "bewoners": "Bewonerscommissie Parkzicht",
}

# What the room would miss: the page scrolls, or a text is cut off or off the screen.
FIT = """() => {
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollHeight > innerHeight) {
    problems.push(`the page is ${root.scrollHeight} px tall on a ${innerHeight} px screen`);
  }
  if (root.scrollWidth > innerWidth) {
    problems.push(`the page is ${root.scrollWidth} px wide on a ${innerWidth} px screen`);
  }
  const smallest = { size: Infinity, text: "" };
  for (const el of document.body.querySelectorAll("*")) {
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
    if (!text || el.closest(".visually-hidden") || el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    const what = `<${el.tagName.toLowerCase()}> "${text.slice(0, 40)}"`;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${what} is cut off: ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
    const r = el.getBoundingClientRect();
    const outside = r.left < -0.5 || r.top < -0.5;
    if (outside || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
      problems.push(`${what} is off the screen: ${Math.round(r.left)},${Math.round(r.top)}` +
        ` to ${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    const size = parseFloat(style.fontSize);
    if (size < smallest.size) { smallest.size = size; smallest.text = what; }
  }
  return { problems, smallest };
}"""


def assert_fits(page: Page, what: str) -> None:
    """The screen shows everything at once, uncut, and its smallest text is still readable
    from the back of a room (at least 2 % of the screen's height)."""
    found: dict[str, Any] = page.evaluate(FIT)
    problems = list(found["problems"])
    height = page.viewport_size["height"] if page.viewport_size else 0
    smallest = found["smallest"]
    if smallest["size"] < 0.02 * height:
        problems.append(f"the smallest text is {smallest['size']:.1f} px: {smallest['text']}")
    assert not problems, f"{what}:\n  " + "\n  ".join(problems)
    assert page.locator(".site-header").count() == 0, f"{what}: the site's header shows"
    assert "Uitloggen" not in page.locator("body").inner_text(), f"{what}: 'Uitloggen' shows"


# Three more at the table, as a large partner meeting has them (eight parties).
MORE_PARTIES = {
    "fonds": "Fonds Wonen en Welzijn Friesland",
    "huisartsen": "Huisartsenpraktijk De Linde en Apotheek",
    "school": "Vereniging Buurtcentrum en Speeltuin Parkzicht",
}


@pytest.fixture(autouse=True)
def _stop_polling(page: Page) -> Iterator[None]:
    """A beamer page polls every few seconds (no sockets on this server): it leaves before the
    test's database is emptied, which a poll at that moment would hold locked."""
    yield
    page.goto("about:blank")


class Room:
    """A session on the shared project with a participant or two per party (eight parties),
    all named long."""

    def __init__(self, project: Project, people: People) -> None:
        for key, name in LONG_NAMES.items():
            project.parties.filter(key=key).update(name=name)
        for position, (key, name) in enumerate(MORE_PARTIES.items(), start=10):
            ProjectParty.objects.create(
                project=project, key=key, name=name, party_type="overig", position=position
            )
        self.project = project
        self.anna = people.anna
        self.session = session_start(project=project, by=people.anna, name="Partneroverleg mei")
        self.participants: list[Participant] = []
        for number, key in enumerate([*LONG_NAMES, *MORE_PARTIES, "woco", "zorg", "bewoners"]):
            participant, _token = participant_join(
                session=self.session, name=f"Deelnemer {number}", party=key
            )
            self.participants.append(participant)
        self.token = beamer_link_make(session=self.session, by=people.anna)
        self.steps = steps_for(project.model_version)

    def vote_all(self, step: int) -> None:
        for number, participant in enumerate(self.participants):
            for item in self.steps[step].items:
                vote_cast(participant=participant, item=item.key, score=(number * 7 + 2) % 4)

    def refresh(self) -> LiveSession:
        self.session.refresh_from_db()
        return self.session


def waiting(room: Room) -> None:
    """People come in: the first step, nobody voted, the code and the QR fill the screen."""


def voting(room: Room) -> None:
    session_move(session=room.refresh(), by=room.anna, action="next")
    for participant in room.participants[:4]:
        vote_cast(participant=participant, item=room.steps[1].items[0].key, score=2)


def revealed(room: Room) -> None:
    room.vote_all(0)
    session_reveal(session=room.refresh(), by=room.anna)


def breakdown_of_values(room: Room) -> None:
    revealed(room)
    session_breakdown(session=room.refresh(), by=room.anna)


def breakdown_of_a_knob(room: Room) -> None:
    session_move(session=room.refresh(), by=room.anna, action="next")
    room.vote_all(1)
    session_reveal(session=room.refresh(), by=room.anna)
    session_breakdown(session=room.refresh(), by=room.anna)


REMARK = (
    "Wij willen eerst weten wie de ontmoetingsruimte beheert en wat dat per jaar kost, "
    "voordat we iets toezeggen; de bewoners vragen ook om een vaste contactpersoon."
)


def remarks(room: Room) -> None:
    """The last step, revealed: everyone's remark at once (the longest text a beamer shows)."""
    session_move(session=room.refresh(), by=room.anna, action="goto", step="remarks")
    for number, participant in enumerate(room.participants):
        vote_cast(participant=participant, item="remarks", score=None, remark=f"{number}. {REMARK}")
    session_reveal(session=room.refresh(), by=room.anna)


def many_remarks(room: Room) -> None:
    """Everyone's remark of nearly the longest kind (500 characters at most): more than a
    screen holds, so the beamer says how many more the facilitator sees."""
    session_move(session=room.refresh(), by=room.anna, action="goto", step="remarks")
    for number, participant in enumerate(room.participants):
        text = f"{number}. " + " ".join([REMARK] * 3)
        vote_cast(participant=participant, item="remarks", score=None, remark=text[:480])
    session_reveal(session=room.refresh(), by=room.anna)


STATES: dict[str, tuple[Callable[[Room], None], str]] = {
    "waiting": (waiting, "Doe mee met uw telefoon"),
    "voting": (voting, "4 van 11 gestemd"),
    "revealed": (revealed, "Mediaan"),
    "breakdown-values": (breakdown_of_values, "Per partij"),
    "breakdown-knob": (breakdown_of_a_knob, "Per partij"),
    "remarks": (remarks, "Opmerkingen"),
    "many-remarks": (many_remarks, "die passen niet op het scherm"),
}


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", list(STATES))
def test_the_beamer_fits_the_screen_in_every_state(
    page: Page,
    project: Project,
    people: People,
    screenshot: Callable[[str], Any],
    state: str,
    size: tuple[int, int],
) -> None:
    room = Room(project, people)
    arrange, shows = STATES[state]
    arrange(room)
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url_of("live_beamer_link_screen", beamer_token=room.token))
    expect(page.locator("#live-results")).to_be_visible()
    expect(page.locator("main")).to_contain_text(shows)
    if state == "waiting":
        expect(page.locator(".beamer-code")).to_have_text(room.session.code)
        expect(page.get_by_role("img", name="QR-code om mee te doen")).to_be_visible()
    else:
        expect(page.get_by_role("img", name="QR-code om mee te doen")).to_have_count(0)
        expect(page.locator(".beamer-join-line")).to_contain_text(room.session.code)
    if state.startswith("breakdown"):
        for name in [*LONG_NAMES.values(), *MORE_PARTIES.values()]:
            expect(page.locator(".live-breakdown")).to_contain_text(name)
    screenshot(f"beamer-{state}-{size[0]}x{size[1]}")  # to look at by eye
    assert_fits(page, f"the beamer ({state}) at {size[0]}×{size[1]}")
    assert_accessible(page, f"the beamer ({state}) at {size[0]}×{size[1]}")


def test_the_signed_in_beamer_has_no_site_frame_and_fits(
    page: Page, project: Project, people: People
) -> None:
    room = Room(project, people)
    revealed(room)
    sign_in(page, "anna")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url_of("live_beamer", project_id=project.pk, session_id=room.session.pk))
    expect(page.locator("#live-results")).to_contain_text("Mediaan")
    assert_fits(page, "the signed-in beamer")
    assert_accessible(page, "the signed-in beamer")


def test_the_link_follows_by_polling_and_says_when_it_was_revoked(
    page: Page, project: Project, people: People, watch: Watch
) -> None:
    """On a server without sockets the link's page polls its own state: it follows the reveal,
    and when the facilitator revokes the link it says so instead of the session."""
    room = Room(project, people)
    room.vote_all(0)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url_of("live_beamer_link_screen", beamer_token=room.token))
    expect(page.locator(".beamer-code")).to_have_text(room.session.code)
    session_reveal(session=room.refresh(), by=room.anna)
    expect(page.locator("#live-results")).to_contain_text("Mediaan", timeout=15_000)
    expect(page.get_by_role("img", name="QR-code om mee te doen")).to_have_count(0)
    beamer_link_revoke(session=room.refresh(), by=room.anna)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Deze link werkt niet meer", timeout=15_000
    )
    assert room.session.code not in page.locator("body").inner_text()
    assert_fits(page, "the revoked link's page")
    assert_accessible(page, "the revoked link's page")
    # The poll that learnt of it was answered 404 on purpose; nothing else may have been.
    revoked_state = url_of("live_beamer_link_state", beamer_token=room.token)
    assert any(b.endswith(revoked_state) for b in watch.broken_resources)
    watch.broken_resources[:] = [b for b in watch.broken_resources if not b.endswith(revoked_state)]
