"""Telling the session's sockets that something changed (through the channel layer).

Screens get the whole screen state (made once per change, not once per socket); participants
get a nudge to re-read their own state when the step, the reveal or the openness changed, and
the revealed results as they change. Called after the change committed.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.state import screen_state

Message = tuple[str, dict[str, Any]]


def screen_group(session_id: int) -> str:
    return f"live-{session_id}-screen"


def people_group(session_id: int) -> str:
    return f"live-{session_id}-people"


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
        messages.append(
            (people, {"type": "live.results", "step": state["step"]["key"], "html": state["html"]})
        )
    return messages


def announce(session_id: int, *, step_changed: bool = False) -> None:
    """From sync code (a view): send the change to every socket of the session."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover - CHANNEL_LAYERS is always set
        return
    for group, message in messages_for(session_id, step_changed=step_changed):
        async_to_sync(layer.group_send)(group, message)


async def announce_async(session_id: int, *, step_changed: bool = False) -> None:
    """From a consumer: the same, without blocking the event loop on the database."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover
        return
    messages = await database_sync_to_async(messages_for)(session_id, step_changed=step_changed)
    for group, message in messages:
        await layer.group_send(group, message)
