"""Create, revoke and recognise personal API tokens (the writes and reads of :mod:`.models`)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from stuurknop.web.api.models import ApiToken, TokenScope

TOKEN_PREFIX = "sk_"
PREFIX_SHOWN = 10  # "sk_" and seven characters of the secret
# Writing "last used" on every request would make each read a write; a minute is precise enough.
LAST_USED_EVERY = timedelta(minutes=1)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token of ``user``; returns it and its secret, which is shown once and not kept."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100],
        prefix=raw[:PREFIX_SHOWN],
        digest=_digest(raw),
        scope=TokenScope(scope).value,
    )
    return token, raw


def token_revoke(*, token: ApiToken, by: User) -> None:
    """Revoke ``token`` (only its owner can); it stops working at once."""
    if token.user_id != by.pk:
        raise ApiToken.DoesNotExist()
    ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=timezone.now())


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """``user``'s tokens, the revoked ones included (they show when it stopped)."""
    return ApiToken.objects.filter(user=user)


def token_authenticated(raw: str) -> ApiToken | None:
    """The live token whose secret is ``raw`` (of an active user), its use noted; else None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
