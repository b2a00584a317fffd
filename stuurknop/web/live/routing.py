"""The live session's WebSocket routes (Channels)."""

websocket_urlpatterns: list = []
