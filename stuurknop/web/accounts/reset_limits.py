"""Limits on password reset requests: per e-mail address and per client, in the shared cache.

Without them anyone could send a colleague thirty reset mails a second, or spray mail to a
list of addresses from one machine.

- Per e-mail address, ``PER_EMAIL`` an hour: enough for a slow mailbox or a typo, too few to
  flood an inbox. Over it the visitor gets the usual "if the address is known, a mail is on its
  way" page and no mail is sent. A visible refusal here would be an oracle: the count runs
  for every address typed, known or not, but a 429 would still tell an attacker that someone
  asked for this address within the hour, which hints that it has an account and its owner is
  active. The trade-off: someone who keeps asking for a victim's address can hold back the
  victim's own reset mails for as long as they keep at it; the victim then asks the beheerder,
  and the attacker gained nothing else.
- Per client (:func:`~stuurknop.web.accounts.throttle.client_ip`), ``PER_CLIENT`` an hour: an
  office behind one address fits with room to spare, a script does not. Over it the visitor
  sees a Dutch 429 page. That reveals nothing about any address: it is about the client's own
  requests, which the client knows already.

The counts are kept under an HMAC of the address or e-mail address, keyed with the site's
secret, so the cache never holds either (as the residents' limits do).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from stuurknop.web.accounts.throttle import client_ip, count_in_window

WINDOW_SECONDS = 60 * 60
PER_EMAIL = 3
PER_CLIENT = 10


@dataclass(frozen=True)
class Verdict:
    send: bool  # False: send no mail
    client_refused: bool = False  # True: answer with the 429 page


def reset_request_count(request: HttpRequest, email: str) -> Verdict:
    """Count one reset request for ``email`` from this client, and say what to do with it.

    The client is counted first; a refused client's requests do not count against the
    address, so a script that was stopped cannot use up its victims' allowance as well.
    Counting costs the same whether or not the address has an account.
    """
    if _count("client", client_ip(request) or "unknown") > PER_CLIENT:
        return Verdict(send=False, client_refused=True)
    if _count("email", _normalised(email)) > PER_EMAIL:
        return Verdict(send=False)
    return Verdict(send=True)


def _normalised(email: str) -> str:
    # As Django's reset form compares addresses: ANNA@example.org is anna@example.org.
    return unicodedata.normalize("NFKC", email.strip()).casefold()


def _count(kind: str, value: str) -> int:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"password-reset|{kind}|{value}".encode(), hashlib.sha256
    ).hexdigest()
    return count_in_window(f"password-reset:{kind}:{digest[:32]}", window_seconds=WINDOW_SECONDS)
