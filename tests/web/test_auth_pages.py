"""Signing in: Dutch messages, a password reset by mail, and throttles on wrong passwords: per
name and address, per address, and per name."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse

from stuurknop.web.accounts.background import wait_for_background_jobs
from stuurknop.web.accounts.throttle import client_ip

if TYPE_CHECKING:
    from tests.web.conftest import People

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"  # the people fixture's password


def sign_in(client: Client, username: str, password: str, **extra: str) -> int:
    return client.post(
        reverse("login"), {"username": username, "password": password}, **extra
    ).status_code


def signed_in_as(client: Client) -> str | None:
    response = client.get(reverse("project_list"))
    return response.context["user"].username if response.status_code == 200 else None


# --- The login page ------------------------------------------------------------------------


def test_the_login_page_links_to_the_password_reset(db: None) -> None:
    page = Client().get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}">Wachtwoord vergeten?</a>' in page


def test_a_wrong_password_gets_a_dutch_message_that_does_not_say_which_part_was_wrong(
    people: People,
) -> None:
    for username in ("anna", "niemand"):
        response = Client().post(reverse("login"), {"username": username, "password": "fout"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar." in page
        assert 'role="alert"' in page


def test_an_empty_form_gets_a_message_beside_each_field(db: None) -> None:
    page = Client().post(reverse("login"), {}).content.decode()
    assert '<ul class="errorlist" id="id_username_error"><li>Vul je gebruikersnaam in.' in page
    assert '<ul class="errorlist" id="id_password_error"><li>Vul je wachtwoord in.' in page
    username_input = re.search(r'<input[^>]*name="username"[^>]*>', page)
    assert username_input is not None
    assert 'aria-invalid="true"' in username_input.group()
    assert 'aria-describedby="id_username_error"' in username_input.group()


def test_signing_in_works_and_leads_to_the_project_list(people: People) -> None:
    client = Client()
    response = client.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("project_list")
    assert signed_in_as(client) == "anna"


# --- Password reset ------------------------------------------------------------------------


def reset_link(people: People) -> str:
    """Ask for anna's reset link; the mail goes out after the response, from a thread with a
    database connection of its own, so the test's rows must be committed (transactional_db)."""
    people.anna.email = "anna@example.org"
    people.anna.save()
    response = Client().post(reverse("password_reset"), {"email": "anna@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    wait_for_background_jobs()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Een nieuw wachtwoord voor Stuurknop"
    assert "Je gebruikersnaam is: anna" in message.body
    found = re.search(r"http://testserver(/wachtwoord-herstellen/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_reset_link_by_mail_sets_a_new_password_once(
    transactional_db: None, people: People
) -> None:
    link = reset_link(people)
    client = Client()
    form_page = client.get(link, follow=True)  # Django moves the token into the session
    assert "Nieuw wachtwoord kiezen" in form_page.content.decode()
    confirm_url = form_page.redirect_chain[-1][0]
    new = {"new_password1": "een heel nieuw wachtwoord", "new_password2": ""}

    refused = client.post(confirm_url, {**new, "new_password2": "iets anders"})
    assert "De twee wachtwoorden zijn niet gelijk." in refused.content.decode()
    done = client.post(confirm_url, {**new, "new_password2": new["new_password1"]})
    assert done["Location"] == reverse("password_reset_complete")
    assert "Je nieuwe wachtwoord is opgeslagen." in client.get(done["Location"]).content.decode()

    assert sign_in(Client(), "anna", PASSWORD) == 200  # the old one no longer works
    assert sign_in(Client(), "anna", "een heel nieuw wachtwoord") == 302
    again = Client().get(link, follow=True).content.decode()
    assert "Deze link werkt niet meer" in again


def test_a_weak_new_password_is_refused_in_dutch(transactional_db: None, people: People) -> None:
    client = Client()
    confirm_url = client.get(reset_link(people), follow=True).redirect_chain[-1][0]
    response = client.post(confirm_url, {"new_password1": "12345", "new_password2": "12345"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in page
    assert 'aria-invalid="true"' in page
    people.anna.refresh_from_db()
    assert people.anna.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    transactional_db: None, people: People
) -> None:
    response = Client().post(reverse("password_reset"), {"email": "onbekend@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    wait_for_background_jobs()
    assert mail.outbox == []


def test_a_malformed_address_gets_a_dutch_message(db: None) -> None:
    page = Client().post(reverse("password_reset"), {"email": "geen-adres"}).content.decode()
    assert "Dit is geen geldig e-mailadres." in page


# --- Throttling ----------------------------------------------------------------------------


def test_after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while(
    people: People,
) -> None:
    client = Client()
    assert [sign_in(client, "anna", "fout") for _ in range(4)] == [200] * 4
    locked = client.post(reverse("login"), {"username": "anna", "password": "fout"})
    assert locked.status_code == 429
    assert sign_in(client, "anna", PASSWORD) == 429
    assert signed_in_as(client) is None

    page = locked.content.decode()
    assert "Te vaak een verkeerd wachtwoord" in page
    assert re.search(r"Probeer het opnieuw om \d\d:\d\d uur \(over 15 minuten\)", page)
    assert 0 < int(locked["Retry-After"]) <= 15 * 60


def test_a_lockout_concerns_one_user_name_from_one_address(people: People) -> None:
    for _ in range(5):
        sign_in(Client(), "anna", "fout")
    assert sign_in(Client(), "anna", PASSWORD) == 429
    assert sign_in(Client(), "bram", PASSWORD) == 302  # a colleague at the same address
    assert sign_in(Client(), "anna", PASSWORD, REMOTE_ADDR="10.1.2.3") == 302  # anna elsewhere


def test_signing_in_successfully_resets_the_count(people: People) -> None:
    client = Client()
    for _ in range(4):
        sign_in(client, "anna", "fout")
    assert sign_in(client, "anna", PASSWORD) == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "anna", "fout") == 200
    assert sign_in(client, "anna", PASSWORD) == 302


def test_one_address_trying_many_names_is_locked_for_every_name(
    people: People, settings: Any
) -> None:
    spray = {"REMOTE_ADDR": "203.0.113.66"}
    limit = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    codes = [sign_in(Client(), f"naam{i}", "Welkom01!", **spray) for i in range(limit)]
    assert codes == [200] * (limit - 1) + [429]
    assert sign_in(Client(), "bram", PASSWORD, **spray) == 429  # a new name, the right password
    assert sign_in(Client(), "bram", PASSWORD, REMOTE_ADDR="198.51.100.3") == 302  # elsewhere


def test_one_name_tried_from_many_addresses_is_locked_everywhere(
    people: People, settings: Any
) -> None:
    per_pair = settings.AXES_FAILURE_LIMIT
    addresses = settings.LOGIN_FAILURE_LIMIT_PER_USERNAME // per_pair
    for a in range(addresses):
        for _ in range(per_pair):
            sign_in(Client(), "anna", "fout", REMOTE_ADDR=f"198.51.100.{a}")
    assert sign_in(Client(), "anna", PASSWORD, REMOTE_ADDR="192.0.2.200") == 429  # a new address
    assert sign_in(Client(), "bram", PASSWORD, REMOTE_ADDR="192.0.2.200") == 302


def test_one_address_alone_cannot_lock_a_name_everywhere_however_often_it_tries(
    people: People, settings: Any
) -> None:
    tries = settings.LOGIN_FAILURE_LIMIT_PER_USERNAME + 10
    for _ in range(tries):
        sign_in(Client(), "anna", "fout", REMOTE_ADDR="203.0.113.66")
    assert sign_in(Client(), "anna", PASSWORD, REMOTE_ADDR="203.0.113.66") == 429
    # The persistence counts once toward the wider limits: anna elsewhere and bram at the same
    # address still get in.
    assert sign_in(Client(), "anna", PASSWORD, REMOTE_ADDR="192.0.2.200") == 302
    assert sign_in(Client(), "bram", PASSWORD, REMOTE_ADDR="203.0.113.66") == 302


def test_signing_in_to_ones_own_account_does_not_wipe_a_spray_from_that_address(
    people: People, settings: Any
) -> None:
    spray = {"REMOTE_ADDR": "203.0.113.66"}
    limit = settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    for i in range(limit - 1):
        sign_in(Client(), f"naam{i}", "Welkom01!", **spray)
    assert sign_in(Client(), "olaf", PASSWORD, **spray) == 302  # the sprayer's own account
    assert sign_in(Client(), "naam-laatste", "Welkom01!", **spray) == 429


def test_behind_a_proxy_the_throttle_counts_the_forwarded_address(
    people: People, settings: object
) -> None:
    settings.BEHIND_PROXY = True  # type: ignore[attr-defined]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        sign_in(Client(), "anna", "fout", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert sign_in(Client(), "anna", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy) == 429
    # The same proxy, another client: not locked out by the first one's mistakes.
    assert sign_in(Client(), "anna", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy) == 302


@pytest.mark.parametrize(
    ("behind_proxy", "forwarded", "expected"),
    [
        (False, "203.0.113.7", "10.0.0.1"),  # without a proxy the header is anyone's to forge
        (True, "203.0.113.7", "203.0.113.7"),
        (True, "1.1.1.1, 203.0.113.7", "203.0.113.7"),  # only the proxy's own entry counts
        (True, "niet-een-adres", "10.0.0.1"),
        (True, "", "10.0.0.1"),
    ],
)
def test_the_client_address_is_taken_from_the_proxy_only_when_behind_one(
    settings: object, behind_proxy: bool, forwarded: str, expected: str
) -> None:
    settings.BEHIND_PROXY = behind_proxy  # type: ignore[attr-defined]
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


# --- Mail settings -------------------------------------------------------------------------


def settings_value(
    tmp_path: Path, extra: dict[str, str], code: str
) -> subprocess.CompletedProcess[str]:
    """Evaluate ``code`` with the settings of a fresh process (production env plus ``extra``)."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("STUURKNOP_", "EMAIL_", "DEFAULT_FROM"))
        and k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    environ |= {
        "STUURKNOP_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "stuurknop.example.nl",
        **extra,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "--verbosity=0", "-c", code],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_mail_goes_to_the_console_in_development_and_by_smtp_otherwise(tmp_path: Path) -> None:
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.DEFAULT_FROM_EMAIL)"
    dev = settings_value(tmp_path, {"STUURKNOP_DEV": "1"}, code)
    production = settings_value(tmp_path, {}, code)
    assert dev.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend", dev.stderr
    assert production.stdout.split()[0] == "django.core.mail.backends.smtp.EmailBackend"
    assert production.stdout.strip().endswith("<noreply@stuurknop.example.nl>")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"EMAIL_BACKEND": "smpt"}, "EMAIL_BACKEND='smpt' is not smtp, console"),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "choose one"),
        ({"STUURKNOP_LOGIN_FAILURE_LIMIT": "0"}, "below the minimum 1"),
        ({"STUURKNOP_LOGIN_FAILURE_LIMIT_PER_ADDRESS": "veel"}, "PER_ADDRESS"),
        ({"STUURKNOP_LOGIN_FAILURE_LIMIT_PER_USERNAME": "0"}, "below the minimum 1"),
    ],
)
def test_a_bad_mail_or_throttle_setting_stops_the_start(
    tmp_path: Path, extra: dict[str, str], message: str
) -> None:
    result = settings_value(tmp_path, extra, "from django.conf import settings; settings.DEBUG")
    assert result.returncode != 0
    assert message in result.stderr
