"""Abuse limits of the public questionnaire, without keeping anybody's address.

A client is counted under an HMAC of its address and today's date, keyed with the site's
secret: the cache never holds an address, the key cannot be turned back into one (nor matched
against a list of addresses without the secret), and it changes every day, so yesterday's
counts cannot be linked to today's. The counts live in the cache and expire after the window.
Besides the count per client there is a cap per questionnaire, against many addresses at once.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils import timezone

from stuurknop.web.accounts.throttle import client_ip, count_in_window

WINDOW_SECONDS = 60 * 60
PER_CLIENT = 5  # answers per address per hour: a household sharing one connection fits
PER_QUESTIONNAIRE = 300  # answers per questionnaire per hour, from all addresses together
# A filled-in form is well under 4 KB; 16 KB leaves room for a 1000-character remark in any
# script, percent-encoded (up to 12 bytes a character).
MAX_BODY_BYTES = 16 * 1024


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""  # "client" or "questionnaire" when refused


def client_key(request: HttpRequest) -> str:
    """A daily pseudonym of the client's address: never the address itself."""
    address = client_ip(request) or "unknown"
    day = timezone.localdate().isoformat()
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{address}|{day}".encode(), hashlib.sha256
    ).hexdigest()
    return digest[:32]


def body_too_large(request: HttpRequest) -> bool:
    """True when the request carries more than the form could ever need.

    Content-Length is checked first, so an honest large request is refused unread. But the
    header may be missing (``Transfer-Encoding: chunked``) or understate the body, so the bytes
    themselves are counted too. Under ASGI Django has the whole body in a temporary file before
    any view runs, and the CSRF check has usually read it into memory already; Django caps that
    read at ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (refusing anything larger), so measuring
    ``request.body`` costs nothing extra. Under WSGI Django reads no more than Content-Length,
    so a chunked body without it arrives empty and is refused as an empty form.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    if length > MAX_BODY_BYTES:
        return True
    try:
        return len(request.body) > MAX_BODY_BYTES
    except RequestDataTooBig:
        return True


def count_answer(request: HttpRequest, questionnaire_id: int) -> Verdict:
    """Count one answer about to be stored; refuse it when a limit is reached.

    The counters go up before the check, so that two answers at the same moment cannot both
    slip under a limit; a refused answer counts too (a bot that keeps trying stays refused).
    """
    per_client = _hit(f"residents:client:{client_key(request)}")
    if per_client > PER_CLIENT:
        return Verdict(False, "client")
    per_questionnaire = _hit(f"residents:questionnaire:{questionnaire_id}")
    if per_questionnaire > PER_QUESTIONNAIRE:
        return Verdict(False, "questionnaire")
    return Verdict(True)


def _hit(key: str) -> int:
    return count_in_window(key, window_seconds=WINDOW_SECONDS)
