"""Two-factor sign-in (TOTP): staff always, beheerders when the installation says so; pairing
an app with its QR code, the code once per session, single-use recovery codes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from stuurknop.web.accounts.two_factor import BEHEERDER
from stuurknop.web.projects.roles import Role

from .two_factor_steps import current_code, paired_app

if TYPE_CHECKING:
    from stuurknop.web.projects.models import Project
    from tests.web.conftest import People


@pytest.fixture
def no_throttle(settings: Any) -> None:
    # django-otp makes each try after a wrong code wait longer (1 s, 2 s, 4 s …); a test that
    # tries a wrong code and then the right one would otherwise have to sleep.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def staff(people: People) -> User:
    people.anna.is_staff = True
    people.anna.save()
    return people.anna


def test_the_beheerder_of_the_code_is_the_projects_role() -> None:
    assert Role.BEHEERDER.value == BEHEERDER


def test_staff_without_an_app_are_sent_to_pair_one_before_any_page(people: People) -> None:
    client = signed_in(staff(people))
    for path in (reverse("project_list"), "/beheer/"):
        response = client.get(path)
        assert response.status_code == 302
        assert (
            response["Location"] == f"{reverse('two_factor_setup')}?next={path.replace('/', '%2F')}"
        )
    assert client.get(reverse("accessibility_statement")).status_code == 200


def test_pairing_shows_a_qr_code_and_the_secret_and_needs_a_right_code(
    people: People, no_throttle: None
) -> None:
    user = staff(people)
    client = signed_in(user)
    page = client.get(reverse("two_factor_setup")).content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert '<svg width="' in page and 'class="qr-code"' in page
    secret = re.search(r'<code class="otp-secret">([A-Z2-7 ]+)</code>', page)
    assert secret and len(secret.group(1).replace(" ", "")) == 32

    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet." in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(reverse("project_list")).status_code == 302

    done = client.post(reverse("two_factor_setup"), {"code": current_code(device)})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert done.status_code == 200 and len(codes) == 10 and len(set(codes)) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("project_list")).status_code == 200


def test_a_paired_user_gives_a_code_once_per_session(people: People, no_throttle: None) -> None:
    user = staff(people)
    device = paired_app(user)
    client = signed_in(user)
    response = client.get(reverse("project_list"))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    wrong = client.post(reverse("two_factor_verify"), {"code": "123456", "next": "/projecten/"})
    assert wrong.status_code == 400 and "Deze code klopt niet." in wrong.content.decode()
    right = client.post(
        reverse("two_factor_verify"), {"code": current_code(device), "next": "/projecten/"}
    )
    assert right["Location"] == "/projecten/"
    assert client.get(reverse("project_list")).status_code == 200


def test_a_recovery_code_works_once(people: People) -> None:
    from stuurknop.web.accounts.two_factor import recovery_codes_renew

    user = staff(people)
    paired_app(user)
    code = recovery_codes_renew(user=user)[0]
    first = signed_in(user)
    response = first.post(reverse("two_factor_verify"), {"code": code})
    assert response["Location"] == reverse("project_list")
    again = signed_in(user).post(reverse("two_factor_verify"), {"code": code})
    assert again.status_code == 400


def test_only_the_password_cannot_replace_a_paired_app(people: People) -> None:
    user = staff(people)
    paired_app(user)
    response = signed_in(user).get(reverse("two_factor_setup") + "?opnieuw=1")
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_beheerders_need_it_only_when_the_installation_says_so(
    project: Project, people: People, settings: Any
) -> None:
    assert signed_in(people.anna).get(reverse("project_list")).status_code == 200
    settings.TWO_FACTOR_FOR_BEHEERDERS = True
    assert signed_in(people.anna).get(reverse("project_list")).status_code == 302
    # bram is bewerker, olaf in no project: no second step for them.
    for user in (people.bram, people.olaf):
        assert signed_in(user).get(reverse("project_list")).status_code == 200


def test_a_next_address_elsewhere_is_not_followed(people: People) -> None:
    user = staff(people)
    device = paired_app(user)
    response = signed_in(user).post(
        reverse("two_factor_verify"),
        {"code": current_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("project_list")


def test_after_a_wrong_code_even_the_right_one_waits(people: People) -> None:
    user = staff(people)
    device = paired_app(user)
    client = signed_in(user)
    client.post(reverse("two_factor_verify"), {"code": "123456"})
    response = client.post(reverse("two_factor_verify"), {"code": current_code(device)})
    assert response.status_code == 400
    assert client.get(reverse("project_list")).status_code == 302
