"""The background jobs' settings, read from the environment; ``settings.py`` takes them in.

Documents are made by workers sharing a queue in the database (django-tasks-db), never in a
request: any number of ``manage.py jobs_worker`` processes on any machine that reaches the
database, and ``stuurknop demo`` runs one as a thread of its server (docs/deployment.md).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from stuurknop.web.env import env_int

__all__ = [
    "JOB_HEARTBEAT_SECONDS",
    "JOB_KEEP_DAYS",
    "JOB_MAX_ATTEMPTS",
    "JOB_POLL_SECONDS",
    "JOB_QUEUE_LIMIT",
    "JOB_STALE_SECONDS",
    "JOB_SWEEP_SECONDS",
    "TASKS",
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job beats this often; one silent for JOB_STALE_SECONDS lost its worker and is
# queued again, failing with a Dutch message after JOB_MAX_ATTEMPTS attempts.
JOB_HEARTBEAT_SECONDS = env_int("STUURKNOP_JOB_HEARTBEAT_SECONDS", 10, minimum=1, maximum=600)
JOB_STALE_SECONDS = env_int("STUURKNOP_JOB_STALE_SECONDS", 60, minimum=2, maximum=3600)
if JOB_STALE_SECONDS <= JOB_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured(
        "STUURKNOP_JOB_STALE_SECONDS must be longer than STUURKNOP_JOB_HEARTBEAT_SECONDS."
    )
JOB_MAX_ATTEMPTS = env_int("STUURKNOP_JOB_MAX_ATTEMPTS", 2, minimum=1, maximum=10)
# Workers look for jobs of stopped workers this often, and for new jobs this often when idle.
JOB_SWEEP_SECONDS = env_int("STUURKNOP_JOB_SWEEP_SECONDS", 30, minimum=1, maximum=3600)
JOB_POLL_SECONDS = env_int("STUURKNOP_JOB_POLL_SECONDS", 1, minimum=1, maximum=60)
# More jobs than this waiting: a new one is refused (503) until the queue drains.
JOB_QUEUE_LIMIT = env_int("STUURKNOP_JOB_QUEUE_LIMIT", 100, minimum=1, maximum=100_000)
# Finished jobs (and their files) are removed after this many days.
JOB_KEEP_DAYS = env_int("STUURKNOP_JOB_KEEP_DAYS", 7, minimum=1, maximum=365)
