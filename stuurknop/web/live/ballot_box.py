"""The sockets' votes, stored together: what arrives while a write is under way waits for the
next one, and that one stores all of it in one transaction (group commit).

Fifty phones voting at once then cost one to three transactions instead of fifty, each with one
revision bump, one look for removed participants and one upsert (``votes.votes_cast``). Right
after each transaction, in the same call, the screens' update is made (``broadcast.messages_for``:
the screen state read after the commit, so it counts every vote of the batch) and sent; then
each vote is acked. Made there, the update does not wait for a thread of its own, nor share the
interpreter with the acks of hundreds of phones going out at the same moment. Batches follow
each other, so each update is at least as new as the one before ("latest state wins"), and a
burst of votes makes as few updates as it makes batches.

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
from channels.layers import get_channel_layer
from django.db import close_old_connections

from stuurknop.web.live.broadcast import Message, messages_for
from stuurknop.web.live.guards import LiveError
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.votes import Ballot, CastVote, votes_cast

logger = logging.getLogger(__name__)

# One thread: the batches of a process are written one after the other, so a participant's
# later vote is never overtaken by an earlier one (last one counts).
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-votes")

Outcomes = list[CastVote | LiveError]


def _votes_cast(session: LiveSession, ballots: list[Ballot]) -> tuple[Outcomes, list[Message]]:
    """Store ``ballots``; what became of each, and the screens' update when any was stored."""
    # Closing old connections here, inside the call, not around it as database_sync_to_async
    # does: there the writer's connection was not seen, and stayed open after a test's
    # database had to go (PostgreSQL refuses to drop a database still in use).
    close_old_connections()
    try:
        outcomes = votes_cast(session=session, ballots=ballots)
        stored = any(isinstance(outcome, CastVote) for outcome in outcomes)
        return outcomes, messages_for(session.pk, step_changed=False) if stored else []
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


# Before the first write of a burst, the votes already on their way may join it: wait while
# they keep coming, a tick at a time, at most SETTLE in all. Without it the first vote of fifty
# is written alone and the other 49 wait for that write (and its screen update) before theirs
# can start. A lone vote waits one tick.
TICK = 0.001  # s
SETTLE = 0.004  # s


async def _settle(box: _Box) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SETTLE
    seen = 0
    while len(box.waiting) > seen and loop.time() < deadline:
        seen = len(box.waiting)
        await asyncio.sleep(TICK)


async def _drain(box: _Box) -> None:
    session_id = box.session.pk
    try:
        await _settle(box)
        while box.waiting:
            batch, box.waiting = box.waiting, []
            try:
                outcomes, messages = await _store(box.session, [b for b, _f in batch])
            except Exception as error:  # the database failed: each sender hears of it
                logger.exception("Storing %d votes of session %s failed", len(batch), session_id)
                for _ballot, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            await _send(session_id, messages)
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


async def _send(session_id: int, messages: list[Message]) -> None:
    """The screens' update; a failure to send it is logged, the votes are stored all the same
    (the next update, or a polling page, shows them)."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover - CHANNEL_LAYERS is always set
        return
    try:
        for group, message in messages:
            await layer.group_send(group, message)
    except Exception:
        logger.exception("Telling the screens of session %s about votes failed", session_id)
