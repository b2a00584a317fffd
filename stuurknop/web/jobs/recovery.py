"""A job survives its worker being killed: it goes back in the queue, or fails with a message.

Every worker sweeps now and then (``JOB_SWEEP_SECONDS``). A running job whose heartbeat is
older than ``JOB_STALE_SECONDS`` lost its worker: it is queued again while it has had fewer than
``JOB_MAX_ATTEMPTS`` attempts, and marked failed with a Dutch message after that, so that a
document that kills its worker every time (out of memory, say) does not do so for ever. A job
whose queue entry was taken by a worker that died before it could start the job is queued again
the same way. Nothing is lost silently: every such job ends done or failed-with-a-reason.

The same sweep removes finished jobs older than ``JOB_KEEP_DAYS``, with their queue entries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from stuurknop.web.jobs.models import Job, JobStatus
from stuurknop.web.jobs.queue import enqueue

logger = logging.getLogger(__name__)

GAVE_UP = (
    "Het maken is {attempts} keer afgebroken doordat de verwerker onverwacht stopte. "
    "Probeer het later opnieuw; gaat het weer mis, meld het dan aan de beheerder van Stuurknop."
)
REQUEUED_STEP = "De verwerker stopte onverwacht; het wordt opnieuw geprobeerd."


@dataclass
class Sweep:
    """What one sweep did (for the worker's log and for tests)."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    pruned: int = 0


def sweep() -> Sweep:
    """Recover the jobs of dead workers and prune old finished jobs."""
    done = Sweep()
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOB_STALE_SECONDS)
    for job_id in Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=stale).values_list(
        "pk", flat=True
    ):
        _recover(str(job_id), running_before=stale, done=done)
    for job in Job.objects.filter(status=JobStatus.QUEUED, queued_at__lt=stale).only("task_id"):
        if not _queue_entry_waits(job.task_id):
            _recover(str(job.pk), running_before=None, done=done)
    done.pruned = _prune(now - timedelta(days=settings.JOB_KEEP_DAYS))
    if done.requeued or done.failed:
        logger.warning("Stopped workers' jobs: requeued %s, failed %s", done.requeued, done.failed)
    return done


def _queue_entry_waits(task_id: str) -> bool:
    """Whether the job's queue entry is still waiting for, or being run by, a worker."""
    status = DBTaskResult.objects.filter(pk=task_id).values_list("status", flat=True).first()
    return status == TaskResultStatus.READY


@transaction.atomic
def _recover(job_id: str, *, running_before: datetime | None, done: Sweep) -> None:
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.finished:
        return
    beat = job.heartbeat_at
    if running_before is not None and (
        job.status != JobStatus.RUNNING or beat is None or beat >= running_before
    ):
        return  # it beat again meanwhile
    # The queue entry of the lost attempt stays "running" for ever otherwise.
    DBTaskResult.objects.filter(pk=job.task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    if job.attempts >= settings.JOB_MAX_ATTEMPTS:
        job.status, job.finished_at = JobStatus.FAILED, timezone.now()
        job.error = GAVE_UP.format(attempts=job.attempts)
        job.save()
        done.failed.append(job_id)
        return
    job.status, job.step, job.worker = JobStatus.QUEUED, REQUEUED_STEP, ""
    enqueue(job)
    done.requeued.append(job_id)


def _prune(before: datetime) -> int:
    old = Job.objects.filter(finished_at__lt=before)
    task_ids = list(old.values_list("task_id", flat=True))
    count, _ = old.delete()
    DBTaskResult.objects.filter(pk__in=[t for t in task_ids if t]).delete()
    return count
