"""Every abuse limit of a live session, and the fixed-window counters that enforce them.

Three counters, each in the Django cache (shared between server processes when REDIS_URL is
set) with a fixed window: the key names the window, so a count simply expires with it.

- **Votes** per participant: a person taps fast, a script taps faster.
- **Failed join codes** per client: a wrong code on any page, endpoint or socket that takes a
  code. Once a client used them up, every code it brings is refused (429) until the window
  ends, the right one too: otherwise the refusal itself would tell a guesser which code is
  wrong. A client that already holds a participant token of the session is let through.
- **Joins** per client per session: a new participant is a fresh vote allowance, so joining
  again and again must not be free.

A client is its address (``accounts.throttle.client_ip``, which knows about the proxy), kept in
the cache only as an HMAC pseudonym. An IPv6 client is counted per /64: one household or one
phone gets a whole /64, so counting single addresses would let one device rotate through
billions of them.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest
from django.utils import timezone

from stuurknop.web.accounts.throttle import client_ip

# Votes: at most 30 per participant per 10 s. A person answering the twelve values as fast as
# they can tap stays well below; a script flooding the screen does not.
RATE_VOTES = 30
RATE_SECONDS = 10

# Failed join codes: at most 15 per client per minute. A room of people behind one Wi-Fi
# mistyping the code off the beamer makes a handful; a guesser at 15 a minute makes ~22 000 a
# day against ~890 million codes (codes.py): with ten sessions open at once, one hit takes
# about ten years on average.
CODE_FAILURES = 15
CODE_FAILURE_SECONDS = 60

# Joins: at most 60 new participants per client per session per hour. A care home's residents
# all join over the home's one Wi-Fi (one address for the whole room, and a phone that drops
# off may join again), so the limit must allow a full room of people twice over; it still
# caps what rejoining buys a vote flooder at 60 participants, each of whom the facilitator
# sees on the control page and can remove.
JOINS = 60
JOIN_SECONDS = 60 * 60

# Sizes: one socket message, one polling POST, the votes in it, a vote's client id.
MAX_FRAME = 4_000  # bytes
MAX_BODY = 16_000  # bytes
MAX_VOTES = 20
CLIENT_ID_MAX = 40


@dataclass(frozen=True)
class Window:
    """A counter's state: how many were counted in the current window, and when it ends."""

    count: int
    retry_after: int  # seconds until the window ends (at least 1)


def _window(seconds: int) -> tuple[int, int]:
    """The current window's number and the seconds left in it."""
    now = timezone.now().timestamp()
    number = int(now) // seconds
    return number, max(1, math.ceil((number + 1) * seconds - now))


def _hit(key: str, seconds: int) -> int:
    # add() starts the window's count only if there is none; incr() is atomic in every shared
    # cache. Kept for twice the window so that a clock a little ahead elsewhere still finds it.
    cache.add(key, 0, timeout=seconds * 2)
    try:
        return int(cache.incr(key))
    except ValueError:  # evicted between add() and incr(): count this one as the first
        cache.add(key, 1, timeout=seconds * 2)
        return 1


def count(name: str, seconds: int) -> Window:
    """Count one more of ``name`` in the current window of ``seconds``."""
    number, left = _window(seconds)
    return Window(_hit(f"live:{name}:{number}", seconds), left)


def count_each(names: Sequence[str], seconds: int) -> list[Window]:
    """Count one more of each of ``names`` (a name twice counts twice), as :func:`count` one
    after the other would; on Redis in one round trip instead of three per name."""
    number, left = _window(seconds)
    keys = [f"live:{name}:{number}" for name in names]
    client = _redis_client()
    if client is None:
        return [Window(_hit(key, seconds), left) for key in keys]
    pipe = client.pipeline(transaction=False)
    for key in keys:  # the add() and incr() of _hit, each atomic in Redis
        full = cache.make_and_validate_key(key)
        pipe.set(full, 0, ex=seconds * 2, nx=True)
        pipe.incr(full)
    answers = pipe.execute()
    return [Window(int(answers[2 * i + 1]), left) for i in range(len(keys))]


def _redis_client() -> Any:
    """The Redis client of the default cache, or None when it is not Redis. (Django's cache
    has no call that counts many keys at once; its integers are stored as plain Redis
    integers, so INCR here and get() there agree.)"""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True)


def peek(name: str, seconds: int) -> Window:
    """The current window's count of ``name``, without counting."""
    number, left = _window(seconds)
    return Window(int(cache.get(f"live:{name}:{number}", 0)), left)


def client_key(request: HttpRequest) -> str:
    """The client a request comes from, as a pseudonym (never the address itself)."""
    address = client_ip(request) or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        parsed = None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        address = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


# --- The three limits ------------------------------------------------------------------------


def vote_window(participant_id: int) -> Window:
    return count(f"votes:{participant_id}", RATE_SECONDS)


def vote_windows(participant_ids: Sequence[int]) -> list[Window]:
    """:func:`vote_window` for each of ``participant_ids`` (a batch of votes), in order."""
    return count_each([f"votes:{pk}" for pk in participant_ids], RATE_SECONDS)


def code_guesses_used_up(client: str) -> Window | None:
    """The window to wait out when ``client`` has no failed code left, else None."""
    window = peek(f"codes:{client}", CODE_FAILURE_SECONDS)
    return window if window.count >= CODE_FAILURES else None


def code_guess_failed(client: str) -> None:
    count(f"codes:{client}", CODE_FAILURE_SECONDS)


def join_window(client: str, session_id: int) -> Window | None:
    """Count a join of ``session_id`` by ``client``; the window to wait out when it is one
    too many, else None. A refused join counts too: a script that keeps trying stays out."""
    window = count(f"joins:{session_id}:{client}", JOIN_SECONDS)
    return window if window.count > JOINS else None
