"""The one task Django's tasks framework carries: run a job by its id.

Everything a job needs is in its row, so the queue holds only the id; a job can be put back in
the queue (after its worker was killed) by enqueueing the same id again.
"""

from __future__ import annotations

from django_tasks import task

from stuurknop.web.jobs import runner


@task()
def run_job(job_id: str) -> None:
    runner.run_job(job_id)
