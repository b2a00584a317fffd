"""The sockets' votes, stored together: what arrives while a write is under way waits for the
next one, and that one stores all of it in one transaction (group commit).

Fifty phones voting at once then cost two or three transactions instead of fifty, each with one
revision bump, one look for removed participants and one upsert (``votes.votes_cast``), and
each vote is acked as soon as the transaction that stored it committed. The screens hear of it
through ``broadcast.announce_async`` once per transaction, which coalesces in turn.

The writes run on a database thread of their own, not on Channels' one thread-sensitive thread
that every other database call of the process queues on (a participant's state, a handshake, a
page), so votes do not wait behind those, nor they behind votes. The thread holds its own
connection (Django's are per thread), closed when too old as Channels' own calls do.

One event loop per process runs every consumer, so the structures below need no lock.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from django.db import close_old_connections

from stuurknop.web.live.broadcast import announce_async
from stuurknop.web.live.guards import LiveError
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.votes import Ballot, CastVote, votes_cast

logger = logging.getLogger(__name__)

# One thread: the batches of a process are written one after the other, so a participant's
# later vote is never overtaken by an earlier one (last one counts).
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-votes")


def _votes_cast(session: LiveSession, ballots: list[Ballot]) -> list[CastVote | LiveError]:
    # Closing old connections here, inside the call, not around it as database_sync_to_async
    # does: there the writer's connection was not seen, and stayed open after a test's
    # database had to go (PostgreSQL refuses to drop a database still in use).
    close_old_connections()
    try:
        return votes_cast(session=session, ballots=ballots)
    finally:
        close_old_connections()


_store = sync_to_async(_votes_cast, thread_sensitive=False, executor=_writer)


@dataclass
class _Box:
    session: LiveSession
    waiting: list[tuple[Ballot, asyncio.Future[CastVote]]] = field(default_factory=list)
    task: asyncio.Future[None] | None = None  # the running _drain (a reference keeps it alive)


_boxes: dict[int, _Box] = {}


async def vote(session: LiveSession, ballot: Ballot) -> CastVote:
    """Store ``ballot`` (a participant of ``session``) with the others that arrive meanwhile;
    its CastVote once committed, or the LiveError that refused it."""
    future: asyncio.Future[CastVote] = asyncio.get_running_loop().create_future()
    box = _boxes.get(session.pk)
    if box is None:
        box = _boxes[session.pk] = _Box(session)
        box.waiting.append((ballot, future))
        box.task = asyncio.ensure_future(_drain(box))
    else:
        box.waiting.append((ballot, future))
    return await future


async def _drain(box: _Box) -> None:
    session_id = box.session.pk
    try:
        while box.waiting:
            batch, box.waiting = box.waiting, []
            try:
                outcomes = await _store(box.session, [b for b, _f in batch])
            except Exception as error:  # the database failed: each sender hears of it
                logger.exception(
                    "Storing %d votes of live session %s failed", len(batch), session_id
                )
                for _ballot, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            if any(isinstance(outcome, CastVote) for outcome in outcomes):
                await announce_async(session_id)
            for (_ballot, future), outcome in zip(batch, outcomes, strict=True):
                if future.done():  # its sender went away (the socket closed meanwhile)
                    continue
                if isinstance(outcome, LiveError):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)
    finally:
        # No await between the last look at ``waiting`` and this line: a vote sent meanwhile
        # either was taken by the loop or finds no box and starts one.
        _boxes.pop(session_id, None)
        for _ballot, future in box.waiting:  # only when cancelled: nothing is left hanging
            future.cancel()
