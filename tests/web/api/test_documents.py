"""Documents through the API: started as a job (a lezer, even with a read-only key), asked
after, downloaded when the worker has made them; the same job as the documents page's."""

from __future__ import annotations

from stuurknop.web.api.models import TokenScope
from stuurknop.web.jobs.models import Job
from stuurknop.web.jobs.runner import run_job
from stuurknop.web.projects.models import Project

from ..conftest import People
from .conftest import ApiFor, url


def _documents(project: Project) -> str:
    scenario = project.scenarios.get(chosen=True)
    return url("documents", project_id=project.pk, scenario_id=scenario.pk)


def test_a_document_is_started_as_a_job_and_downloaded_when_ready(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.carla, TokenScope.READ)
    started = client.post(_documents(project), {"format": "xlsx"}, format="json")
    assert started.status_code == 202, started.content
    job = started.json()
    assert job["status"] == "wachtrij" and not job["ready"]
    assert started["Location"] == job["url"]
    waiting = client.get(job["file"])
    assert waiting.status_code == 202 and waiting.json()["id"] == job["id"]
    again = client.post(_documents(project), {"format": "xlsx"}, format="json")
    assert again.json()["id"] == job["id"]  # the same revision's document is one job

    run_job(job["id"])  # what a worker does

    assert client.get(job["url"]).json()["ready"] is True
    download = client.get(job["file"])
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download.content[:2] == b"PK"


def test_an_unknown_format_or_choice_is_refused_in_dutch(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.carla)
    refused = client.post(_documents(project), {"format": "odt"}, format="json")
    assert refused.status_code == 400 and "Onbekend" in refused.json()["detail"]
    poster = client.post(
        _documents(project), {"format": "poster", "choices": {"papier": "A0"}}, format="json"
    )
    assert poster.status_code == 400 and "A3" in poster.json()["detail"]
    assert not Job.objects.exists()


def test_an_outsider_learns_nothing_of_a_job(
    people: People, project: Project, api_for: ApiFor
) -> None:
    started = api_for(people.carla).post(_documents(project), {"format": "pdf"}, format="json")
    job = started.json()
    outsider = api_for(people.olaf)
    assert outsider.get(job["url"]).status_code == 404
    assert outsider.get(job["file"]).status_code == 404
