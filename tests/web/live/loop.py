"""Running a test's coroutine on an event loop of its own, in a thread of its own.

The browser tests' Playwright (sync API) keeps an event loop running in the main thread for the
whole test session; ``asyncio.run`` or ``async_to_sync`` called there afterwards refuse to
start. A fresh thread has no loop, so the coroutine runs the same whichever tests ran before.
Database connections the coroutine's sync parts opened in that thread are closed after it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def run_in_own_thread(make: Callable[[], Awaitable[T]]) -> T:
    """``make()``'s coroutine, run to the end on a new loop in a new thread; its result."""

    def target() -> T:
        from asgiref.sync import async_to_sync
        from django.db import connections

        try:
            # async_to_sync (not asyncio.run): Django's sync_to_async calls inside then run in
            # this thread, where the test's database is reachable.
            return async_to_sync(make)()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(target).result()
