"""Telling the session's sockets that something changed (through the channel layer).

Screens get the whole screen state (made once per change, not once per socket); participants
get a nudge to re-read their own state when the step, the reveal or the openness changed (the
state carries the revealed results, or none), and the revealed results as votes change them.
Called after the change committed. (The sockets' votes are told from ``ballot_box.py``, which
makes the screens' update right after each batch of votes with ``messages_for``.)
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.state import people_results, screen_state

Message = tuple[str, dict[str, Any]]


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
