"""Telling the session's sockets that something changed (through the channel layer).

Screens get the whole screen state (made once per change, not once per socket); participants
get a nudge to re-read their own state when the step, the reveal or the openness changed (the
state carries the revealed results, or none), and the revealed results as votes change them.
Called after the change committed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.state import people_results, screen_state

Message = tuple[str, dict[str, Any]]
logger = logging.getLogger(__name__)


def screen_group(session_id: int) -> str:
    return f"live-{session_id}-screen"


def people_group(session_id: int) -> str:
    return f"live-{session_id}-people"


def person_group(session_id: int, participant_id: int) -> str:
    """The sockets of one participant (a phone may have the page open twice)."""
    return f"live-{session_id}-person-{participant_id}"


def messages_for(session_id: int, *, step_changed: bool) -> list[Message]:
    """The group messages for a change of session ``session_id`` (read afresh)."""
    session = LiveSession.objects.select_related("project").get(pk=session_id)
    state = screen_state(session)
    messages: list[Message] = [(screen_group(session_id), {"type": "live.screen", "state": state})]
    people = people_group(session_id)
    if not session.is_open:
        messages.append((people, {"type": "live.closed"}))
    elif step_changed:
        messages.append((people, {"type": "live.step"}))
    elif state["step"]["revealed"]:
        # A vote while revealed: every phone gets the new results (the participants' own
        # rendering, made once, not the beamer's). The reveal and the hiding are step changes:
        # each phone then re-reads its state, which carries the results (or none).
        shared = people_results(session)
        messages.append(
            (
                people,
                {
                    "type": "live.results",
                    "revision": session.revision,
                    "step": state["step"]["key"],
                    "results": shared["results"],
                    "html": shared["html"],
                },
            )
        )
    return messages


def announce(session_id: int, *, step_changed: bool = False) -> None:
    """From sync code (a view): send the change to every socket of the session."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover - CHANNEL_LAYERS is always set
        return
    for group, message in messages_for(session_id, step_changed=step_changed):
        async_to_sync(layer.group_send)(group, message)


def announce_removed(session_id: int, participant_id: int) -> None:
    """From a view: tell a removed participant's sockets, and every screen its new counts."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover
        return
    async_to_sync(layer.group_send)(
        person_group(session_id, participant_id), {"type": "live.removed"}
    )
    announce(session_id)


# Votes arriving together share one screen update: while a session's update is being made and
# sent, further votes only mark it dirty, and the running update goes round once more. Fifty
# votes at once then cost a few screen states instead of fifty, and each vote reaches the
# beamer with the next update that is made after it was stored. One event loop per process
# runs every consumer, so the two structures below need no lock.
_dirty: set[int] = set()
_running: dict[int, asyncio.Task[None]] = {}


async def announce_async(session_id: int, *, step_changed: bool = False) -> None:
    """From a consumer: the same, without blocking the event loop on the database. A plain
    change (a vote) is coalesced with the others that arrive while an update is under way."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover
        return
    if step_changed:
        await _send(layer, session_id, step_changed=True)
        return
    _dirty.add(session_id)
    if session_id not in _running:
        _running[session_id] = asyncio.ensure_future(_drain(layer, session_id))


async def _drain(layer: Any, session_id: int) -> None:
    try:
        while session_id in _dirty:
            _dirty.discard(session_id)
            await _send(layer, session_id, step_changed=False)
    except Exception:  # nobody awaits this task: say what went wrong instead of losing it
        logger.exception("Sending live session %s's update failed", session_id)
    finally:
        # No await between the last check and this line: a vote stored meanwhile either was
        # seen by the check or finds no update running and starts one.
        _running.pop(session_id, None)


async def _send(layer: Any, session_id: int, *, step_changed: bool) -> None:
    messages = await database_sync_to_async(messages_for)(session_id, step_changed=step_changed)
    for group, message in messages:
        await layer.group_send(group, message)
