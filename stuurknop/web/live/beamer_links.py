"""The beamer link: a secret address that shows one session's beamer screen on another
machine, without signing in there.

The facilitator makes it on the control page and types or pastes it on the beamer's
computer. The token is 20 characters from the join code's alphabet (about 99 bits: far too
many to guess, yet typeable from a phone's screen, in groups of four), shown once; only its
SHA-256 hash is stored, as for participants and invitations. Making a new link or revoking
it kills the old one at once (its open screens are told, see ``beamer_socket.py``); a closed
session's link shows "no longer valid". The link is read-only: it opens the beamer screen,
its polling state and its socket, and nothing else (every other endpoint asks for a
signed-in facilitator or a participant's cookie).
"""

from __future__ import annotations

import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.web.live.codes import ALPHABET, token_hash
from stuurknop.web.live.guards import LiveError, require_beheerder
from stuurknop.web.live.models import LiveSession
from stuurknop.web.projects.services.log import log_append

TOKEN_LENGTH = 20
GROUP = 4  # shown as ABCD-EFGH-JKMN-PQRS-TUVW


def new_beamer_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(TOKEN_LENGTH))


def shown_token(token: str) -> str:
    """The token as people read and type it: groups of four, joined by dashes."""
    return "-".join(token[i : i + GROUP] for i in range(0, len(token), GROUP))


def normalise_beamer_token(text: str) -> str:
    """What was typed or pasted, as a token is made: upper case, no dashes or spaces."""
    return "".join(ch for ch in text[:80].upper() if ch not in " -")


def session_by_beamer_token(text: str | None) -> LiveSession | None:
    """The session whose beamer link holds ``text`` (open or closed); None for anything else
    (a revoked or replaced link, another string)."""
    token = normalise_beamer_token(text or "")
    if len(token) != TOKEN_LENGTH or any(ch not in ALPHABET for ch in token):
        return None
    return (
        LiveSession.objects.select_related("project")
        .filter(beamer_token_hash=token_hash(token))
        .first()
    )


@transaction.atomic
def beamer_link_make(*, session: LiveSession, by: User) -> str:
    """A new beamer link for the open ``session`` (an earlier one stops working); its token,
    which is not stored and cannot be shown again."""
    require_beheerder(by, session.project)
    row = LiveSession.objects.select_for_update().get(pk=session.pk)
    if row.closed_at is not None:
        raise LiveError("closed", _("Deze sessie is gesloten. Een beamerlink maken kan niet meer."))
    token = new_beamer_token()
    now = timezone.now()
    LiveSession.objects.filter(pk=row.pk).update(
        beamer_token_hash=token_hash(token), beamer_link_at=now
    )
    session.beamer_token_hash, session.beamer_link_at = token_hash(token), now
    renewed = " (de vorige werkt niet meer)" if row.beamer_token_hash else ""
    log_append(
        project=session.project,
        by=by,
        what=f"Beamerlink gemaakt voor live sessie {row.name}{renewed}",
    )
    return token


@transaction.atomic
def beamer_link_revoke(*, session: LiveSession, by: User) -> bool:
    """Stop ``session``'s beamer link; whether there was one."""
    require_beheerder(by, session.project)
    revoked = (
        LiveSession.objects.filter(pk=session.pk)
        .exclude(beamer_token_hash="")
        .update(beamer_token_hash="", beamer_link_at=None)
    )
    session.beamer_token_hash, session.beamer_link_at = "", None
    if revoked:
        log_append(
            project=session.project,
            by=by,
            what=f"Beamerlink ingetrokken voor live sessie {session.name}",
        )
    return bool(revoked)
