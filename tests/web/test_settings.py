"""The settings start only with a sound configuration, and .env.example documents all of it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stuurknop.web import settings as web_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "x" * 20 + "-production-secret-for-tests-only-" + "y" * 20,
    "ALLOWED_HOSTS": "stuurknop.example.nl",
}


def run_django(
    tmp_path: Path, extra: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    """``manage.py <args>`` in a fresh process with a production environment plus ``extra``."""
    environ = {
        k: v
        for k, v in os.environ.items()
        # (the browser tests allow sync database calls under Playwright's loop: not here)
        if k
        not in {
            "STUURKNOP_DEV",
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environ |= {"STUURKNOP_VAR_DIR": str(tmp_path), **PRODUCTION, **extra}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_settings_pass_djangos_deployment_checks(tmp_path: Path) -> None:
    result = run_django(tmp_path, {}, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY is required"),
        ({"SECRET_KEY": "too-short"}, "at least 50 characters"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is required"),
        ({"DEBUG": "perhaps"}, "DEBUG='perhaps' is not a yes/no value"),
        ({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS='a year' is not a whole number"),
        ({"DATABASE_URL": "mysql://db/stuurknop"}, "sqlite:// or postgres://"),
        ({"STUURKNOP_INVITATION_DAYS": "365"}, "above the maximum 90"),
    ],
)
def test_a_bad_configuration_stops_the_start_naming_the_variable(
    tmp_path: Path, extra: dict[str, str], message: str
) -> None:
    result = run_django(tmp_path, extra, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_dev_mode_needs_no_secret_and_turns_debug_on(tmp_path: Path) -> None:
    result = run_django(
        tmp_path,
        {"STUURKNOP_DEV": "1", "SECRET_KEY": "", "ALLOWED_HOSTS": ""},
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS[0])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "localhost"]


def test_every_variable_the_settings_read_is_documented_in_env_example(tmp_path: Path) -> None:
    # In a fresh process: this one's env.READ also holds the names the helper tests made up.
    result = run_django(
        tmp_path,
        {},
        "shell",
        "--verbosity=0",
        "-c",
        "from stuurknop.web import env; print(' '.join(sorted(env.READ)))",
    )
    assert result.returncode == 0, result.stderr
    read = set(result.stdout.split())
    documented = set(
        re.findall(r"^([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    assert "SECRET_KEY" in read
    assert sorted(read - documented) == []
    assert sorted(documented - read) == []


def test_passwords_are_hashed_with_argon2_first() -> None:
    # The module itself: the tests swap in a fast hasher through Django's settings object.
    assert web_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_the_content_security_policy_allows_nothing_inline_or_foreign() -> None:
    directives = web_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for directive in ("default-src", "script-src", "style-src"):
        assert directives[directive] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert all("unsafe" not in source for sources in directives.values() for source in sources)
