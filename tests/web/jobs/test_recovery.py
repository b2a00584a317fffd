"""The sweep: a running job whose heartbeat stopped goes back in the queue, or fails with a
Dutch message once it has had its attempts; a job whose queue entry was taken by a worker that
died goes back too; a live job is left alone; old finished jobs are removed. (Real killed
processes: test_processes.py.)"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from stuurknop.reports import FORMATS
from stuurknop.web.jobs.models import Job, JobStatus
from stuurknop.web.jobs.recovery import sweep
from stuurknop.web.jobs.services import start_document_job
from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import Project
from tests.web.jobs.fakes import Calls, fake_format

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.fixture
def job(people: People, project: Project, monkeypatch: pytest.MonkeyPatch) -> Job:
    monkeypatch.setitem(FORMATS, "nep", fake_format("nep", Calls().render))
    return start_document_job(
        project=project, scenario=project.scenarios.get(), user=people.carla, fmt="nep"
    )


def abandoned(job: Job, *, attempts: int, silent_for: float) -> Job:
    """As a worker leaves a job when it is killed half-way: running, its entry running too."""
    DBTaskResult.objects.filter(pk=job.task_id).update(status=TaskResultStatus.RUNNING)
    beat = timezone.now() - timedelta(seconds=silent_for)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, attempts=attempts, heartbeat_at=beat, worker="weg:1:main"
    )
    job.refresh_from_db()
    return job


def test_a_job_whose_heartbeat_stopped_is_queued_again_and_then_made(
    job: Job, settings: Any
) -> None:
    lost_entry = abandoned(job, attempts=1, silent_for=settings.JOB_STALE_SECONDS + 1).task_id
    done = sweep()
    assert done.requeued == [str(job.pk)] and done.failed == []
    job.refresh_from_db()
    assert (job.status, job.worker) == (JobStatus.QUEUED, "")
    assert "opnieuw geprobeerd" in job.step
    assert job.task_id != lost_entry
    # The lost attempt's queue entry is closed, not left running for ever.
    assert DBTaskResult.objects.get(pk=lost_entry).status == TaskResultStatus.FAILED
    run_queued_jobs()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)


def test_a_job_that_lost_its_worker_at_every_attempt_fails_with_a_dutch_message(
    job: Job, settings: Any
) -> None:
    abandoned(job, attempts=settings.JOB_MAX_ATTEMPTS, silent_for=settings.JOB_STALE_SECONDS + 1)
    assert sweep().failed == [str(job.pk)]
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not job.refused
    assert job.error.startswith(
        f"Het maken is {settings.JOB_MAX_ATTEMPTS} keer afgebroken doordat de verwerker"
    )


def test_a_job_that_still_beats_is_left_alone(job: Job, settings: Any) -> None:
    abandoned(job, attempts=1, silent_for=settings.JOB_STALE_SECONDS - 5)
    assert sweep().requeued == []
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING


def test_a_queued_job_whose_entry_a_dead_worker_took_is_queued_again(
    job: Job, settings: Any
) -> None:
    # The worker claimed the entry and died before it could mark the job as running.
    DBTaskResult.objects.filter(pk=job.task_id).update(status=TaskResultStatus.RUNNING)
    long_ago = timezone.now() - timedelta(seconds=settings.JOB_STALE_SECONDS + 1)
    Job.objects.filter(pk=job.pk).update(queued_at=long_ago)
    assert sweep().requeued == [str(job.pk)]
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE


def test_a_job_waiting_its_turn_is_left_alone(job: Job, settings: Any) -> None:
    long_ago = timezone.now() - timedelta(seconds=settings.JOB_STALE_SECONDS + 1)
    Job.objects.filter(pk=job.pk).update(queued_at=long_ago)
    assert sweep().requeued == []


def test_finished_jobs_are_removed_after_the_days_they_are_kept(job: Job, settings: Any) -> None:
    run_queued_jobs()
    job.refresh_from_db()
    assert sweep().pruned == 0
    old = timezone.now() - timedelta(days=settings.JOB_KEEP_DAYS, seconds=1)
    Job.objects.filter(pk=job.pk).update(finished_at=old)
    assert sweep().pruned == 1
    assert not Job.objects.filter(pk=job.pk).exists()
    assert not DBTaskResult.objects.filter(pk=job.task_id).exists()
