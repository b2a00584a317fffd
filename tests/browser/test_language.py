"""The interface is Dutch; the switcher in the header shows the shell in English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Project
from tests.browser.accessibility import assert_accessible
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser


def test_the_language_switcher_shows_the_shell_in_english(
    page: Page, project: Project, screenshot: Callable[[str], Path]
) -> None:
    page.goto("/inloggen/")
    expect(page.locator("h1")).to_have_text("Inloggen")
    page.get_by_label("Taal").select_option(label="English")
    page.get_by_role("button", name="Kiezen").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Sign in")
    page.get_by_label("User name").fill("anna")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(url_of("project_detail", project_id=project.pk))
    tabs = page.locator("nav.project-tabs")
    expect(tabs).to_contain_text("Overview")
    expect(tabs).to_contain_text("Money")
    expect(page.get_by_label("Language")).to_be_visible()
    screenshot("engels-overzicht")
    assert_accessible(page, "the overview in English")

    # And back: Dutch again.
    page.get_by_label("Language").select_option(label="Nederlands")
    page.get_by_role("button", name="Choose").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
