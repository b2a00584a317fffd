"""Only the site's own pages may open a WebSocket: the handshake's Origin, checked as Django's
CSRF check does for a form.

Channels' ``AllowedHostsOriginValidator`` compares the Origin's host name with ALLOWED_HOSTS
and ignores the scheme and the port, so a page on ``http://localhost:9999`` (another program
on the same machine) could open the sockets of a server on ``:8000`` with the visitor's
cookies. Here an Origin passes when its scheme, host and port are those of the request itself
(its Host header, which must be an allowed host, and ``ws``/``wss`` as ``http``/``https``), or
when it is one of CSRF_TRUSTED_ORIGINS (``https://*.example.org`` allows the subdomains), as
in ``django.middleware.csrf.CsrfViewMiddleware``. A handshake without an Origin is refused:
every browser sends one, and other clients are told to (PROTOCOL.md).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import SplitResult, urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.http import is_same_domain

DEFAULT_PORTS = {"http": 80, "https": 443}


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            try:
                return str(value.decode("latin1"))
            except UnicodeDecodeError:  # pragma: no cover - latin1 decodes any bytes
                return None
    return None


def _origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an origin, the port filled in; None when it is not one."""
    try:
        parts: SplitResult = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


def _is_secure(scope: dict[str, Any]) -> bool:
    """Whether the visitor's connection is HTTPS, as Django decides it for a request."""
    if scope.get("scheme") in ("wss", "https"):
        return True
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:  # set only behind our own proxy (settings.py)
        meta_name, secure_value = proxy_header
        name = meta_name.removeprefix("HTTP_").lower().replace("_", "-").encode()
        value = _header(scope, name)
        return value is not None and value.split(",", 1)[0].strip() == secure_value
    return False


def _own_origin(scope: dict[str, Any]) -> tuple[str, str, int] | None:
    """The origin of the request itself: its scheme and its Host (if an allowed host)."""
    host = _header(scope, b"host")
    if not host:
        return None
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:  # Django's own default in DEBUG
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    if not domain or not validate_host(domain, allowed):
        return None
    return _origin(("https" if _is_secure(scope) else "http") + "://" + host)


def origin_allowed(scope: dict[str, Any]) -> bool:
    """Whether the WebSocket handshake in ``scope`` comes from one of the site's origins."""
    header = _header(scope, b"origin")
    if header is None:
        return False
    origin = _origin(header)
    if origin is None:
        return False
    if origin == _own_origin(scope):
        return True
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if "*" in trusted:
            scheme, _sep, pattern = trusted.partition("://")
            netloc = urlsplit(header).netloc.lower()
            if origin[0] == scheme.lower() and is_same_domain(netloc, pattern[1:].lower()):
                return True
        elif origin == _origin(trusted):
            return True
    return False


class SameOriginValidator:
    """ASGI middleware for the WebSocket router: refuses a handshake from another origin."""

    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if scope["type"] != "websocket":
            raise ValueError("SameOriginValidator guards WebSocket connections only.")
        if origin_allowed(scope):
            return await self.application(scope, receive, send)
        denier = WebsocketDenier()
        return await denier(scope, receive, send)
