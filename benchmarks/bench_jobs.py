"""Background jobs: what the queue costs per job, beside what a document costs to make.

django-tasks with its database backend (django-tasks-db) carries the jobs: a job and its queue
entry are two rows written in one transaction, and a worker claims the next entry with
``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL) or an exclusive transaction (SQLite). Measured
here, in one process on a database of its own (a temporary SQLite file; PostgreSQL when
``DATABASE_URL`` says so), with a job kind that does nothing, so only the queue is timed:

- enqueue: starting a job (the Job row and its queue entry, one transaction), per job;
- through the worker: claiming, running and recording ``JOBS`` jobs in a row, per job;
- the plan PDF of the example project made through the same path, for the ratio.

Goal: the queue's own cost per job (enqueue + through the worker) under 2 % of a plan PDF. A
worker that is idle looks for new work every ``STUURKNOP_JOB_POLL_SECONDS`` (1 s): that, not
the figures here, is the wait before an idle worker starts a job.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

JOBS = 200
GOAL_SHARE = 0.02


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-jobs-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
    os.environ["STUURKNOP_DEV"] = "1"
    os.environ["STUURKNOP_VAR_DIR"] = str(tmp)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'jobs.sqlite3'}")
    # As docs/deployment.md advises for worker processes: keep the connection between jobs
    # (with the default 0 each job opens a new one: 48 ms/job instead of 18 on SQLite).
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection, transaction

    from stuurknop.web.accounts.services import membership_add, organisation_create
    from stuurknop.web.jobs.kinds import KINDS
    from stuurknop.web.jobs.models import Job, JobStatus
    from stuurknop.web.jobs.queue import enqueue
    from stuurknop.web.jobs.services import start_document_job
    from stuurknop.web.jobs.worker import make_worker, run_queued_jobs
    from stuurknop.web.projects.services import project_import_json

    call_command("migrate", verbosity=0, interactive=False)
    KINDS["niets"] = lambda job, progress: {"klaar": True}

    started = time.perf_counter()
    for _ in range(JOBS):
        with transaction.atomic():
            enqueue(Job(kind="niets"))
    enqueue_ms = (time.perf_counter() - started) * 1000 / JOBS

    started = time.perf_counter()
    make_worker(batch=True, interval=0).run()  # the worker's own loop, as jobs_worker runs it
    through_ms = (time.perf_counter() - started) * 1000 / JOBS
    assert Job.objects.filter(kind="niets", status=JobStatus.DONE).count() == JOBS

    organisation = organisation_create(name="Bench", party_type="woningcorporatie")
    user = User.objects.create_user(username="bench", password="bench-bench-bench")
    membership_add(user=user, organisation=organisation)
    example = ROOT / "stuurknop" / "examples" / "thuisflat.json"
    project = project_import_json(raw=example.read_bytes(), by=user, organisation=organisation)
    scenario = project.scenarios.order_by("-chosen", "pk").first()
    assert scenario is not None
    pdf_ms: list[float] = []
    for day in range(3):  # another day on the cover: another job, made afresh
        started = time.perf_counter()
        job = start_document_job(
            project=project,
            scenario=scenario,
            user=user,
            fmt="pdf",
            today=dt.date(2026, 1, 1) + dt.timedelta(days=day),
        )
        run_queued_jobs()
        pdf_ms.append((time.perf_counter() - started) * 1000)
        job.refresh_from_db()
        assert job.status == JobStatus.DONE, job.error
    pdf = statistics.median(pdf_ms)
    queue_ms = enqueue_ms + through_ms
    share = queue_ms / pdf
    print(
        f"jobs ({connection.vendor}): enqueue {enqueue_ms:.1f} ms/job, through the worker "
        f"{through_ms:.1f} ms/job ({JOBS} jobs); plan PDF as a job {pdf:.0f} ms (median of 3); "
        f"queue {share:.1%} of a plan PDF, ratio to goal {share / GOAL_SHARE:.2f} "
        f"(goal: under {GOAL_SHARE:.0%})"
    )


if __name__ == "__main__":
    main()
