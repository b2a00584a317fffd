"""``manage.py portfolio_refresh`` sums up every stale project once, and nothing the next time."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from stuurknop.web.portfolio.models import PortfolioEntry
from tests.web.conftest import People
from tests.web.portfolio.conftest import Portfolio

pytestmark = pytest.mark.django_db


def test_the_command_refreshes_every_portfolio_and_then_nothing(
    people: People, portfolio_world: Portfolio
) -> None:
    out = StringIO()
    call_command("portfolio_refresh", stdout=out)
    # De Linde, De Eik and Geheim Hof for two organisations each, De Beuk for one: each project
    # once (the second organisation finds it fresh).
    assert "4 projecten" in out.getvalue()
    assert PortfolioEntry.objects.filter(organisation=people.woco).count() == 3
    again = StringIO()
    call_command("portfolio_refresh", stdout=again)
    assert "0 projecten" in again.getvalue()
