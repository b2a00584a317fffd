"""Throttled sign-in: django-axes counts the failures, this module answers for it.

Settings: ``AXES_CLIENT_IP_CALLABLE`` and ``AXES_LOCKOUT_CALLABLE`` name the two functions.
Also the two things every throttle of the site shares: who the client is (:func:`client_ip`)
and a count in a fixed window in the shared cache (:func:`count_in_window`).
"""

from __future__ import annotations

import ipaddress
import math
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def client_ip(request: HttpRequest) -> str | None:
    """The address a failed sign-in is counted against.

    Behind a proxy (``STUURKNOP_BEHIND_PROXY=1``) every request comes from the proxy, so the
    client is the last entry of X-Forwarded-For: the one our own proxy appended. Earlier
    entries are whatever the client chose to send and are ignored. A value that is not an
    address falls back to the connection's own address rather than being trusted.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = forwarded.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return remote


def count_in_window(key: str, *, window_seconds: int) -> int:
    """Add one to the count under ``key`` and return it; the count starts afresh after
    ``window_seconds`` from its first hit. In the shared cache (Redis when ``REDIS_URL`` is
    set), so every server process counts together."""
    # add() starts the window only if there is none; incr() is atomic in every shared cache.
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr(): a fresh window
        cache.add(key, 1, timeout=window_seconds)
        return 1


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The Dutch page for a locked sign-in (429), saying when the next try is possible.

    Every failed try during the lockout starts the wait anew (axes' default), so the wait is
    counted from this request.
    """
    cool_off = get_cool_off(request)
    attempt_time = getattr(request, "axes_attempt_time", None) or timezone.now()
    until = timezone.localtime(attempt_time + cool_off)
    wait_seconds = max(0, (until - timezone.now()).total_seconds())
    response = render(
        request,
        "registration/lockout.html",
        {"until": until, "minutes": max(1, math.ceil(wait_seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(wait_seconds))
    return response
