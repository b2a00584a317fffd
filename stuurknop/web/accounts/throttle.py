"""Throttled sign-in: django-axes counts the failures, this module answers for it.

Settings: ``AXES_HANDLER``, ``AXES_CLIENT_IP_CALLABLE`` and ``AXES_LOCKOUT_CALLABLE`` name the
handler class and the two functions.
Also the two things every throttle of the site shares: who the client is (:func:`client_ip`)
and a count in a fixed window in the shared cache (:func:`count_in_window`).
"""

from __future__ import annotations

import ipaddress
import math
from collections import defaultdict
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
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


class AxesHttpRequest(HttpRequest):
    """A sign-in request as django-axes hands it to its handler: the address it counts against
    (from :func:`client_ip`) is set on it."""

    axes_ip_address: str | None


# django-axes ships no type information, so its handler is Any to mypy.
class LoginThrottleHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """django-axes' database handler with three limits, each with a count of its own.

    Within the cool-off window (``AXES_COOLOFF_TIME``, counted from each pair's last failure):

    - one user name from one address: ``AXES_FAILURE_LIMIT`` failures (5 by default);
    - one address, whatever the names: ``LOGIN_FAILURE_LIMIT_PER_ADDRESS`` (20), against one
      machine trying a common password on many names;
    - one user name, from whatever addresses: ``LOGIN_FAILURE_LIMIT_PER_USERNAME`` (30),
      against guessing one account's password from many machines.

    Toward the two wider counts each name-and-address pair adds at most ``AXES_FAILURE_LIMIT``
    failures. Tries after a pair is locked then make no difference, so the wide limits measure
    breadth (many names, many addresses), which is what they are for. And one attacker cannot
    lock a colleague out everywhere: that takes 30 / 5 = 6 addresses failing on the name at
    the same time, far more than one person's own devices, while axes' single limit on every
    combination would let one script at one address do it (and keep it locked by trying again
    every quarter of an hour). The price: a determined attacker with many addresses can still
    keep a name locked; that person then signs in once the attack stops, or asks a beheerder
    to lift it (``manage.py axes_reset_username``). An office behind one address shares the
    per-address count; 20 failures, at least 4 different names, in a quarter of an hour is far
    above what colleagues mistyping cause.

    axes compares one number with one limit, so :meth:`get_failures` reports the count
    furthest over (or least under) its own limit, shifted onto ``AXES_FAILURE_LIMIT``.
    """

    def get_failures(
        self, request: AxesHttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        pair, per_address, per_username = self._counts(request, credentials)
        pair_limit: int = settings.AXES_FAILURE_LIMIT
        over = max(
            pair - pair_limit,
            per_address - settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS,
            per_username - settings.LOGIN_FAILURE_LIMIT_PER_USERNAME,
        )
        return pair_limit + over

    def reset_user_attempts(
        self, request: AxesHttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        """After a successful sign-in, forget the failures of that name from that address only.

        axes' own reset deletes whatever any lockout combination matches: the address's failures
        on every other name too, so signing in to one's own account would wipe a spray attack's
        count, and every other address's failures on this name.
        """
        username = get_client_username(request, credentials)
        deleted: int
        deleted, _by_model = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return deleted

    def _counts(
        self, request: AxesHttpRequest, credentials: dict[str, Any] | None
    ) -> tuple[int, int, int]:
        """Failures of this name from this address; of this address (over all names); of this
        name (over all addresses); each pair's share in the last two capped."""
        username = get_client_username(request, credentials)
        address = request.axes_ip_address
        rows = AccessAttempt.objects.filter(
            Q(username=username) | Q(ip_address=address),
            attempt_time__gte=get_cool_off_threshold(request),
        ).values_list("username", "ip_address", "failures_since_start")
        by_name: defaultdict[str | None, int] = defaultdict(int)  # at this address
        by_address: defaultdict[str | None, int] = defaultdict(int)  # for this name
        for row_username, row_address, failures in rows:
            if row_address == address:
                by_name[row_username] += failures
            if row_username == username:
                by_address[row_address] += failures
        cap: int = settings.AXES_FAILURE_LIMIT
        return (
            by_name.get(username, 0),
            sum(min(count, cap) for count in by_name.values()),
            sum(min(count, cap) for count in by_address.values()),
        )


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
