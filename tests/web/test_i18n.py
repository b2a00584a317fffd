"""The interface is Dutch; the header, the menus and signing in are also in English."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project

if TYPE_CHECKING:
    from tests.web.conftest import People

WEB = Path(__file__).resolve().parents[2] / "stuurknop" / "web"
CATALOGUE = WEB / "locale" / "en" / "LC_MESSAGES"
# The shell: every string in these templates has an English translation.
SHELL_TEMPLATES = [
    "templates/base.html",
    "templates/projects/_layout.html",
    "templates/projects/project_list.html",
    "templates/projects/_project_table.html",
    *sorted(str(p.relative_to(WEB)) for p in (WEB / "templates" / "registration").glob("*.html")),
]


def in_english(client: Client) -> Client:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/inloggen/"})
    assert response.status_code == 302
    return client


def test_dutch_is_the_default_whatever_the_browser_asks(db: None) -> None:
    page = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Inloggen</h1>" in page
    assert '<option value="nl" lang="nl" selected>Nederlands</option>' in page


def test_the_switcher_in_the_header_is_a_labelled_form_that_posts(db: None) -> None:
    page = Client().get(reverse("login")).content.decode()
    switcher = re.search(r'<form class="language-switch".*?</form>', page, re.DOTALL)
    assert switcher is not None
    assert f'method="post" action="{reverse("set_language")}"' in switcher.group()
    assert '<label for="taalkeuze">Taal</label>' in switcher.group()
    assert '<select id="taalkeuze" name="language">' in switcher.group()
    assert '<option value="en" lang="en">English</option>' in switcher.group()
    assert 'name="next" value="/inloggen/"' in switcher.group()


def test_choosing_english_translates_the_login_page_and_returns_to_it(db: None) -> None:
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/inloggen/"})
    assert response["Location"] == "/inloggen/"
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Sign in</h1>" in page
    assert "Forgot your password?" in page
    assert '<label for="taalkeuze">Language</label>' in page
    wrong = client.post(reverse("login"), {"username": "x", "password": "y"}).content.decode()
    assert "This user name and password do not match." in wrong


def test_with_english_chosen_the_header_and_the_project_tabs_are_english(
    project: Project, people: People
) -> None:
    client = in_english(Client())
    client.force_login(people.anna)
    page = client.get(reverse("project_detail", args=[project.pk])).content.decode()
    for english in ("Sign out", "Skip to content", "Overview", "Steering knobs", "Money"):
        assert english in page, english
    for dutch in ("Uitloggen", "Naar de inhoud", "Geschiedenis", "Waarden en routes"):
        assert dutch not in page, dutch
    assert "Manager" in page  # anna's role in the project head


def test_the_project_list_headings_follow_the_language(project: Project, people: People) -> None:
    client = Client()
    client.force_login(people.anna)
    assert "Projecten van mijn organisatie" in client.get("/").content.decode()
    in_english(client)
    english = client.get("/").content.decode()
    assert "<h1>Projects</h1>" in english
    assert "Projects of my organisation" in english


def test_the_switcher_ignores_get_unknown_languages_and_foreign_addresses(db: None) -> None:
    client = Client()
    client.get(reverse("set_language"), {"language": "en"})
    client.post(reverse("set_language"), {"language": "fr", "next": "/inloggen/"})
    assert '<html lang="nl">' in client.get(reverse("login")).content.decode()
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://elders.example/"}
    )
    assert not response["Location"].startswith("https://elders.example")


def test_the_language_cookie_is_not_readable_by_scripts(db: None) -> None:
    response = Client().post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


# --- The catalogue -------------------------------------------------------------------------


def catalogue(mo: Path) -> dict[object, str]:
    with mo.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs msgfmt (Debian: gettext)")
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path: Path) -> None:
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(CATALOGUE / "django.po")], check=True
    )
    assert catalogue(CATALOGUE / "django.mo") == catalogue(fresh), (
        "django.mo is out of date: run scripts/messages"
    )


@pytest.mark.parametrize("template", SHELL_TEMPLATES)
def test_every_string_of_the_shell_has_an_english_translation(template: str) -> None:
    text = (WEB / template).read_text(encoding="utf-8")
    strings = re.findall(r"{%\s*(?:trans|translate)\s+[\"']([^\"']+)[\"']", text)
    translated = catalogue(CATALOGUE / "django.mo")
    missing = [s for s in strings if not translated.get(s)]
    assert not missing, f"{template}: no English for {missing}; run scripts/messages and fill them"


# --- Dutch: Django's own wording wins over an installed app's ------------------------------


def test_dutch_messages_keep_djangos_wording_where_an_app_translates_them_otherwise() -> None:
    """Django REST framework's Dutch catalogue outranks Django's; ours puts Django's back."""
    import django
    import rest_framework
    from django.utils import translation

    def dutch(package: object) -> dict[object, str]:
        folder = Path(package.__file__).parent  # type: ignore[attr-defined]
        path = folder / "conf" if package is django else folder
        return catalogue(path / "locale" / "nl" / "LC_MESSAGES" / "django.mo")

    own, other = dutch(django), dutch(rest_framework)
    differing = [key for key, text in other.items() if key and own.get(key, text) != text]
    assert "This field is required." in differing  # the case this catalogue exists for
    with translation.override("nl"):
        for key in differing:
            assert translation.gettext(str(key)) == own[key], key
    compiled = catalogue(WEB / "locale" / "nl" / "LC_MESSAGES" / "django.mo")
    assert set(compiled) - {""} == set(differing)
