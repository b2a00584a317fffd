"""Real processes, as a shared installation runs them: two web processes (Daphne, the ASGI
application) and ``manage.py jobs_worker`` processes on one database and Redis.

- A user signs in through one web process, asks for the plan there, a worker process makes it,
  and the user downloads it through the other web process; a live session started through one
  process is joined through the other.
- A job survives its worker being killed (SIGKILL while it renders, as the out-of-memory
  killer or a crashed machine would): it is queued again and made by the next worker; a job
  whose worker dies at every attempt ends failed with a Dutch message. Never lost silently,
  never left "running".

The processes share a database of their own (a SQLite file, or a fresh PostgreSQL database
when ``DATABASE_URL`` is PostgreSQL) and Redis (cache and channel layer) under a prefix of
their own; a heartbeat of 1 s and a job taken as lost after 3 s keep the test quick
(production: 10 s and a minute). Without Redis this is skipped with the reason; in CI
(``CI=true``) that is a failure. Marked ``postgres``: ``make test`` runs it in its PostgreSQL
pass, the shared installation it stands for (run alone without ``DATABASE_URL`` it uses SQLite).
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.web.jobs.processes import JobWorker, job_workers
from tests.web.jobs.rows import job_row
from tests.web.live.servers import (
    PASSWORD,
    REDIS_URL,
    USERNAME,
    Daphne,
    Http,
    World,
    daphnes,
    forget_redis_prefix,
    join,
    logs_on_failure,
    make_world,
    require_redis,
    server_env,
    shared_database,
    start_session,
)

FAST = {
    "STUURKNOP_JOB_HEARTBEAT_SECONDS": "1",
    "STUURKNOP_JOB_STALE_SECONDS": "3",
    "STUURKNOP_JOB_SWEEP_SECONDS": "1",
    "STUURKNOP_JOB_POLL_SECONDS": "1",
    "STUURKNOP_JOB_MAX_ATTEMPTS": "2",
}
pytestmark = pytest.mark.postgres

WAIT = 120.0  # seconds for a plan PDF on a busy two-core machine, and then some


@dataclass
class Site:
    world: World
    env: dict[str, str]
    database_url: str
    tmp: Path
    a: Daphne
    b: Daphne

    def row(self, job_id: str) -> dict[str, Any]:
        return job_row(self.database_url, job_id)

    def until(self, job_id: str, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            row = self.row(job_id)
            if done(row):
                return row
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} stayed {self.row(job_id)}")

    def document_url(self, person: Http, fmt: str) -> str:
        project = f"/projecten/{self.world.project_id}"
        found = re.search(rf"{project}/scenario/(\d+)/documenten/", person.get(f"{project}/").text)
        assert found, "the overview links to the documents"
        return f"{project}/scenario/{found.group(1)}/documenten/{fmt}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_redis()
    tmp: Path = tmp_path_factory.mktemp("jobs-processes")
    prefix = f"jobs-test-{uuid.uuid4().hex[:12]}"
    with shared_database(tmp, os.environ.get("DATABASE_URL")) as database_url:
        env = server_env(tmp, database_url, redis_url=REDIS_URL, prefix=prefix) | FAST
        world = make_world(env)
        try:
            with daphnes(env, tmp, count=2) as (a, b):
                yield Site(world, env, database_url, tmp, a, b)
        finally:
            forget_redis_prefix(prefix)


def sign_in(server: Daphne) -> Http:
    """Through the sign-in form of ``server``, as a person does."""
    person = Http(server.url)
    person.get("/inloggen/")
    answer = person.post("/inloggen/", {"username": USERNAME, "password": PASSWORD})
    assert answer.status == 302, answer.text[:500]
    assert "sessionid" in person.cookies
    return person


def ask(site: Site, fmt: str) -> str:
    """Ask for document ``fmt`` through process A, with no worker running: the job's id."""
    person = sign_in(site.a)
    answer = person.get(site.document_url(person, fmt))
    assert (answer.status, answer.headers["x-job-status"]) == (202, "wachtrij"), answer.text[:300]
    return answer.headers["x-job-id"]


# --- Two web processes and a worker --------------------------------------------------------


def test_signed_in_on_one_process_the_plan_made_by_the_worker_downloads_from_the_other(
    site: Site,
) -> None:
    with logs_on_failure(site.a, site.b), job_workers(site.env, site.tmp) as (worker,):
        on_a = sign_in(site.a)
        plan = site.document_url(on_a, "pdf")
        asked = on_a.get(plan)
        started = time.monotonic()
        assert asked.status == 202, asked.text[:500]
        assert asked.headers["x-job-status"] in ("wachtrij", "bezig")

        on_b = Http(site.b.url, dict(on_a.cookies))  # the same browser, another process
        answer = on_b.get(plan)
        while answer.status == 202 and time.monotonic() - started < WAIT:
            time.sleep(0.2)
            answer = on_b.get(plan)
        took = time.monotonic() - started
        assert answer.status == 200, f"{answer.status}: {answer.text[:300]}\n{worker.output()}"
        assert answer.body.startswith(b"%PDF-")
        assert answer.headers["content-disposition"].startswith('attachment; filename="')
        print(f"\nplan asked on A, made by the worker, downloaded on B: {took:.1f} s")

        # Asked again on A: the same job's file, made once.
        again = on_a.get(plan)
        assert (again.status, again.body) == (200, answer.body)
        assert site.row(asked.headers["x-job-id"])["attempts"] == 1


def test_a_live_session_started_on_one_process_is_joined_through_the_other(site: Site) -> None:
    with logs_on_failure(site.a, site.b):
        on_a = sign_in(site.a)
        cookie = {"sessionid": on_a.cookies["sessionid"]}
        world = dataclasses.replace(site.world, session_cookie=cookie)
        session_id, code = start_session(site.a, world, "Twee processen en een verwerker")
        join(site.b, code, "Ans", world.parties[0])
        state = on_a.get(f"/projecten/{world.project_id}/live/{session_id}/toestand/").json()
        assert state["participants"] == 1


# --- A worker killed ------------------------------------------------------------------------


def kill_while_running(site: Site, job_id: str, name: str, attempt: int) -> None:
    worker = JobWorker(name, site.env, site.tmp)
    worker.start()
    row = site.until(job_id, lambda r: r["status"] == "bezig" and r["attempts"] == attempt)
    worker.kill()
    assert site.row(job_id)["status"] == "bezig", "killed half-way: the row still says running"
    assert row["size"] is None


def test_a_job_whose_worker_is_killed_is_made_by_the_next_worker(site: Site) -> None:
    job_id = ask(site, "docx")
    kill_while_running(site, job_id, "eerste", attempt=1)
    killed_at = time.monotonic()
    with job_workers(site.env, site.tmp) as (second,):
        row = site.until(job_id, lambda r: r["status"] in ("klaar", "mislukt"))
        took = time.monotonic() - killed_at
        assert row["status"] == "klaar", f"{row}\n{second.output()}"
    assert (row["attempts"], row["error"]) == (2, "")
    assert row["size"] > 1000
    print(f"\nworker killed while rendering: made by the next worker {took:.1f} s after the kill")


def test_a_job_whose_worker_dies_at_every_attempt_fails_with_a_dutch_message(site: Site) -> None:
    job_id = ask(site, "worksheets")
    kill_while_running(site, job_id, "a", attempt=1)
    kill_while_running(site, job_id, "b", attempt=2)
    with job_workers(site.env, site.tmp):
        row = site.until(job_id, lambda r: r["status"] == "mislukt")
    assert row["attempts"] == 2
    assert "2 keer afgebroken doordat de verwerker onverwacht stopte" in row["error"]
    assert row["size"] is None
