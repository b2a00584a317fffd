"""Work done after the response, on a small pool of threads in the server process.

For work whose duration must not show in the response: a password reset looks the address up,
makes a token and talks to the mail server only when the address is known, so doing that in
the request would tell anyone with a stopwatch which addresses have accounts.

A job starts once the current transaction commits (at once outside one), so it never sees rows
that may still be rolled back. A failing job is logged, never lost silently. The pool's threads
are joined when the interpreter exits, so a job already queued still runs on a clean shutdown;
a process that is killed loses what it had queued (the user then asks again). Tests call
:func:`wait_for_background_jobs` before they look at what a job did.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from django.db import connections, transaction

logger = logging.getLogger(__name__)

# Two threads: mail is the only job so far, and the per-address and per-client limits keep
# its volume low; a slow mail server then holds up other mail, never a request.
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="stuurknop-background")
_pending: set[Future[None]] = set()
_pending_lock = threading.Lock()


def run_after_commit(job: Callable[[], object], *, name: str) -> None:
    """Run ``job()`` on a background thread once the current transaction commits."""
    transaction.on_commit(lambda: _submit(job, name))


def wait_for_background_jobs(timeout: float = 30) -> None:
    """Block until every job submitted so far has finished; ``TimeoutError`` after ``timeout``."""
    with _pending_lock:
        pending = set(_pending)
    _done, not_done = wait(pending, timeout=timeout)
    if not_done:
        raise TimeoutError(f"{len(not_done)} background job(s) still running after {timeout} s")


def _submit(job: Callable[[], object], name: str) -> None:
    future = _pool.submit(_run, job, name)
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(_forget)


def _run(job: Callable[[], object], name: str) -> None:
    try:
        job()
    except Exception:
        logger.exception("Background job %s failed", name)
    finally:
        # This thread's own database connections: a pool thread lives on between jobs, and an
        # idle connection left open would hold a server slot (and block dropping a test database).
        connections.close_all()


def _forget(future: Future[None]) -> None:
    with _pending_lock:
        _pending.discard(future)
