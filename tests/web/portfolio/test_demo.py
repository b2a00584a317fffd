"""The demo's housing corporation has a portfolio of at least five projects (issue 15)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_corporation_sees_at_least_five_projects_in_its_portfolio() -> None:
    load_demo()
    corporation = Organisation.objects.get(slug="demo-woningcorporatie")
    client = Client()
    client.force_login(User.objects.get(username="anna"))
    page = client.get(reverse("portfolio_page", args=[corporation.slug])).content.decode()
    count = page.split(" zit aan tafel in ", 1)[1].split(" projecten", 1)[0]
    assert int(count) >= 5
    assert "Ontmoetingsruimte De Wilg" in page and "Flatcoach Noorderpark" in page
