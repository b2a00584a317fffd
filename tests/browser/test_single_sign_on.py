"""Single sign-on as a person does it, in Chromium: on the login page "Inloggen met je
organisatie", the identity provider's own sign-in page (node-oidc-provider, a real one started
by the test), back in Stuurknop the second step its staff take, and then the page they asked
for. The authorisation-code flow with PKCE; PostgreSQL installations only (see SINGLE_SIGN_ON in
the settings)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import BrowserContext, Page, Request, Response

from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import Watch
from tests.browser.test_two_factor import code_from_secret
from tests.web.oidc_provider import (
    CALLBACK,
    CLIENT_ID,
    CLIENT_SECRET,
    client_metadata,
    configure,
    running_provider,
)

if not settings.SINGLE_SIGN_ON:
    pytest.skip(
        "single sign-on needs PostgreSQL; the PostgreSQL pass of make test runs it",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.browser, pytest.mark.postgres]


@dataclass
class WatchBesideTheProvider(Watch):
    """The usual watch, but the identity provider's pages are no third party here: the flow
    goes there on purpose. What its pages load is the provider's business, not ours."""

    provider: str = ""

    def _own(self, url: str) -> bool:
        parts = urlsplit(url)
        return super()._own(url) or f"{parts.scheme}://{parts.netloc}" == self.provider

    def _on_request(self, request: Request) -> None:
        # The provider's development sign-in page asks for a web font elsewhere (aborted all
        # the same, as every request off the two origins); our pages must never.
        if request.frame.url.startswith(self.provider):
            return
        super()._on_request(request)

    def _on_response(self, response: Response) -> None:
        if not response.url.startswith(self.provider):
            super()._on_response(response)


@pytest.fixture(scope="module")
def issuer(live_server: Any) -> Iterator[str]:
    clients = [client_metadata(CLIENT_ID, CLIENT_SECRET, f"{live_server.url}{CALLBACK}")]
    with running_provider(clients) as url:
        yield url


@pytest.fixture
def watch(context: BrowserContext, live_server: Any, issuer: str) -> Iterator[Watch]:
    watch = WatchBesideTheProvider(origin=live_server.url, provider=issuer)
    watch.attach(context)
    context.set_default_timeout(10_000)
    yield watch
    watch.assert_clean()


def test_a_person_signs_in_through_the_organisation_and_lands_where_they_were_going(
    page: Page, issuer: str, transactional_db: None
) -> None:
    configure(issuer)
    page.goto("/projecten/archief/")
    assert "/inloggen/" in page.url
    assert_accessible(page, "the login page with single sign-on")

    page.get_by_role("link", name="Inloggen met je organisatie").click()
    page.wait_for_url(f"{issuer}/**")
    page.locator("input[name=login]").fill("pieter-1")
    page.locator("input[name=password]").fill("wat dan ook")
    page.locator("button[type=submit]").click()

    # The provider's roles claim makes Pieter staff, and staff sign in in two steps: the app
    # is paired first, even after single sign-on.
    page.wait_for_url("**/account/tweestapsverificatie/**")
    secret = page.locator("code.otp-secret").inner_text()
    page.get_by_role("textbox", name="Code").fill(code_from_secret(secret))
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_role("link", name="Verder").click()

    page.wait_for_url("**/projecten/archief/")
    header = page.get_by_role("navigation", name="Account")
    assert header.get_by_text("Pieter de Vries").is_visible()
    assert_accessible(page, "the first page after single sign-on")
