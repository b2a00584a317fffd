"""A worker: django-tasks-db's loop over the queue, with our sweep beside it.

``manage.py jobs_worker`` runs one in its own process (as many as you like, on as many
machines as share the database). ``stuurknop demo`` starts one as a thread of the server
process, so the embedded default needs no extra service (:func:`start_worker_thread`).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from stuurknop.web.jobs.recovery import sweep

logger = logging.getLogger(__name__)


def make_worker(*, batch: bool = False, interval: float | None = None) -> Worker:
    """django-tasks-db's worker over every queue of the default backend."""
    return Worker(
        queue_names=["*"],
        interval=settings.JOB_POLL_SECONDS if interval is None else interval,
        batch=batch,
        backend_name="default",
        startup_delay=not batch,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )


def start_sweeper(stop: threading.Event) -> threading.Thread:
    """A daemon thread that recovers the jobs of dead workers every ``JOB_SWEEP_SECONDS``."""

    def run() -> None:
        while not stop.wait(settings.JOB_SWEEP_SECONDS):
            try:
                close_old_connections()
                sweep()
            except Exception:  # the next sweep tries again; the worker goes on
                logger.exception("Sweeping jobs failed")
            finally:
                connection.close()

    thread = threading.Thread(target=run, name="stuurknop-job-sweeper", daemon=True)
    thread.start()
    return thread


@dataclass
class WorkerThread:
    """A worker running as a thread of this process, and how to stop it."""

    worker: Worker
    thread: threading.Thread
    sweeps: threading.Event

    def stop(self, timeout: float = 10) -> None:
        """Stop after the current job (within one poll interval when idle)."""
        self.worker.running = False
        self.sweeps.set()
        self.thread.join(timeout)


def start_worker_thread(*, interval: float | None = None, sweep: bool = True) -> WorkerThread:
    """A worker (and its sweeper) as daemon threads of this process: the embedded default."""
    worker = make_worker(interval=interval)
    sweeps = threading.Event()
    if sweep:
        start_sweeper(sweeps)

    def run() -> None:
        try:
            worker.run()
        finally:
            connection.close()

    thread = threading.Thread(target=run, name="stuurknop-job-worker", daemon=True)
    thread.start()
    return WorkerThread(worker, thread, sweeps)


def run_queued_jobs() -> None:
    """Run every job waiting in the queue here and now, in this thread, then return (tests).

    The worker's own loop is not used: it closes the connection between tasks, which would
    end a test's transaction on PostgreSQL.
    """
    worker = make_worker(batch=True, interval=0)
    while True:
        with exclusive_transaction():
            entry = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if entry is not None:
                entry.claim(worker.worker_id)
        if entry is None:
            return
        worker.run_task(entry)
