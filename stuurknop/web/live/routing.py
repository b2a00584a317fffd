"""The live session's WebSocket routes (Channels); see PROTOCOL.md."""

from django.urls import URLPattern, path

from stuurknop.web.live.beamer_socket import BeamerLinkConsumer
from stuurknop.web.live.consumers import ParticipantConsumer, ScreenConsumer

websocket_urlpatterns: list[URLPattern] = [
    path("ws/live/deelnemer/<str:code>/", ParticipantConsumer.as_asgi()),
    path("ws/live/scherm/<int:session_id>/", ScreenConsumer.as_asgi()),
    path("ws/live/beamer/<str:beamer_token>/", BeamerLinkConsumer.as_asgi()),
]
