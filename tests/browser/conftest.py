"""Browser tests: Debian's Chromium through Playwright against a live Django server.

One browser per session (pytest-playwright's ``browser``), a fresh context per test. Every
test's context is watched (:class:`Watch`): a request to any host but the live server's, a
Content-Security-Policy violation or a script error on the page, or a stylesheet/script/image
answered with an error fails the test. Playwright never downloads a browser here: it runs
``/usr/bin/chromium`` (the Debian package); without it the tests are skipped on a developer's
machine and fail in CI (``CI=true``).
"""

from __future__ import annotations

import os

# The Playwright sync API keeps an asyncio loop in the test thread, which makes Django refuse
# ORM calls from the test itself (fixtures, assertions on stored rows) as "async-unsafe". The
# test thread never runs Django code concurrently with that loop, so the check is lifted.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response

from tests.web.conftest import (  # noqa: F401 - fixtures shared with the web tests
    People,
    empty_cache,
    fast_password_hashing,
    make_user,
    people,
    project,
    shared_document,
)

# As in tests/web: single sign-on's browser test runs in the PostgreSQL pass only.
collect_ignore = [] if settings.SINGLE_SIGN_ON else ["test_single_sign_on.py"]

CHROMIUM = Path("/usr/bin/chromium")
# Headless, no sandbox (CI runs as root), no GPU, and nothing that phones home (updates, sync,
# background fetches, QUIC probes), so that the network watch sees only what the page asks for.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "correct horse battery"  # make_user's password for everyone


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium with our flags, never a browser Playwright downloaded."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} (Debian package `chromium`) is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: a failure in CI, where .ci/run installs it.", pytrace=False)
        pytest.skip(f"{reason}; the browser tests need it: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def base_url(live_server: Any) -> str:
    """Pages are opened by path (``page.goto("/inloggen/")``) on the live server."""
    return str(live_server.url)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "viewport": {"width": 1280, "height": 900},
        "service_workers": "block",
    }


@dataclass
class Watch:
    """What a browser context did that a page must never do."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    broken_resources: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("response", self._on_response)
        context.on("page", self._on_page)
        # Nothing leaves the machine: a foreign request is recorded (above) and then aborted.
        context.route(lambda url: not self._own(url), lambda route: route.abort())

    def _own(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not self._own(request.url):
            self.foreign.append(f"{request.resource_type} {request.url}")

    def _on_response(self, response: Response) -> None:
        # A page itself may answer 404 on purpose (an outsider); what it loads may not.
        if response.status >= 400 and response.request.resource_type != "document":
            self.broken_resources.append(f"{response.status} {response.url}")

    def _on_page(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            where = message.location
            source = f"{where.get('url') or '?'}:{where.get('lineNumber')}"
            page = message.page.url if message.page else "?"
            self.csp_violations.append(f"{page} (from {source}): {message.text}")

    def problems(self) -> list[str]:
        return [
            *(f"third-party request: {r}" for r in self.foreign),
            *(f"CSP violation: {c}" for c in self.csp_violations),
            *(f"script error: {e}" for e in self.script_errors),
            *(f"broken resource: {b}" for b in self.broken_resources),
        ]

    def assert_clean(self) -> None:
        problems = self.problems()
        if problems:
            pytest.fail("The browser saw:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def watch(context: BrowserContext, live_server: Any) -> Iterator[Watch]:
    """The watch on this test's browser context; checked again when the test ends."""
    watch = Watch(origin=live_server.url)
    watch.attach(context)
    context.set_default_timeout(10_000)  # a page that fails fails fast; none takes this long
    yield watch
    watch.assert_clean()


@pytest.fixture(autouse=True)
def _watched(watch: Watch) -> None:
    """Every browser test is watched, whether it asks for the watch or not."""


@pytest.fixture
def screenshot(page: Page) -> Callable[[str], Path]:
    """Save a full-page screenshot as ``var/screenshots/<name>.png`` (to look at by eye)."""

    def shoot(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        # caret="initial": hiding the caret injects a <style>, which the page's CSP refuses.
        page.screenshot(path=str(path), full_page=True, caret="initial")
        return path

    return shoot


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form, as a person would."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/inloggen/" not in page.url, f"{username} could not sign in"


@pytest.fixture
def signed_in(page: Page) -> Callable[..., Page]:
    """``signed_in("anna")``: the page, signed in as that user."""

    def go(username: str, password: str = PASSWORD) -> Page:
        sign_in(page, username, password)
        return page

    return go


def page_width(page: Page) -> int:
    """The page's width as laid out with its own styles: after a click the text a test waits
    for can be in the document before the stylesheets and fonts have arrived, and a width taken
    then is the unstyled page's."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.fixture
def job_worker(live_server: Any) -> Iterator[None]:
    """Someone to make the documents asked for, beside the live server.

    On PostgreSQL a worker thread with its own connection, as ``stuurknop demo`` runs one. The
    SQLite pass's test database lives in memory, shared by the live server's threads through
    one connection; a second connection meets "database table is locked" there, so each job is
    run in the thread of the request that queued it, once that request's transaction is
    committed (the request still answers 202; the next ask gets the file).
    """
    from django.db import connection, transaction
    from django_tasks.signals import task_enqueued

    from stuurknop.web.jobs.worker import run_queued_jobs, start_worker_thread

    if connection.vendor != "sqlite":
        worker = start_worker_thread(interval=0.2, sweep=False)
        yield
        worker.stop()
        return

    def run_after_commit(**kwargs: Any) -> None:
        transaction.on_commit(run_queued_jobs)

    task_enqueued.connect(run_after_commit, dispatch_uid="browser-job-worker")
    yield
    task_enqueued.disconnect(dispatch_uid="browser-job-worker")
