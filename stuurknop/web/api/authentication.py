"""Who calls the API, and how often: a personal token (``Authorization: Bearer sk_…``) or the
browser's session (with Django's CSRF check on writes); a read token only reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from stuurknop.web.api.models import ApiToken
from stuurknop.web.api.tokens import token_authenticated

if TYPE_CHECKING:  # DRF imports this module while its views module is still loading
    from rest_framework.views import APIView

KEYWORDS = (b"bearer", b"token")


class TokenAuthentication(BaseAuthentication):
    """A personal API token in the Authorization header (``Bearer`` or ``Token``)."""

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Geef één API-sleutel na het woord Bearer."))
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Deze API-sleutel is ongeldig.")) from None
        token = token_authenticated(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Deze API-sleutel is ongeldig of ingetrokken."))
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # Makes an unauthenticated call a 401 (with this challenge) rather than a 403.
        return 'Bearer realm="api"'


class TokenScopeAllows(BasePermission):
    """A read-only token may only read; the session and a read-write token may write."""

    message = _("Deze API-sleutel mag alleen lezen; maak een sleutel om te schrijven.")

    def has_permission(self, request: Request, view: APIView) -> bool:
        token = request.auth
        if request.method in SAFE_METHODS or not isinstance(token, ApiToken):
            return True
        return token.may_write


class TokenRateThrottle(SimpleRateThrottle):
    """Calls per token (per user for the session, per address when anonymous), at the rate
    ``STUURKNOP_API_RATE`` (read when asked, so a test or an operator may change it)."""

    scope = "api"

    def get_rate(self) -> str | None:
        return str(settings.STUURKNOP_API_RATE)

    def allow_request(self, request: Request, view: APIView) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str:
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
