"""Learning across projects: what recurs where values appear, and the lessons shared there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.lessons import lesson_create
from tests.web.conftest import People

pytestmark = pytest.mark.django_db

ON_TRACK = {
    "value": "goed_wonen",
    "indicators": [
        {
            "id": "eenzaamheid",
            "name": "Minder eenzaam",
            "baseline": "10",
            "baseline_date": "2025-01-01",
            "target": "20",
            "target_date": "2026-01-01",
            "measurements": [{"date": "2026-01-01", "value": "20"}],
        }
    ],
}


def _project(
    people: People, make_document: Callable[..., ProjectDocument], name: str, **scenario: object
) -> int:
    document = make_document(chosen=True, **scenario)
    data = document.model_dump(mode="json")
    data["project"]["name"] = name
    project = project_import(document=ProjectDocument.model_validate(data), by=people.anna)
    ProjectParty.objects.filter(project=project, key="woco").update(organisation=people.woco)
    return project.pk


def test_settings_and_funding_that_recur_where_values_appear_are_shown_with_shared_lessons(
    people: People, make_document: Callable[..., ProjectDocument]
) -> None:
    funding = {
        "costs": [{"knob": 2, "amount": "1000"}],
        "funding": [{"party": "woco", "source": "II", "amount": "1000"}],
    }
    for name in ("Het Anker", "De Boei"):
        _project(people, make_document, name, knobs={2: 3}, evidence=[ON_TRACK], **funding)
    quiet = _project(people, make_document, "De Kade", knobs={2: 3, 5: 1})
    from stuurknop.web.projects.models import Project

    anker = Project.objects.get(name="Het Anker")
    lesson_create(
        project=anker, by=people.anna, title="Koffie gratis", learned="Drempel weg", shared=True
    )
    lesson_create(project=Project.objects.get(pk=quiet), by=people.anna, title="Niet gedeeld")
    client = Client()
    client.force_login(people.anna)
    html = client.get(reverse("portfolio_page", args=[people.woco.slug])).content.decode()
    learning = html.split('id="waarden-zichtbaar"', 1)[1]
    assert "Het Anker" in learning.split("</section>", 1)[0]
    settings = learning.split('id="terugkerende-standen"', 1)[1].split("</section>", 1)[0]
    assert "3 sterk" in settings and '<td class="cell">2</td>' in settings
    money = learning.split('id="terugkerende-financiering"', 1)[1].split("</section>", 1)[0]
    assert "II." in money
    lessons = learning.split('id="lessen"', 1)[1].split("</section>", 1)[0]
    assert "Koffie gratis" in lessons and "Niet gedeeld" not in lessons
