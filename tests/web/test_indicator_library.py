"""The model's indicator library as a page: every indicator with its definition, routes,
values and source (or that none was found); the loneliness scale with its published items."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from stuurknop.gespreksmodel import Model
from stuurknop.web.projects.models import Project
from tests.web.conftest import People


def test_a_reader_sees_every_indicator_with_its_source(
    project: Project, people: People, model: Model
) -> None:
    client = Client()
    client.force_login(people.carla)
    html = client.get(reverse("indicator_library", args=[project.pk])).content.decode()
    for indicator in model.indicators:
        assert f'id="indicator-{indicator.id}"' in html
    assert "eigen definitie (geen publieke definitie gevonden)" in html  # burenhulp
    assert "Ziekteverzuimpercentage" in html and "https://www.cbs.nl/" in html
    assert "Ik ervaar een leegte om me heen." in html
    assert "Manual of the Loneliness Scale" in html
    assert "hoogstens 1 uitspraak ontbreken" in html
    assert "ernstig eenzaam (score 5–6)" in html


def test_someone_outside_the_project_does_not(project: Project, people: People) -> None:
    client = Client()
    client.force_login(people.olaf)
    assert client.get(reverse("indicator_library", args=[project.pk])).status_code in (403, 404)
