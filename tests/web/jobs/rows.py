"""A job's row read straight from a run's database, with no Django in the test's process (the
processes under test have their own settings and database)."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

QUERY = "SELECT status, attempts, error, worker, length(content) FROM jobs_job WHERE id = {}"


def job_row(database_url: str, job_id: str) -> dict[str, Any]:
    """status, attempts, error, worker and the file's length (None before it is made)."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=20) as db:
            # Django keeps a UUID in SQLite as 32 hex digits.
            row = db.execute(QUERY.format("?"), (uuid.UUID(job_id).hex,)).fetchone()
    else:
        import psycopg

        with psycopg.connect(database_url) as db:
            row = db.execute(QUERY.format("%s"), (job_id,)).fetchone()  # type: ignore[arg-type]
    assert row is not None, f"no job {job_id}"
    return dict(zip(("status", "attempts", "error", "worker", "size"), row, strict=True))
