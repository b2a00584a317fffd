"""ASGI entry point: pages over HTTP and live sessions over WebSockets.

``daphne stuurknop.web.asgi:application`` (``runserver`` does the same through Daphne). The
WebSocket routes are the live session's (``stuurknop.web.live.routing``); only the site's own
origins may open them (scheme, host and port: ``stuurknop.web.live.origin``), and the signed-in
user (if any) comes from the session cookie.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
# Django must be set up before anything imports models (the consumers do).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from stuurknop.web.live.origin import SameOriginValidator  # noqa: E402
from stuurknop.web.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
