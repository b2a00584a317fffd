"""Documents are made beside the request, so that no request holds a server worker for long.

A plan PDF takes seconds of CPU. Made inside the request, it held a gunicorn worker (or, under
Daphne, the one thread that runs every synchronous view) for as long as it took, and a large
project could hold it for minutes. Now the request hands the work to this process's document
thread and waits at most ``STUURKNOP_DOCUMENT_WAIT_SECONDS``: the finished file comes back in
the same response, or the response says it is still being made (202, ``Retry-After``) and the
next ask finds it in the cache. The same document asked for twice is made once. When more
documents wait than ``STUURKNOP_DOCUMENT_QUEUE``, a new one is refused with 503 until the queue
drains. Only pure rendering (no database) runs in the thread: the request reads the project.

Background jobs shared between processes (and a worker that survives a restart) come with the
job queue; this keeps one process's server threads free until then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings

from stuurknop.reports import Rendered
from stuurknop.web.projects.selectors import cached_value, remember

# One thread: rendering is CPU-bound Python, so a second thread would only share the same core
# under the GIL while making each document slower.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stuurknop-documents")
_running: dict[str, Future[Rendered]] = {}
# Reentrant: a future that is already done runs its callback (which takes the lock) at once.
_lock = threading.RLock()


class DocumentsBusy(Exception):
    """Too many documents are waiting to be made in this process; ask again later."""


def document_when_ready(
    key: str, make: Callable[[], Callable[[], Rendered]], *, wait: float | None = None
) -> Rendered | None:
    """The document cached under ``key``, made now if needed; None while it is still made.

    ``make()`` runs in the request (it may read the database) and returns the pure rendering
    function that runs in the document thread. Raises :class:`DocumentsBusy` when the queue is
    full, and whatever the rendering raised when it failed.
    """
    hit = cached_value(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    with _lock:
        future = _running.get(key)
        if future is None:
            if len(_running) >= settings.DOCUMENT_QUEUE:
                raise DocumentsBusy()
            future = _executor.submit(_render_and_remember, key, make())
            _running[key] = future
            future.add_done_callback(lambda _done: _forget(key))
    try:
        return future.result(timeout=settings.DOCUMENT_WAIT_SECONDS if wait is None else wait)
    except FutureTimeout:
        return None


def documents_in_progress() -> int:
    """How many documents this process is making or has waiting (for tests and monitoring)."""
    with _lock:
        return len(_running)


def _render_and_remember(key: str, render: Callable[[], Rendered]) -> Rendered:
    rendered = render()
    remember(key, rendered)
    return rendered


def _forget(key: str) -> None:
    with _lock:
        _running.pop(key, None)
