"""The browser tests' own guards can fail: the watch sees a third-party request, a CSP
violation, a script error and a broken resource, and axe-core sees a violation."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import Watch

pytestmark = pytest.mark.browser


def test_the_watch_records_what_a_page_must_never_do(new_context: Any, live_server: Any) -> None:
    context = new_context()
    spy = Watch(origin=live_server.url)
    spy.attach(context)
    page = context.new_page()
    page.goto("/inloggen/")
    assert spy.problems() == []

    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("document.body.setAttribute('style', 'color: red')")
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('boom') })")
    page.evaluate("fetch('/static/css/er-is-geen.css').catch(() => null)")
    page.wait_for_timeout(200)
    with pytest.raises(PlaywrightError):  # aborted: nothing leaves the machine
        page.goto("https://cdn.example.org/htmx.js")

    problems = "\n".join(spy.problems())
    assert "third-party request: document https://cdn.example.org/htmx.js" in problems
    assert "CSP violation" in problems and "style" in problems
    assert "script error" in problems and "boom" in problems
    assert "broken resource: 404" in problems and "er-is-geen.css" in problems


def test_axe_finds_an_unlabelled_input(new_context: Any) -> None:
    page = new_context().new_page()
    page.goto("/inloggen/")
    page.evaluate("document.querySelector('label[for=id_password]').remove()")
    assert "label" in [v["id"] for v in axe_violations(page)]
