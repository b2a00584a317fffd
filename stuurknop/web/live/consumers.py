"""The live session's sockets: participants vote; screens (beamer, facilitator) watch.

The messages are those of PROTOCOL.md. Every database call goes through
``database_sync_to_async`` and the same services as the HTTP endpoints, so the polling
fallback and the sockets cannot disagree about what a vote is; votes go through
``ballot_box``, which stores those that arrive together in one transaction.
"""

from __future__ import annotations

from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils.translation import gettext as _

from stuurknop.web.live import ballot_box
from stuurknop.web.live.broadcast import (
    people_group,
    person_group,
    screen_group,
)
from stuurknop.web.live.codes import cookie_name, looks_like_code, normalise_code
from stuurknop.web.live.limits import (
    MAX_FRAME,
    client_key,
    code_guess_failed,
    code_guesses_used_up,
)
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import (
    LiveError,
    closed_error,
    open_session,
    participant_by_token,
    removed_error,
    was_removed,
)
from stuurknop.web.live.state import participant_state, screen_state
from stuurknop.web.live.votes import Ballot
from stuurknop.web.live.wire import dumps, loads, scope_request
from stuurknop.web.projects.permissions import role_of
from stuurknop.web.projects.roles import Role

CLOSED = 4410  # close codes: the session closed …
UNKNOWN = 4403  # … or the participant is not known (or was removed)


# Channels ships no type information (typeshed's stubs disagree with django-stubs about
# routing), so its consumer is Any to mypy.
class JsonSocket(AsyncWebsocketConsumer):  # type: ignore[misc]
    async def dispatch(self, message: dict[str, Any]) -> None:
        """Hand ``message`` to its handler, as Channels does, without first closing old
        database connections: Channels does that on its one database thread before every
        message, so each vote of fifty would queue there behind the others' work. Every
        database call of these sockets goes through ``database_sync_to_async``, which closes
        old connections itself, in the thread that holds them."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def send_json(self, content: dict[str, Any]) -> None:
        await self.send(text_data=dumps(content))

    async def send_error(self, code: str, message: str, ident: Any = None) -> None:
        await self.send_json({"type": "error", "id": ident, "code": code, "message": message})

    async def read(self, text_data: str | None, bytes_data: bytes | None) -> dict[str, Any] | None:
        """The message as a dict, or None after telling the sender what was wrong with it."""
        raw = text_data if text_data is not None else (bytes_data or b"").decode("utf-8", "replace")
        if len(raw.encode()) > MAX_FRAME:
            await self.send_error("too_large", _("Dit bericht is te groot."))
            return None
        content = loads(raw)
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self.send_error("bad_message", _("Dit bericht kan niet worden gelezen."))
            return None
        return content


class ParticipantConsumer(JsonSocket):
    """``/ws/live/deelnemer/<code>/``: one participant of an open session."""

    session: LiveSession
    participant: Participant | None = None

    async def connect(self) -> None:
        code = normalise_code(str(self.scope["url_route"]["kwargs"].get("code", "")))
        session = await database_sync_to_async(_session_for_socket)(self.scope, code)
        if session is None:
            # An unknown or closed code, or a client out of guesses (limits.py): the
            # handshake is refused alike, so it tells a guesser nothing.
            await self.close()
            return
        self.session = session
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.participant is not None and self.channel_layer is not None:
            await self.channel_layer.group_discard(people_group(self.session.pk), self.channel_name)
            await self.channel_layer.group_discard(
                person_group(self.session.pk, self.participant.pk), self.channel_name
            )

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        content = await self.read(text_data, bytes_data)
        if content is None:
            return
        kind = content["type"]
        if kind == "ping":
            await self.send_json({"type": "pong"})
        elif kind == "hello":
            await self.hello(content)
        elif kind == "vote":
            await self.vote(content)
        else:
            await self.send_error("bad_message", _("Dit bericht kan niet worden gelezen."))

    async def hello(self, content: dict[str, Any]) -> None:
        token = content.get("token")
        if not isinstance(token, str) or not token:
            token = self.scope.get("cookies", {}).get(cookie_name(self.session.code), "")
        participant = await database_sync_to_async(participant_by_token)(self.session, token)
        if participant is None:
            if await database_sync_to_async(was_removed)(self.session, token):
                await self.send_removed()
                return
            await self.send_error(
                "unknown_participant",
                _("U bent (nog) niet aangemeld bij deze sessie. Meld u opnieuw aan."),
            )
            await self.close(code=UNKNOWN)
            return
        participant.session = self.session
        self.participant = participant
        if self.channel_layer is not None:
            await self.channel_layer.group_add(people_group(self.session.pk), self.channel_name)
            await self.channel_layer.group_add(
                person_group(self.session.pk, participant.pk), self.channel_name
            )
        await self.send_state()

    async def send_removed(self) -> None:
        """Tell a removed participant why, then close: the page reloads and says it again."""
        await self.send_error("removed", removed_error().message)
        await self.close(code=UNKNOWN)

    async def vote(self, content: dict[str, Any]) -> None:
        ident = content.get("id")
        ident = ident if isinstance(ident, str) else None
        if self.participant is None:
            await self.send_error(
                "unknown_participant", _("Meld u eerst aan bij deze sessie."), ident
            )
            return
        ballot = Ballot(
            self.participant,
            content.get("item"),
            content.get("score"),
            content.get("remark", ""),
            ident or "",
        )
        try:
            # Stored with the votes that arrive meanwhile; the screens hear of it from there.
            cast = await ballot_box.vote(self.session, ballot)
        except LiveError as error:
            await self.send_json(
                {
                    "type": "error",
                    "id": ident,
                    "item": error.field,
                    "code": error.code,
                    "message": error.message,
                }
            )
            if error.code == "closed":
                await self.close(code=CLOSED)
            elif error.code == "removed":
                await self.close(code=UNKNOWN)
            return
        await self.send_json(
            {
                "type": "ack",
                "id": ident,
                "item": cast.item,
                "score": cast.score,
                "remark": cast.remark,
                "revision": cast.revision,
            }
        )

    async def send_state(self) -> None:
        state = await database_sync_to_async(_participant_state)(self.session.pk, self.participant)
        await self.send_json(state)

    # Group messages (see broadcast.py).

    async def live_step(self, _event: dict[str, Any]) -> None:
        await self.send_state()

    async def live_results(self, event: dict[str, Any]) -> None:
        if self.participant is None:  # not yet said hello: nothing of the session to see
            return
        await self.send_json(
            {
                "type": "results",
                "revision": event["revision"],
                "step": event["step"],
                "results": event["results"],
                "html": event["html"],
            }
        )

    async def live_closed(self, _event: dict[str, Any]) -> None:
        await self.send_json({"type": "closed", "message": closed_error().message})
        await self.close(code=CLOSED)

    async def live_removed(self, _event: dict[str, Any]) -> None:
        await self.send_removed()  # leaving the groups is disconnect()'s, as for any close


def _session_for_socket(scope: dict[str, Any], code: str) -> LiveSession | None:
    """The open session of ``code``, counting a wrong code against the client (limits.py).

    A client out of guesses gets no session, unless its cookie holds a participant token of
    this one: someone who already joined is not shut out by a neighbour's typing.
    """
    client = client_key(scope_request(scope))
    session = open_session(code) if looks_like_code(code) else None
    if code_guesses_used_up(client) is not None:
        token = scope.get("cookies", {}).get(cookie_name(code), "")
        if session is None or participant_by_token(session, token) is None:
            return None
    if session is None:
        code_guess_failed(client)
    return session


def _participant_state(session_id: int, participant: Participant | None) -> dict[str, Any]:
    session = LiveSession.objects.select_related("project").get(pk=session_id)
    return participant_state(session, participant)


class ScreenConsumer(JsonSocket):
    """``/ws/live/scherm/<session_id>/``: the beamer and the facilitator's page."""

    session_id: int

    async def connect(self) -> None:
        session_id = self.scope["url_route"]["kwargs"].get("session_id")
        allowed = await database_sync_to_async(_may_watch)(self.scope.get("user"), session_id)
        if not allowed:
            await self.close()  # the handshake is refused: nothing about the session leaks
            return
        self.session_id = int(session_id)
        if self.channel_layer is not None:
            await self.channel_layer.group_add(screen_group(self.session_id), self.channel_name)
        await self.accept()
        state = await database_sync_to_async(_screen_state)(self.session_id)
        await self.send_json(state)

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "session_id") and self.channel_layer is not None:
            await self.channel_layer.group_discard(screen_group(self.session_id), self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        content = await self.read(text_data, bytes_data)
        if content is not None and content["type"] == "ping":
            await self.send_json({"type": "pong"})

    async def live_screen(self, event: dict[str, Any]) -> None:
        await self.send_json(event["state"])


def _may_watch(user: Any, session_id: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    session = LiveSession.objects.select_related("project").filter(pk=int(session_id)).first()
    if session is None:
        return False
    role = role_of(user, session.project)
    return role is not None and role.at_least(Role.BEHEERDER)


def _screen_state(session_id: int) -> dict[str, Any]:
    return screen_state(LiveSession.objects.select_related("project").get(pk=session_id))
