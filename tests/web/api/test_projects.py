"""Projects through the API: the list, the document, a posted project file, its analysis (the
command line's JSON, exactly) and its history."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.selectors import project_revision
from stuurknop.web.projects.services.perspectives import perspectives_reveal

from ..conftest import People
from .conftest import ApiFor, url

EXAMPLES = Path(__file__).parents[3] / "stuurknop" / "examples"


def test_the_list_holds_only_the_callers_projects(
    people: People, project: Project, api_for: ApiFor
) -> None:
    listed = api_for(people.carla).get(url("project_list")).json()
    assert [p["name"] for p in listed["results"]] == [project.name]
    assert listed["results"][0]["role"] == "lezer"
    assert api_for(people.olaf).get(url("project_list")).json()["count"] == 0


def test_the_list_filters_by_name_and_pages(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.anna)
    assert client.get(url("project_list"), {"q": project.name[:3]}).json()["count"] == 1
    assert client.get(url("project_list"), {"q": "geen-zo-project"}).json()["count"] == 0
    page = client.get(url("project_list"), {"page_size": 1}).json()
    assert len(page["results"]) == 1 and page["next"] is None
    assert client.get(url("project_list"), {"archived": "true"}).json()["count"] == 0


@pytest.mark.parametrize("example", ["flatcoach", "ontmoetingsruimte", "thuisflat"])
def test_a_posted_project_file_gives_the_same_analysis_as_the_command_line(
    people: People, api_for: ApiFor, example: str
) -> None:
    path = EXAMPLES / f"{example}.json"
    client = api_for(people.anna)
    made = client.post(url("project_list"), path.read_bytes(), content_type="application/json")
    assert made.status_code == 201, made.content
    project = Project.objects.get(pk=made.json()["id"])
    # The beheerder shows the parties' own views; before that the API (as the pages) hides
    # them, and the analysis of the file would include them.
    perspectives_reveal(project=project, by=people.anna)
    for scenario in client.get(url("scenario_list", project_id=project.pk)).json():
        ours = client.get(scenario["url"])
        assert ours.status_code == 200
        run = CliRunner().invoke(
            cli, ["analyse", str(path), "--scenario", scenario["name"], "--format", "json"]
        )
        assert run.exit_code == 0, run.output
        assert ours.json() == json.loads(run.output)


def test_a_bad_project_file_is_refused_whole_with_its_places(
    people: People, api_for: ApiFor, document_data: Any
) -> None:
    data = document_data()
    data["scenarios"][0]["costs"] = [{"id": "k1", "knob": 99}]
    refused = api_for(people.anna).post(url("project_list"), data, format="json")
    assert refused.status_code == 400
    errors = refused.json()["errors"]
    assert errors and all(e["message"] for e in errors)
    assert any("scenarios[0].costs[0]" in e["path"] for e in errors)
    assert not Project.objects.exists()


def test_the_document_reads_as_the_export_with_the_revision_as_etag(
    people: People, project: Project, api_for: ApiFor
) -> None:
    from django.test import Client

    page = Client()
    page.force_login(people.carla)
    exported = json.loads(page.get(f"/projecten/{project.pk}/export.json").content)
    read = api_for(people.carla).get(url("project_detail", project_id=project.pk))
    assert read.json() == exported
    api_for(people.bram).post(
        url("scenario_list", project_id=project.pk), {"name": "Variant B"}, format="json"
    )
    again = api_for(people.carla).get(url("project_detail", project_id=project.pk))
    assert again["ETag"] != read["ETag"]
    assert again["ETag"] == f'"{project_revision(project)}"'


def test_the_history_is_newest_first_and_filters_by_scenario(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    scenario = project.scenarios.get(chosen=True)
    client.post(url("scenario_list", project_id=project.pk), {"name": "Variant B"}, format="json")
    history = client.get(url("history", project_id=project.pk)).json()
    assert history["results"][0]["what"].startswith("Scenario 'Variant B'")
    assert history["count"] == LogEntry.objects.filter(project=project).count()
    only = client.get(url("history", project_id=project.pk), {"scenario": scenario.name}).json()
    assert {e["scenario"] for e in only["results"]} <= {scenario.name}
