"""The beamer link's socket: ``/ws/live/beamer/<token>/`` watches one session's screen state,
authorised by the beamer link's token (beamer_links.py) instead of a signed-in facilitator.

It receives exactly what the signed-in screen socket receives (the ``screen`` messages) and
sends nothing but ``ping``. Making a new link or revoking it closes these sockets (4403) through
the group ``live-<s>-beamer-link``; a closed session's state says ``"open": false`` and the
page reloads into "this link no longer works".
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from stuurknop.web.live.beamer_links import session_by_beamer_token
from stuurknop.web.live.broadcast import screen_group
from stuurknop.web.live.consumers import UNKNOWN, ScreenConsumer
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.state import screen_state


def beamer_link_group(session_id: int) -> str:
    return f"live-{session_id}-beamer-link"


def announce_beamer_link_revoked(session_id: int) -> None:
    """From a view, after the link was made anew or revoked: its open screens close."""
    layer = get_channel_layer()
    if layer is None:  # pragma: no cover - CHANNEL_LAYERS is always set
        return
    async_to_sync(layer.group_send)(beamer_link_group(session_id), {"type": "live.revoked"})


def _screen_state(session_id: int) -> dict[str, Any]:
    return screen_state(LiveSession.objects.select_related("project").get(pk=session_id))


def _open_session_id(token: str) -> int | None:
    session = session_by_beamer_token(token)
    return session.pk if session is not None and session.is_open else None


class BeamerLinkConsumer(ScreenConsumer):
    """A screen socket opened with the beamer link's token (no account)."""

    async def connect(self) -> None:
        token = str(self.scope["url_route"]["kwargs"].get("beamer_token", ""))
        session_id = await database_sync_to_async(_open_session_id)(token)
        if session_id is None:
            await self.close()  # refused alike for a wrong, revoked or closed link
            return
        self.session_id = session_id
        if self.channel_layer is not None:
            await self.channel_layer.group_add(screen_group(session_id), self.channel_name)
            await self.channel_layer.group_add(beamer_link_group(session_id), self.channel_name)
        await self.accept()
        await self.send_json(await database_sync_to_async(_screen_state)(session_id))

    async def disconnect(self, code: int) -> None:
        await super().disconnect(code)
        if hasattr(self, "session_id") and self.channel_layer is not None:
            await self.channel_layer.group_discard(
                beamer_link_group(self.session_id), self.channel_name
            )

    async def live_revoked(self, _event: dict[str, Any]) -> None:
        await self.close(code=UNKNOWN)
