"""Starting a document job, running it in a worker, and what its status says on the way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from stuurknop.reports import FORMATS, DocumentError, Rendered
from stuurknop.web.jobs.models import Job, JobStatus
from stuurknop.web.jobs.services import (
    JobsBusy,
    document_choices,
    job_retry,
    job_status,
    start_document_job,
)
from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services import cost_item_create
from tests.web.jobs.fakes import Calls, fake_format

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Calls:
    calls = Calls()
    for key in ("nep", "poster"):
        monkeypatch.setitem(FORMATS, key, fake_format(key, calls.render))
    return calls


def start(people: People, project: Project, fmt: str = "nep", **kwargs: Any) -> Job:
    return start_document_job(
        project=project, scenario=project.scenarios.get(), user=people.carla, fmt=fmt, **kwargs
    )


def test_a_new_job_waits_in_the_queue_until_a_worker_makes_the_document(
    people: People, project: Project, fake: Calls
) -> None:
    job = start(people, project)
    state = job_status(job)
    assert (state.status, state.ready, state.progress) == ("wachtrij", False, 0)
    assert state.label == "In de wachtrij"
    assert fake.seen == []  # nothing is made in the caller
    run_queued_jobs()
    job.refresh_from_db()
    state = job_status(job)
    assert (state.status, state.ready, state.progress, state.attempts) == ("klaar", True, 100, 1)
    assert state.filename == "nep-basis.txt"
    assert bytes(job.content or b"") == b"De Linde / Basis / A3"


def test_the_same_document_of_the_same_revision_is_one_job_made_once(
    people: People, project: Project, fake: Calls
) -> None:
    first = start(people, project)
    assert start(people, project).pk == first.pk
    run_queued_jobs()
    assert start(people, project).pk == first.pk
    run_queued_jobs()
    assert len(fake.seen) == 1


def test_a_new_revision_a_new_day_or_other_choices_make_a_new_job(
    people: People, project: Project, fake: Calls
) -> None:
    first = start(people, project, fmt="poster", choices={"paper": "A3"})
    assert start(people, project, fmt="poster", choices={"paper": "A1"}).pk != first.pk
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert start(people, project, fmt="poster", choices={"paper": "A3"}, today=tomorrow).pk != (
        first.pk
    )
    cost_item_create(
        scenario=project.scenarios.get(),
        by=people.bram,
        knob=2,
        description="Inrichting",
        kind="eenmalig",
        amount=Decimal("1000"),
        first_year=2026,
    )
    assert start(people, project, fmt="poster", choices={"paper": "A3"}).pk != first.pk


def test_the_worker_renders_the_revision_that_was_asked_for(
    people: People, project: Project, fake: Calls
) -> None:
    job = start(people, project)
    project.name = "Andere naam"
    project.save()
    run_queued_jobs()
    job.refresh_from_db()
    assert bytes(job.content or b"").startswith(b"De Linde")


def test_a_refused_document_fails_with_its_dutch_message_and_is_not_retried_by_itself(
    people: People, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any) -> Rendered:
        raise DocumentError("Dit scenario heeft nog geen kaart.")

    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", refuse))
    job = start(people, project)
    run_queued_jobs()
    job.refresh_from_db()
    state = job_status(job)
    assert (state.failed, state.refused, state.error) == (
        True,
        True,
        "Dit scenario heeft nog geen kaart.",
    )


def test_an_unexpected_error_fails_the_job_with_a_plain_dutch_message(
    people: People, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: Any) -> Rendered:
        raise ZeroDivisionError("intern")

    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", crash))
    job = start(people, project)
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not job.refused
    assert "Er ging iets mis bij het maken" in job.error
    assert "intern" not in job.error


def test_a_failed_job_can_be_asked_again_and_then_succeeds(
    people: People, project: Project, monkeypatch: pytest.MonkeyPatch, fake: Calls
) -> None:
    def crash(*args: Any) -> Rendered:
        raise ZeroDivisionError("eenmalig")

    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", crash))
    job = start(people, project)
    run_queued_jobs()
    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", fake.render))
    again = job_retry(job=job, user=people.carla)
    assert (again.pk, again.status, again.error) == (job.pk, JobStatus.QUEUED, "")
    run_queued_jobs()
    again.refresh_from_db()
    assert again.status == JobStatus.DONE


def test_the_queue_position_counts_the_jobs_waiting_before(
    people: People, project: Project, fake: Calls
) -> None:
    first = start(people, project)
    second = start(people, project, fmt="poster")
    assert (job_status(first).waiting_before, job_status(second).waiting_before) == (0, 1)


def test_a_full_queue_refuses_a_new_job(
    people: People, project: Project, fake: Calls, settings: Any
) -> None:
    settings.JOB_QUEUE_LIMIT = 1
    start(people, project)
    with pytest.raises(JobsBusy):
        start(people, project, fmt="poster")


def test_only_members_start_a_document_job(people: People, project: Project, fake: Calls) -> None:
    with pytest.raises(Http404):
        start_document_job(
            project=project, scenario=project.scenarios.get(), user=people.olaf, fmt="nep"
        )
    assert not Job.objects.exists()


def test_an_unknown_format_or_choice_is_refused_in_dutch(fake: Calls) -> None:
    with pytest.raises(DocumentError, match="Onbekend documentformaat"):
        document_choices("exe", {})
    with pytest.raises(DocumentError, match="kies A3 of A1"):
        document_choices("poster", {"papier": "A0"})
    assert document_choices("poster", {"papier": "a1"}) == {"paper": "A1"}


def test_an_outsider_cannot_retry_a_job(people: People, project: Project, fake: Calls) -> None:
    job = start(people, project)
    with pytest.raises((Http404, PermissionDenied)):
        job_retry(job=job, user=people.olaf)
