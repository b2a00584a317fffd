"""Two-factor sign-in as a person does it, in Chromium: staff pair an authenticator app on
their first sign-in (the secret typed from the page, as an app would take it), keep their
recovery codes, and next time give the app's code after the password."""

from __future__ import annotations

from base64 import b32decode

import pytest
from django.contrib.auth.models import User
from django_otp.oath import totp
from playwright.sync_api import Page

from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import PASSWORD, sign_in
from tests.web.conftest import People
from tests.web.two_factor_steps import current_code, paired_app

pytestmark = pytest.mark.browser


def sign_in_with_second_step(page: Page, user: User) -> None:
    """Password, then the code of an app paired beforehand: for tests of staff pages."""
    device = paired_app(user)
    sign_in(page, user.username, PASSWORD)
    page.get_by_role("textbox", name="Code").fill(current_code(device))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()


def code_from_secret(secret: str) -> str:
    """What an app shows for the secret typed in by hand."""
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key):06d}"


def test_staff_pair_an_app_on_their_first_sign_in_and_keep_recovery_codes(
    page: Page, people: People
) -> None:
    User.objects.filter(pk=people.anna.pk).update(is_staff=True)
    sign_in(page, "anna", PASSWORD)
    assert "/account/tweestapsverificatie/" in page.url
    assert page.get_by_role("img", name="QR-code om te scannen met je app").is_visible()
    assert_accessible(page, "pairing an app")

    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Koppelen").click()
    assert page.get_by_text("Deze code klopt niet.").is_visible()
    assert_accessible(page, "pairing an app, a wrong code")

    # django-otp lets the next try wait a second after a wrong code (see test_two_factor.py).
    page.wait_for_timeout(1100)
    secret = page.locator("code.otp-secret").inner_text()
    page.get_by_role("textbox", name="Code").fill(code_from_secret(secret))
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_role("heading", name="Je herstelcodes").wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    assert_accessible(page, "the recovery codes")
    page.get_by_role("link", name="Verder").click()
    page.wait_for_load_state()
    assert "/account/" not in page.url


def test_a_paired_staff_member_gives_the_code_after_the_password(
    page: Page, people: People
) -> None:
    User.objects.filter(pk=people.anna.pk).update(is_staff=True)
    people.anna.refresh_from_db()
    device = paired_app(people.anna)
    sign_in(page, "anna", PASSWORD)
    assert "/account/tweestapsverificatie/code/" in page.url
    assert_accessible(page, "the second step")
    page.get_by_role("textbox", name="Code").fill(current_code(device))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    assert "/account/" not in page.url and "/inloggen/" not in page.url
