"""The change history: newest first, changes in sentences, 50 a page, filtered by scenario."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.web.projects.models import FundingLine, KnobSetting, LogEntry, Project
from stuurknop.web.projects.services import (
    cost_item_delete,
    funding_line_update,
    interest_set,
    knob_setting_update,
    scenario_create,
    scenario_update,
)

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


def test_a_change_shows_who_and_its_changes_in_sentences_newest_first(
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
    assert newest.sentences == (
        "Scenario 'Basis': naam 'Basis' → 'Basis 2025'",
        "Scenario 'Basis': omschrijving gewijzigd: “Met knop 4”",
    )
    html = response.content.decode()
    assert "Scenario &#x27;Basis&#x27;: naam &#x27;Basis&#x27; → &#x27;Basis 2025&#x27;" in html
    assert lines[1].sentences == ()  # an event: its what says it all


def test_the_history_shows_no_stored_data_and_no_internal_ids(
    project: Project, people: People
) -> None:
    scenario = project.scenarios.get()
    setting = KnobSetting.objects.get(scenario=scenario, knob=2)
    knob_setting_update(
        scenario=scenario,
        knob=2,
        by=people.bram,
        expected_version=setting.version,
        status="aan",
        opening=3,
        elaboration="Een ruimte met keuken " * 10,
        routes=["zorgen_voor_elkaar"],
    )
    line = scenario.funding_lines.get(key="f1")
    funding_line_update(
        funding_line=line,
        by=people.bram,
        expected_version=line.version,
        cost_item=line.cost_item.key,
        party=line.party.key,
        source=line.source,
        amount="30000",
        first_year=line.first_year,
        years=line.years,
        status="in_gesprek",
    )
    interest_set(
        scenario=scenario,
        by=people.bram,
        expected_version=0,
        party="woco",
        value="efficient_werken",
        weight=3,
    )
    cost_item = scenario.cost_items.get(key="k1")
    FundingLine.objects.filter(cost_item=cost_item).delete()
    cost_item_delete(cost_item=cost_item, by=people.bram, expected_version=cost_item.version)
    response = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    html = response.content.decode()
    table = html[html.index('<table class="history-table"') : html.index("</table>")]
    for internal in ("{", "&#x27;f1&#x27;", "efficient_werken", "in_gesprek", "zorgen_voor"):
        assert internal not in table
    sentences = [s for line in response.context["lines"] for s in line.sentences]
    assert "Stuurknop 2: stand 2 → 3" in sentences
    assert "Belang van Woco voor Efficiënt werken: geen → 3" in sentences
    assert "Kostenpost 'Activiteitenbegeleider' verwijderd" in sentences
    assert any(s.startswith("Financiering door ") and "bedrag" in s for s in sentences)
    assert any(s.endswith("status idee → in gesprek") for s in sentences)


def test_a_migrated_text_that_was_not_json_is_shown_in_its_what(
    project: Project, people: People
) -> None:
    LogEntry.objects.create(
        project=project, at=timezone.now(), who="Import", what="Bedrag — was: € 10; nu: € 20"
    )
    response = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    line = response.context["lines"][0]
    assert line.sentences == ()
    assert "Bedrag — was: € 10; nu: € 20" in response.content.decode()


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
