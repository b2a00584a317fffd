"""A signed-in user changes the password; the accessibility statement is public and linked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

if TYPE_CHECKING:
    from tests.web.conftest import People

PASSWORD = "correct horse battery"  # the people fixture's password
NEW = "een nieuw lang wachtwoord"


def _change(client: Client, old: str, new1: str, new2: str) -> tuple[int, str]:
    response = client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": new1, "new_password2": new2},
    )
    return response.status_code, response.content.decode()


def test_the_header_links_to_the_password_change(people: People) -> None:
    client = Client()
    client.force_login(people.anna)
    page = client.get(reverse("project_list")).content.decode()
    assert f'href="{reverse("password_change")}"' in page


def test_a_user_changes_the_password_and_stays_signed_in(people: People) -> None:
    client = Client()
    client.force_login(people.anna)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    assert User.objects.get(pk=people.anna.pk).check_password(NEW)
    assert client.get(reverse("project_list")).status_code == 200
    done = client.get(reverse("password_change_done")).content.decode()
    assert "Je nieuwe wachtwoord is opgeslagen." in done


def test_a_wrong_current_password_changes_nothing_and_says_so_in_dutch(people: People) -> None:
    client = Client()
    client.force_login(people.anna)
    status, page = _change(client, "fout wachtwoord", NEW, NEW)
    assert status == 200
    assert "Dit is niet je huidige wachtwoord." in page
    assert User.objects.get(pk=people.anna.pk).check_password(PASSWORD)


def test_a_weak_or_mismatched_new_password_is_refused_beside_its_field(people: People) -> None:
    client = Client()
    client.force_login(people.anna)
    _, page = _change(client, PASSWORD, NEW, NEW + "x")
    assert "De twee wachtwoorden zijn niet gelijk." in page
    _, page = _change(client, PASSWORD, "12345678901", "12345678901")
    assert 'id="id_new_password2_error"' in page
    assert User.objects.get(pk=people.anna.pk).check_password(PASSWORD)


def test_the_password_change_needs_a_signed_in_user(db: None) -> None:
    response = Client().get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_accessibility_statement_is_public_and_linked_from_every_page_footer(
    db: None, settings: object
) -> None:
    login_page = Client().get(reverse("login")).content.decode()
    assert f'<footer class="site-footer">\n    <a href="{reverse("accessibility_statement")}"' in (
        login_page
    )
    response = Client().get(reverse("accessibility_statement"))
    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("Nalevingsstatus", "Wat we bij elke wijziging automatisch testen"):
        assert f"<h2>{heading}</h2>" in page
    assert "Status C: eerste maatregelen genomen." in page
    assert "Meld het bij de beheerder van Stuurknop in je organisatie." in page


def test_the_statement_names_the_contact_address_when_the_installation_gives_one(
    db: None, settings: object
) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "toegankelijk@example.nl"  # type: ignore[attr-defined]
    page = Client().get(reverse("accessibility_statement")).content.decode()
    assert 'href="mailto:toegankelijk@example.nl"' in page
