"""A form sent without its CSRF token is refused with a Dutch page that says what to do."""

from __future__ import annotations

from django.test import Client


def test_a_form_without_its_token_gets_the_dutch_page(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "Het formulier kon niet worden verstuurd" in text
    assert "CSRF verification failed" not in text
