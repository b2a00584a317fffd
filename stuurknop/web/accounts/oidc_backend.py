"""The authentication backend of single sign-on, stricter than the library's about the token.

mozilla-django-oidc checks an ID token's signature and nonce but not its audience (it decodes
with ``verify_aud`` off): a token the same provider made for another application would be
taken. OpenID Connect Core 1.0 §3.1.3.7 requires the client to reject a token whose ``aud``
does not contain its client id, and, with several audiences, whose ``azp`` is not its client id.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc_db.backends import OIDCAuthenticationBackend


class StuurknopOIDCBackend(OIDCAuthenticationBackend):
    """The library's backend (configuration from the admin) plus the audience check."""

    def get_payload_data(self, token: bytes | str, key: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().get_payload_data(token, key)
        refuse_foreign_audience(payload, client_id=self.OIDC_RP_CLIENT_ID)
        return payload


def refuse_foreign_audience(payload: dict[str, Any], *, client_id: str) -> None:
    """Raise :class:`SuspiciousOperation` unless the token was made for ``client_id``."""
    audience = payload.get("aud")
    audiences = [audience] if isinstance(audience, str) else list(audience or [])
    if client_id not in audiences:
        raise SuspiciousOperation(f"ID token audience {audiences!r} is not this client.")
    if len(audiences) > 1 and payload.get("azp") != client_id:
        raise SuspiciousOperation("ID token with several audiences names another party (azp).")
