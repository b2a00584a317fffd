"""The change history: newest first, old and new readable, 50 a page, filtered by scenario."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.services import scenario_create, scenario_update

if TYPE_CHECKING:
    from tests.web.conftest import People


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def add_entries(project: Project, count: int, scenario: str = "") -> None:
    start = timezone.now() - timedelta(days=1)
    LogEntry.objects.bulk_create(
        LogEntry(
            project=project,
            at=start + timedelta(minutes=i),
            who="Test",
            what=f"Wijziging {i}",
            scenario=scenario,
        )
        for i in range(count)
    )


@pytest.mark.parametrize(
    ("who", "status"), [("anna", 200), ("bram", 200), ("carla", 200), ("olaf", 404)]
)
def test_the_history_opens_for_members_only(
    project: Project, people: People, who: str, status: int
) -> None:
    scenario_create(project=project, by=people.bram, name="Licht")
    response = client_for(getattr(people, who)).get(reverse("project_history", args=[project.pk]))
    assert response.status_code == status
    page = response.content.decode()
    assert ("Scenario &#x27;Licht&#x27; toegevoegd" in page) is (status == 200)
    assert ("De Linde" in page) is (status == 200)


def test_a_change_shows_who_and_its_old_and_new_value_newest_first(
    project: Project, people: People
) -> None:
    basis = project.scenarios.get()
    scenario_create(project=project, by=people.bram, name="Licht")
    scenario_update(
        scenario=basis,
        by=people.anna,
        expected_version=1,
        name="Basis 2025",
        description="Met knop 4",
        chosen=True,
    )
    response = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    lines = response.context["lines"]
    assert [line.entry.what for line in lines[:2]] == [
        "Scenario 'Basis' gewijzigd",
        "Scenario 'Licht' toegevoegd",
    ]
    newest = lines[0]
    assert newest.entry.who == "Anna"
    assert [(f.label, f.old, f.new) for f in newest.fields] == [
        ("omschrijving", "(leeg)", "Met knop 4"),
        ("naam", "Basis", "Basis 2025"),
    ]
    html = response.content.decode()
    details = html[html.index("<details") : html.index("</details>")]
    assert "Oud en nieuw" in details and "Basis 2025" in details and "Met knop 4" in details
    assert lines[1].fields == ()  # an addition has no old and new


def test_an_imported_text_that_is_not_json_is_shown_as_written(
    project: Project, people: People
) -> None:
    LogEntry.objects.create(
        project=project, at=timezone.now(), who="Import", what="Bedrag", old="€ 10", new="€ 20"
    )
    response = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    line = response.context["lines"][0]
    assert line.raw and line.fields == ()
    html = response.content.decode()
    assert "€ 10" in html and "€ 20" in html


def test_values_of_every_kind_read_plainly(project: Project, people: People) -> None:
    LogEntry.objects.create(
        project=project,
        at=timezone.now(),
        who="Anna",
        what="Stuurknop 4 gewijzigd",
        old='{"chosen": false, "routes": ["a", "b"], "opening": null}',
        new='{"chosen": true, "routes": [], "opening": 2}',
    )
    response = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    fields = [(f.label, f.old, f.new) for f in response.context["lines"][0].fields]
    assert fields == [
        ("gekozen", "nee", "ja"),
        ("route", "a, b", "(leeg)"),
        ("opendraaien", "(leeg)", "2"),
    ]


def test_the_history_shows_fifty_a_page(project: Project, people: People) -> None:
    before = LogEntry.objects.filter(project=project).count()
    add_entries(project, 60)
    url = reverse("project_history", args=[project.pk])
    first = client_for(people.carla).get(url)
    assert len(first.context["lines"]) == 50
    assert first.context["lines"][0].entry.what == "Wijziging 59"
    assert "pagina=2" in first.content.decode()
    second = client_for(people.carla).get(url, {"pagina": 2})
    assert len(second.context["lines"]) == 60 + before - 50
    assert second.context["lines"][0].entry.what == "Wijziging 9"
    # A page past the end shows the last one rather than an error.
    assert client_for(people.carla).get(url, {"pagina": 99}).context["page"].number == 2


def test_the_history_filters_by_scenario_and_keeps_the_filter_across_pages(
    project: Project, people: People
) -> None:
    add_entries(project, 55, scenario="Basis")
    add_entries(project, 3, scenario="Weg")  # a scenario that no longer exists
    url = reverse("project_history", args=[project.pk])
    response = client_for(people.carla).get(url, {"scenario": "Weg"})
    assert {line.entry.scenario for line in response.context["lines"]} == {"Weg"}
    assert len(response.context["lines"]) == 3
    assert response.context["scenario_names"] == ["Basis", "Weg"]
    basis = client_for(people.carla).get(url, {"scenario": "Basis"})
    assert "scenario=Basis&amp;pagina=2" in basis.content.decode()
    assert 'value="Basis" selected' in basis.content.decode()
