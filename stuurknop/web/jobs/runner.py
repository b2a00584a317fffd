"""Running one job inside whatever worker picked up its task, with a heartbeat beside it.

While a job runs, a thread of the worker's process writes ``heartbeat_at`` every
``JOB_HEARTBEAT_SECONDS``. A process that is killed (out of memory, a deploy, a crash of the
machine) stops beating; :mod:`stuurknop.web.jobs.recovery` sees that and acts. Rendering
itself has no hook to beat from (WeasyPrint is one long call), hence the thread.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.reports import DocumentError, Rendered
from stuurknop.web.jobs.kinds import KINDS, JobRefused, Outcome
from stuurknop.web.jobs.models import Job, JobStatus

logger = logging.getLogger(__name__)

FAILED_UNEXPECTEDLY = (
    "Er ging iets mis bij het maken. Probeer het opnieuw; gaat het weer mis, meld het dan aan "
    "de beheerder van Stuurknop."
)


def worker_name() -> str:
    """Which process on which machine runs a job (shown in the admin)."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"[:100]


def run_job(job_id: str) -> None:
    """Run the job if it is still to be done; record its result or its failure."""
    job = _claim(job_id)
    if job is None:
        return
    _beating.add(job.pk)
    try:
        outcome = KINDS[job.kind](job, lambda percent, step: _progress(job, percent, step))
    except (JobRefused, DocumentError) as refusal:
        _finish(job, status=JobStatus.FAILED, error=str(refusal), refused=True)
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _finish(job, status=JobStatus.FAILED, error=FAILED_UNEXPECTEDLY)
    else:
        _finish(job, status=JobStatus.DONE, outcome=outcome)
    finally:
        _beating.discard(job.pk)


@transaction.atomic
def _claim(job_id: str) -> Job | None:
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None or job.status != JobStatus.QUEUED:
        return None  # done meanwhile, or already taken up again after a recovery
    now = timezone.now()
    job.status = JobStatus.RUNNING
    job.attempts += 1
    job.worker = worker_name()
    job.started_at = job.heartbeat_at = now
    job.progress, job.step = 5, _("Een verwerker is begonnen.")
    job.save()
    return job


def _progress(job: Job, percent: int, step: str) -> None:
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
        progress=percent, step=step, heartbeat_at=timezone.now()
    )


def _finish(
    job: Job,
    *,
    status: JobStatus,
    error: str = "",
    refused: bool = False,
    outcome: Outcome | None = None,
) -> None:
    fields: dict[str, object] = {
        "status": status,
        "finished_at": timezone.now(),
        "error": error,
        "refused": refused,
        "progress": 100 if status == JobStatus.DONE else job.progress,
        "step": "",
    }
    if isinstance(outcome, Rendered):
        fields |= {
            "filename": outcome.filename,
            "content_type": outcome.content_type,
            "content": outcome.content,
        }
    elif outcome is not None:
        fields["result"] = outcome
    # Only the attempt that still owns the job records it: after a recovery gave the job to
    # another worker, a slow first attempt that comes back must not overwrite that one.
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, worker=job.worker).update(**fields)


class _Heartbeat:
    """One daemon thread per process that beats for every job this process is running."""

    def __init__(self) -> None:
        self._ids: set[uuid.UUID] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def add(self, job_id: uuid.UUID) -> None:
        with self._lock:
            self._ids.add(job_id)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="stuurknop-job-heartbeat", daemon=True
                )
                self._thread.start()

    def discard(self, job_id: uuid.UUID) -> None:
        with self._lock:
            self._ids.discard(job_id)

    def _run(self) -> None:
        while True:
            threading.Event().wait(settings.JOB_HEARTBEAT_SECONDS)
            with self._lock:
                ids = list(self._ids)
            if not ids:
                continue
            try:
                close_old_connections()
                Job.objects.filter(pk__in=ids, status=JobStatus.RUNNING).update(
                    heartbeat_at=timezone.now()
                )
            except Exception:  # a missed beat is retried; the job itself goes on
                logger.exception("Job heartbeat failed")
            finally:
                connection.close()


_beating = _Heartbeat()
