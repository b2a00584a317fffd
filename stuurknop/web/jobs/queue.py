"""Handing a job to Django's tasks framework: the one place that enqueues."""

from __future__ import annotations

from django.utils import timezone

from stuurknop.web.jobs.models import Job
from stuurknop.web.jobs.tasks import run_job


def enqueue(job: Job) -> None:
    """Queue ``job`` (new, or again) and save it; call inside the transaction that wrote it.

    With the database backend the queue entry is a row in the same database, so the job and
    its queue entry are committed together or not at all: no job without a task, no task
    without a job (with a broker such as Redis under Celery, these are two writes that can
    part).
    """
    job.queued_at = timezone.now()
    job.task_id = str(run_job.enqueue(str(job.pk)).id)
    job.save()
