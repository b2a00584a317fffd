"""The documents page in Chromium: a download button gives the file, made by a worker; a
document that takes longer than a second says that it is being made and how far (aria-busy on
the button, a polite status);
a failure says so in Dutch; the plain link downloads without JavaScript; axe-core finds nothing.

The live server and a worker thread run in this test's process, so a test puts a fake format in
the one table of formats and the worker renders with it. The slow fake waits for the test to
let it go, so the test sees the busy state without timing anything.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from stuurknop.reports import FORMATS, DocumentError, Format, Options, Rendered
from stuurknop.web.projects.models import Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import Watch, sign_in
from tests.browser.routes import url_of

# A worker thread beside the live server makes the documents (the test's fakes included).
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("job_worker")]

BUSY = "Het document wordt gemaakt…"


@dataclass(frozen=True)
class FakeFormat(Format):
    """A format whose renderer is a test's function instead of a module's."""

    function: Callable[..., Rendered] | None = None

    def load(self) -> Any:
        return self.function


def put_format(
    monkeypatch: pytest.MonkeyPatch, key: str, label: str, function: Callable[..., Rendered]
) -> None:
    real = FORMATS.get(key)
    format_ = FakeFormat(
        key,
        label,
        "Een document voor de test.",
        "txt",
        "text/plain",
        "",
        options=real.options if real else (),
        function=function,
    )
    monkeypatch.setitem(FORMATS, key, format_)


def plain(scenario: Any, options: Options) -> Rendered:
    body = f"{scenario.name} op {options.paper}".encode()
    return Rendered(f"test-{scenario.name.lower()}.txt", "text/plain; charset=utf-8", body)


def named(label: str) -> re.Pattern[str]:
    """The accessible name of a download button: "Downloaden" and, hidden, the format's label
    (Chromium puts a space before the hidden part, as it is positioned out of the flow)."""
    return re.compile(rf"^Downloaden\s*:\s*{re.escape(label)}$")


def open_documents(page: Page, project: Project, who: str = "carla") -> None:
    scenario = project.scenarios.get()
    sign_in(page, who)
    page.goto(url_of("documents_page", project_id=project.pk, scenario_id=scenario.pk))


def test_a_slow_document_says_it_is_being_made_and_then_downloads(
    page: Page,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    screenshot: Callable[[str], Path],
) -> None:
    release = threading.Event()

    def slow(model: Any, document: Any, scenario: Any, options: Options) -> Rendered:
        release.wait(timeout=20)  # until the test has seen the busy state
        return plain(scenario, options)

    put_format(monkeypatch, "traag", "Traag document", slow)
    open_documents(page, project)
    button = page.get_by_role("link", name=named("Traag document"))
    status = page.locator("#status-traag")

    with page.expect_download() as downloading:
        button.click()
        expect(status).to_contain_text(BUSY)  # with how far the worker is
        expect(button).to_have_attribute("aria-busy", "true")
        assert_accessible(page, "documents page while a document is being made")
        screenshot("documenten-bezig")
        release.set()
    download = downloading.value

    assert download.suggested_filename == "test-basis.txt"
    assert Path(download.path()).read_bytes() == b"Basis op A3"
    expect(status).to_have_text("Het document is gemaakt.")
    expect(button).not_to_have_attribute("aria-busy", "true")
    assert page.url.endswith("/documenten/"), "the page stays where it was"


def test_the_poster_downloads_on_the_paper_chosen(
    page: Page, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_format(monkeypatch, "poster", "Poster", lambda m, d, s, o: plain(s, o))
    open_documents(page, project)
    page.get_by_label("Papierformaat").select_option("A1")
    with page.expect_download() as downloading:
        page.get_by_role("button", name=named("Poster")).click()
    assert Path(downloading.value.path()).read_bytes() == b"Basis op A1"


def test_a_document_that_fails_says_so_in_dutch(
    page: Page, project: Project, monkeypatch: pytest.MonkeyPatch, watch: Watch
) -> None:
    def refuse(*args: Any) -> Rendered:
        raise DocumentError("Kan niet.")

    put_format(monkeypatch, "kapot", "Kapot document", refuse)
    open_documents(page, project)
    page.get_by_role("link", name=named("Kapot document")).click()
    expect(page.locator("#status-kapot")).to_have_text(
        "Het document kon niet worden gemaakt. Probeer het opnieuw."
    )
    # The one answer with an error that this test asked for; anything else still fails it.
    expected = [b for b in watch.broken_resources if "/documenten/kapot/" in b]
    assert len(expected) == 1
    watch.broken_resources.remove(expected[0])


def test_without_javascript_the_plain_link_downloads(
    new_context: Callable[..., Any],
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    put_format(monkeypatch, "nep", "Nepdocument", lambda m, d, s, o: plain(s, o))
    context = new_context(java_script_enabled=False)  # with the live server as its base URL
    page = context.new_page()
    open_documents(page, project)
    with page.expect_download() as downloading:
        page.get_by_role("link", name=named("Nepdocument")).click()
    assert downloading.value.suggested_filename == "test-basis.txt"
    assert Path(downloading.value.path()).read_bytes() == b"Basis op A3"


def test_the_documents_page_passes_axe(
    page: Page, project: Project, screenshot: Callable[[str], Path]
) -> None:
    open_documents(page, project)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Documenten")
    for format_ in FORMATS.values():
        expect(page.get_by_role("heading", name=format_.label, exact=True)).to_be_visible()
    assert_accessible(page, "documents page")
    screenshot("documenten")
