"""The portfolio page: who sees it, what it shows, its filters and downloads."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.conftest import People
from tests.web.portfolio.conftest import Portfolio

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_member_sees_every_project_of_the_organisation_and_no_other(
    people: People, portfolio_world: Portfolio
) -> None:
    page = _client(people.anna).get(reverse("portfolio_page", args=[people.woco.slug]))
    html = page.content.decode()
    assert page.status_code == 200
    for name in ("De Linde", "De Eik", "De Beuk"):
        assert name in html
    assert "Geheim Hof" not in html
    assert "zit aan tafel in 3 projecten" in html
