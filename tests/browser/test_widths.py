"""Every page of the app at a phone's width (320 px) and a laptop's (1280 px), in Chromium.

Three things hold on every page (``routes.APP_PAGES``), with every ``<details>`` opened so that
what is one click away is measured too:

- at 320 px nothing makes the page scroll sideways (a beamer-only screen is measured at 1280
  px only);
- no table is cut off: every cell and what is in it lies inside the viewport and inside any
  ancestor that hides overflow, unless the table sits in a region that scrolls on purpose,
  which must then be focusable and labelled, so a keyboard user can scroll it and a screen
  reader names it;
- a chart's text is at least 12 px as shown (its font size times the scale its SVG is drawn
  at), at both widths.

A failure names the page, the width and the element. ``test_every_route_is_a_page_or_said_not_to
_be`` holds the list to the URLs: a new page is one line in ``routes.APP_PAGES``.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Page, expect

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import parse_json
from stuurknop.web.live.sessions import session_start
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import invitation_create, project_import
from stuurknop.web.projects.services.perspectives import (
    perspective_set,
    perspective_version,
    perspectives_reveal,
)
from stuurknop.web.projects.worksheet.rows import cost_dom_id
from stuurknop.web.residents.services import questionnaire_create
from tests.browser.actual_world import actual_values
from tests.browser.agreement_world import agreement_values
from tests.browser.conftest import SCREENSHOTS, sign_in
from tests.browser.evidence_world import evidence_values
from tests.browser.lesson_world import lesson_values
from tests.browser.meeting_world import meeting_values
from tests.browser.routes import APP_PAGES, NOT_PAGES, AppPage, app_route_names, route_params
from tests.browser.strategy_world import strategy_values
from tests.web.conftest import People

pytestmark = pytest.mark.browser

PHONE, LAPTOP = 320, 1280
MIN_CHART_TEXT = 12.0  # px, as shown

# Measures the page as it is: what sticks out sideways, tables that are cut off, chart text
# that is too small. Returns plain data for the messages below.
MEASURE = """
(minFont) => {
  const vw = document.documentElement.clientWidth;
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const tiny = (r) => r.width <= 1 || r.height <= 1;  // visually hidden for screen readers
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = (el.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean);
    if (cls.length) s += '.' + cls.slice(0, 2).join('.');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    return text ? `${s} "${text}"` : s;
  };
  const where = (el) => {
    const ids = [];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (a.id) { ids.push('#' + a.id); if (ids.length === 2) break; }
    }
    return ids.length ? ` (in ${ids.join(' in ')})` : '';
  };
  const clips = (el) => getComputedStyle(el).overflowX !== 'visible';
  // Whether a scrolling (or clipping) ancestor holds ``el``: for an absolutely positioned
  // element (a visually hidden text) only one at or inside its containing block does.
  const insideScroller = (el) => {
    const position = getComputedStyle(el).position;
    if (position === 'fixed') return false;
    let contained = position !== 'absolute';
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (!contained && getComputedStyle(a).position !== 'static') contained = true;
      if (contained && clips(a)) return true;
    }
    return false;
  };
  const wide = [];
  if (document.documentElement.scrollWidth > vw) {
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 1 || insideScroller(el)) continue;
      const childOut = !clips(el) && [...el.children].some(
        (c) => shown(c) && c.getBoundingClientRect().right > vw + 1);
      if (!childOut) wide.push(`${name(el)}${where(el)} reaches ${Math.round(r.right)} px`);
    }
  }
  const tables = [];
  for (const table of document.querySelectorAll('table')) {
    if (!shown(table)) continue;
    const caption = table.caption ? table.caption.textContent.trim().slice(0, 60) : name(table);
    let region = null, cut = null;
    for (let a = table.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'auto' || ox === 'scroll') { region = a; break; }
      if (ox === 'hidden' || ox === 'clip') { cut = a; break; }
    }
    if (region && region.scrollWidth > region.clientWidth + 1) {
      const labelled = region.hasAttribute('aria-label') || region.hasAttribute('aria-labelledby');
      if (region.tabIndex < 0 || !labelled) {
        tables.push(`table "${caption}" scrolls in ${name(region).slice(0, 60)}, which is not `
          + 'focusable (tabindex="0") and labelled (aria-labelledby)');
      }
      continue;
    }
    const box = cut ? cut.getBoundingClientRect() : { left: 0, right: vw };
    const left = Math.max(0, box.left), right = Math.min(vw, box.right);
    const out = [];
    for (const el of table.querySelectorAll('th, td, th *, td *')) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (tiny(r)) continue;
      if (r.left < left - 1 || r.right > right + 1) {
        out.push(`${name(el)} at ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
    }
    if (out.length) {
      tables.push(`table "${caption}"${where(table)} is cut off at ${Math.round(left)}–`
        + `${Math.round(right)} px${cut ? ' by ' + name(cut).slice(0, 40) : ''}: `
        + out.slice(0, 3).join('; ') + (out.length > 3 ? ` and ${out.length - 3} more` : ''));
    }
  }
  const small = new Map();
  for (const text of document.querySelectorAll('svg text')) {
    if (!shown(text) || !text.textContent.trim()) continue;
    const m = text.getScreenCTM();
    if (!m) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (size >= minFont - 0.05) continue;
    const svg = text.ownerSVGElement;
    const title = svg.querySelector('title');
    const key = (title ? `chart "${title.textContent.trim().slice(0, 60)}"` : name(svg))
      + where(svg);
    const seen = small.get(key) || { n: 0, min: 99, example: '' };
    seen.n += 1;
    if (size < seen.min) { seen.min = size; seen.example = text.textContent.trim().slice(0, 30); }
    small.set(key, seen);
  }
  const fonts = [...small].map(([key, s]) => `${key}: ${s.n} text(s) under ${minFont} px, `
    + `the smallest ${s.min.toFixed(1)} px ("${s.example}")`);
  return {
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    viewport: vw, wide: wide.slice(0, 8), tables, fonts,
  };
}
"""


@pytest.fixture
def world(people: People) -> dict[str, Any]:
    """The example "Ontmoetingsruimte De Linde" with everything its pages can show: two
    scenarios, perspectives of three parties revealed, a live session someone can join, the
    residents' questionnaire, an invitation and a password-reset link; the values of every
    route of ``APP_PAGES``."""
    text = (resources.files("stuurknop.examples") / "ontmoetingsruimte.json").read_text()
    project = project_import(
        document=parse_json(text),
        by=people.anna,
        organisation=people.woco,
        party_organisations={
            "woonstichting": people.woco,
            "zorggroep": people.zorg,
            "welzijn": people.welzijn,
        },
    )
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    ProjectMember.objects.create(project=project, user=people.carla, role=Role.LEZER)
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    assert scenario is not None
    _perspectives(project, people)
    live = session_start(project=project, by=people.anna, name="Partneroverleg")
    questionnaire = questionnaire_create(project=project, by=people.anna)
    _invitation, invitation_token = invitation_create(
        project=project, by=people.anna, email="nieuw@example.org", role=Role.BEWERKER
    )
    cost = scenario.cost_items.order_by("id").first()
    assert cost is not None
    return {
        "project_id": project.pk,
        "scenario_id": scenario.pk,
        "party_id": project.parties.order_by("id").first().pk,  # type: ignore[union-attr]
        **{f"knob_{n}": n for n in range(1, 11)},
        "knob": 4,
        "cost_dom_id": cost_dom_id(cost.pk),
        "session_id": live.pk,
        "code": live.code,
        "questionnaire_token": questionnaire.token,
        "invitation_token": invitation_token,
        "reset_uidb64": urlsafe_base64_encode(force_bytes(people.bram.pk)),
        "reset_token": default_token_generator.make_token(people.bram),
        **meeting_values(project, people.anna),
        **lesson_values(project, people.anna),
        **evidence_values(project, people.anna),
        **actual_values(project, people.anna),
        **agreement_values(project, people.anna),
        **strategy_values(people),
        "effect_id": "minder-verhuizingen",  # an effect estimate of the example's scenario
    }


def _perspectives(project: Project, people: People) -> None:
    answers = [({3: 3, 6: 2, 9: 1}, 3), ({3: 0, 6: 1, 9: 3}, 1), ({3: 2, 6: 3, 9: 0}, 2)]
    parties = list(project.parties.order_by("id").values_list("key", flat=True))
    values = [v.id for v in load_model(project.model_version).values][:3]
    for party, (knobs, weight) in zip(parties, answers, strict=False):
        perspective_set(
            project=project,
            by=people.anna,
            party=party,
            knobs=knobs,
            values={v: (weight + i) % 4 for i, v in enumerate(values)},
            remarks="",
            expected_version=perspective_version(project, party),
        )
    perspectives_reveal(project=project, by=people.anna)


def _join(page: Page, world: dict[str, Any]) -> None:
    """Join the live session as a participant, as a person does on a phone."""
    join = next(p for p in APP_PAGES if p.route == "live_join")
    page.goto(join.path(world))
    page.get_by_label("Uw naam").fill("Ans")
    page.get_by_label("Namens welke partij doet u mee?").select_option(index=1)
    page.get_by_role("button", name="Meedoen").click()
    expect(page.get_by_text("U doet mee als Ans")).to_be_visible()


def _open(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path} answered {response.status if response else 'nothing'}"
    )
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def measure(
    page: Page, app_page: AppPage, path: str, width: int
) -> tuple[dict[str, Any], list[str]]:
    """The page at ``width``: its measurements and what fails, each named."""
    page.set_viewport_size({"width": width, "height": 720})
    _open(page, path)
    found = page.evaluate(MEASURE, MIN_CHART_TEXT)
    where = f"{app_page.name} ({path}) at {width} px"
    problems = []
    if width == PHONE and found["width"] > found["viewport"]:
        wide = "; ".join(found["wide"]) or "no single element found"
        problems.append(f"{where}: the page is {found['width']} px wide: {wide}")
    problems += [f"{where}: {t}" for t in found["tables"]]
    problems += [f"{where}: {f}" for f in found["fonts"]]
    if problems:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"breedte-{app_page.name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True, caret="initial")
    return found, problems


@pytest.mark.parametrize("app_page", APP_PAGES, ids=[p.name for p in APP_PAGES])
def test_a_page_fits_a_phone_and_a_laptop(
    app_page: AppPage, page: Page, world: dict[str, Any]
) -> None:
    if app_page.user:
        sign_in(page, app_page.user)
    if app_page.participant:
        _join(page, world)
    path = app_page.path(world)
    widths = (PHONE, LAPTOP) if app_page.phone else (LAPTOP,)
    problems = []
    for width in widths:
        problems += measure(page, app_page, path, width)[1]
    assert not problems, "\n".join(problems)


def test_every_route_is_a_page_or_said_not_to_be() -> None:
    listed = {p.route for p in APP_PAGES}
    missing = app_route_names() - listed - set(NOT_PAGES)
    assert not missing, (
        f"routes neither in routes.APP_PAGES nor in routes.NOT_PAGES: {sorted(missing)}"
    )
    gone = [r for r in (*listed, *NOT_PAGES) if route_params(r) is None]
    assert not gone, f"listed routes that do not exist: {gone}"
    both = listed & set(NOT_PAGES)
    assert not both, f"both a page and not a page: {sorted(both)}"
