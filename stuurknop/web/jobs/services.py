"""Starting jobs and saying where they are: what the pages, the API and the CLI call.

``start_document_job`` is the documents' one entry: the documents page's download and the JSON
API both start (or find) a job through it and hand out the file once :func:`job_status` says it
is ready. The same document of the same project revision is one job, made once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from stuurknop.projectfile import to_data
from stuurknop.reports import FORMATS, DocumentError
from stuurknop.web.jobs.kinds import DOCUMENT
from stuurknop.web.jobs.models import Job, JobStatus
from stuurknop.web.jobs.queue import enqueue
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document, revision_key


class JobsBusy(Exception):
    """More jobs wait than ``JOB_QUEUE_LIMIT``; a new one is refused until the queue drains."""


@dataclass(frozen=True)
class JobState:
    """Where a job is, in words for people (Dutch) and figures for machines."""

    status: str  # wachtrij, bezig, klaar, mislukt
    label: str
    progress: int  # 0–100
    step: str
    ready: bool
    failed: bool
    refused: bool
    error: str
    waiting_before: int  # jobs queued before this one
    attempts: int
    filename: str


def document_choices(fmt: str, given: Mapping[str, str | None]) -> dict[str, str]:
    """The format's declared choices (``papier`` → paper) from ``given``, by query name.

    Raises :class:`DocumentError` with the Dutch refusal for an unknown format or choice.
    """
    if fmt not in FORMATS:
        raise DocumentError(_("Onbekend documentformaat %(fmt)r.") % {"fmt": fmt})
    chosen: dict[str, str] = {}
    for option in FORMATS[fmt].options:
        value = option.choose(given.get(option.query))
        if value is None:
            raise DocumentError(option.refusal(given.get(option.query) or ""))
        chosen[option.name] = value
    return chosen


def start_document_job(
    *,
    project: Project,
    scenario: Scenario,
    user: User,
    fmt: str,
    choices: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> Job:
    """The job that makes document ``fmt`` of ``scenario`` for the project as it is now.

    ``choices`` are the format's options by name (see :func:`document_choices`). An existing
    job for the same revision, format, choices and day is returned as it is (done, running or
    failed); otherwise a new one is queued. Needs the lezer role; raises :class:`JobsBusy` when
    the queue is full and :class:`DocumentError` for an unknown format.
    """
    require_role(user, project, Role.LEZER)
    if scenario.project_id != project.pk:
        raise DocumentError(_("Dit scenario hoort niet bij dit project."))
    if fmt not in FORMATS:
        raise DocumentError(_("Onbekend documentformaat %(fmt)r.") % {"fmt": fmt})
    chosen = dict(sorted((choices or {}).items()))
    day = (today or dt.date.today()).isoformat()  # printed on the cover: tomorrow, made anew
    spelled = ":".join(f"{name}={value}" for name, value in chosen.items())
    key = revision_key(project, f"document:{fmt}:{scenario.pk}:{spelled}:{day}")
    existing = Job.objects.filter(key=key).first()
    if existing is not None:
        return existing
    if Job.objects.filter(status=JobStatus.QUEUED).count() >= settings.JOB_QUEUE_LIMIT:
        raise JobsBusy()
    params = {"format": fmt, "scenario": scenario.name, "choices": chosen, "today": day}
    document = to_data(project_document(project))
    try:
        with transaction.atomic():
            job = Job(
                kind=DOCUMENT, project=project, user=user, params=params, input=document, key=key
            )
            enqueue(job)
    except IntegrityError:  # another process started the same job a moment ago
        return Job.objects.get(key=key)
    return job


@transaction.atomic
def job_retry(*, job: Job, user: User) -> Job:
    """Put a failed job back in the queue (a lezer of its project, or whoever started it)."""
    if job.project is not None:
        require_role(user, job.project, Role.LEZER)
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if locked.status != JobStatus.FAILED:
        return locked
    locked.status, locked.error, locked.refused = JobStatus.QUEUED, "", False
    locked.attempts, locked.progress, locked.step, locked.finished_at = 0, 0, "", None
    enqueue(locked)
    return locked


def job_status(job: Job) -> JobState:
    """Where ``job`` is now (read it fresh from the database first when polling)."""
    waiting = 0
    if job.status == JobStatus.QUEUED and job.queued_at is not None:
        waiting = Job.objects.filter(status=JobStatus.QUEUED, queued_at__lt=job.queued_at).count()
    return JobState(
        status=JobStatus(job.status).value,
        label=str(JobStatus(job.status).label),
        progress=job.progress,
        step=job.step,
        ready=job.status == JobStatus.DONE,
        failed=job.status == JobStatus.FAILED,
        refused=job.refused,
        error=job.error,
        waiting_before=waiting,
        attempts=job.attempts,
        filename=job.filename,
    )
