"""The WebSocket origin check: scheme, host and port of the page must be the site's own.

Found by a security probe: Channels' AllowedHostsOriginValidator ignored the port, so a page on
``http://localhost:9999`` could open a socket of the server on ``:8000``.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.testing import WebsocketCommunicator

from stuurknop.web.asgi import application
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.origin import origin_allowed

from .loop import run_in_own_thread


def scope(origin: str | None, host: str | None = "localhost:8000", **extra: Any) -> dict[str, Any]:
    headers = []
    if host is not None:
        headers.append((b"host", host.encode()))
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    headers += [(name.encode(), value.encode()) for name, value in extra.pop("headers", {}).items()]
    return {"type": "websocket", "headers": headers, **extra}


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost:8000",
        "HTTP://LOCALHOST:8000",  # scheme and host are case-insensitive
    ],
)
def test_the_same_scheme_host_and_port_are_accepted(origin: str) -> None:
    assert origin_allowed(scope(origin))


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("http://localhost:9999", "localhost:8000"),  # the probe's finding: another port
        ("http://localhost", "localhost:8000"),  # port 80 is another port too
        ("http://localhost:8000", "localhost"),
        ("https://localhost:8000", "localhost:8000"),  # https page, plain ws: another scheme
        ("http://127.0.0.1:8000", "localhost:8000"),  # an allowed host, but another one
        ("http://evil.example:8000", "evil.example:8000"),  # Host not in ALLOWED_HOSTS
        ("http://localhost:8000", None),  # no Host header to compare with
        ("null", "localhost:8000"),  # a sandboxed frame or a file:// page
        ("http://localhost:99999", "localhost:99999"),  # not a port
        ("ftp://localhost:8000", "localhost:8000"),
        ("", "localhost:8000"),
    ],
)
def test_another_origin_is_refused(origin: str, host: str | None) -> None:
    assert not origin_allowed(scope(origin, host))


def test_a_handshake_without_an_origin_is_refused() -> None:
    assert not origin_allowed(scope(None))


def test_default_ports_need_not_be_spelled_out() -> None:
    assert origin_allowed(scope("http://localhost", "localhost:80"))
    assert origin_allowed(scope("http://localhost:80", "localhost"))
    assert origin_allowed(scope("https://localhost", "localhost", scheme="wss"))


def test_behind_the_proxy_an_https_page_matches_its_forwarded_scheme(settings: Any) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    forwarded = {"x-forwarded-proto": "https"}
    assert origin_allowed(scope("https://localhost", "localhost", headers=forwarded))
    assert not origin_allowed(scope("http://localhost", "localhost", headers=forwarded))
    assert not origin_allowed(scope("https://localhost", "localhost"))  # header missing


def test_a_trusted_origin_is_accepted_as_by_the_csrf_check(settings: Any) -> None:
    settings.CSRF_TRUSTED_ORIGINS = ["https://beamer.example.org", "https://*.stuurknop.nl"]
    assert origin_allowed(scope("https://beamer.example.org", "localhost:8000"))
    assert origin_allowed(scope("https://app.stuurknop.nl", "localhost:8000"))
    assert origin_allowed(scope("https://stuurknop.nl", "localhost:8000"))
    assert not origin_allowed(scope("http://beamer.example.org", "localhost:8000"))
    assert not origin_allowed(scope("https://beamer.example.org:8443", "localhost:8000"))
    assert not origin_allowed(scope("http://app.stuurknop.nl", "localhost:8000"))
    assert not origin_allowed(scope("https://stuurknop.nl.evil.example", "localhost:8000"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("origin", "opens"), [("http://localhost:8000", True), ("http://localhost:9999", False)]
)
def test_through_the_whole_stack_only_the_same_origin_opens_a_socket(
    live: LiveSession, origin: str, opens: bool
) -> None:
    async def body() -> None:
        communicator = WebsocketCommunicator(
            application,
            f"/ws/live/deelnemer/{live.code}/",
            headers=[(b"host", b"localhost:8000"), (b"origin", origin.encode())],
        )
        connected, _code = await communicator.connect()
        assert connected is opens
        if connected:
            await communicator.disconnect()

    run_in_own_thread(body)
