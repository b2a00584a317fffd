"""The API as a person meets it: making a personal API key on its page (shown once), using it
from a script, revoking it; and the API's documentation page, served by us under the strict
CSP (the watch fails the test on any CSP violation or third-party request)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Project
from tests.browser.accessibility import assert_accessible
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser


def test_a_user_makes_an_api_key_uses_it_and_revokes_it(
    signed_in: Callable[..., Page], project: Project
) -> None:
    page = signed_in("anna")
    page.goto(url_of("api_tokens"))
    expect(page.locator("h1")).to_have_text("API-sleutels")
    page.get_by_label("Naam").fill("rapportage")
    page.get_by_label("Lezen en schrijven").check()
    page.get_by_role("button", name="Sleutel maken").click()
    secret = page.get_by_role("textbox", name="Sleutel").input_value()
    assert secret.startswith("sk_")
    assert_accessible(page, "the API keys page with a new key")

    api = page.context.request
    listed = api.get("/api/v1/projects/", headers={"Authorization": f"Bearer {secret}"})
    assert listed.status == 200
    assert [p["name"] for p in listed.json()["results"]] == [project.name]

    page.goto(url_of("api_tokens"))
    expect(page.get_by_role("textbox", name="Sleutel")).to_have_count(0)  # shown once only
    page.get_by_role("button", name="Sleutel rapportage intrekken").click()
    expect(page.get_by_role("status")).to_contain_text("ingetrokken")
    refused = api.get("/api/v1/projects/", headers={"Authorization": f"Bearer {secret}"})
    assert refused.status == 401


def test_the_api_documentation_is_served_by_us_under_the_strict_csp(page: Page) -> None:
    page.goto(reverse("api:docs"))
    expect(page.get_by_text("Stuurknop API").first).to_be_visible()
    expect(page.get_by_text("Jouw projecten").first).to_be_visible()
    assert_accessible(page, "the API documentation page")
