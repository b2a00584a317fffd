"""What goes over the wire to and from a live session's clients, read without surprises.

A client's JSON is read here for the socket and the polling endpoint alike: anything that is
not JSON (deep nesting included, which Python's parser answers with RecursionError) is None,
never an exception that would end the socket with 1011 or the request with a 500.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest


def loads(raw: str | bytes) -> Any:
    """The JSON value of ``raw``, or None when it is not (readable) JSON."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):  # ValueError covers bad UTF-8 and too many digits
        return None


def dumps(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False)


def scope_request(scope: dict[str, Any]) -> HttpRequest:
    """A bare request carrying an ASGI scope's client address and forwarding header, as
    Django's own ASGI handler would put them in ``META``: enough for ``client_ip``."""
    request = HttpRequest()
    client = scope.get("client")
    if client:
        request.META["REMOTE_ADDR"] = str(client[0])
    forwarded = [
        value.decode("latin1")
        for name, value in scope.get("headers", [])
        if name.lower() == b"x-forwarded-for"
    ]
    if forwarded:
        request.META["HTTP_X_FORWARDED_FOR"] = ",".join(forwarded)
    return request
