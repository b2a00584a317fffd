"""The portfolio page costs a fixed number of queries, whatever the number of projects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.projects.services import project_import
from tests.web.conftest import People
from tests.web.portfolio.conftest import Portfolio

pytestmark = pytest.mark.django_db

# Session and user (2), the organisation and membership check (2), the stale check (2), the
# version of the filters' cached choices (1), count, page, parties, the one aggregate of the
# grid, interests and indicators, values that appear, money, cliffs (7), the organisation's
# positions for the departures (1); lessons only when a value appears.
QUERIES = 15


def _page(client: Client, slug: str) -> None:
    assert client.get(reverse("portfolio_page", args=[slug])).status_code == 200


def test_the_page_takes_the_same_queries_for_three_projects_and_for_ten(
    people: People,
    portfolio_world: Portfolio,
    make_document: Callable[..., ProjectDocument],
    django_assert_num_queries: Any,
) -> None:
    client = Client()
    client.force_login(people.anna)
    _page(client, people.woco.slug)  # the summaries are made on the first read
    with django_assert_num_queries(QUERIES):
        _page(client, people.woco.slug)
    for _ in range(7):
        project = project_import(document=make_document(knobs={3: 1}), by=people.anna)
        ProjectParty.objects.filter(project=project, key="woco").update(organisation=people.woco)
    _page(client, people.woco.slug)
    with django_assert_num_queries(QUERIES):
        _page(client, people.woco.slug)
