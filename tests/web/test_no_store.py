"""Pages and downloads that hold project data are never kept by a shared or a browser cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.mark.parametrize(
    "name", ["project_detail", "project_export", "money_page", "values_page", "project_history"]
)
def test_a_page_with_project_data_says_private_no_store(
    project: Project, people: People, name: str
) -> None:
    client = Client()
    client.force_login(people.carla)
    scenario = project.scenarios.get()
    args = (
        [project.pk]
        if name in {"project_detail", "project_export", "project_history"}
        else [
            project.pk,
            scenario.pk,
        ]
    )
    response = client.get(reverse(name, args=args), follow=True)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_a_view_that_sets_its_own_caching_keeps_it(db: None) -> None:
    # The login page is Django's never_cache view: its own header stays as it is.
    response = Client().get(reverse("login"))
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
