"""Single sign-on through OpenID Connect: the plugin that turns an identity provider's claims
into a Stuurknop user (mozilla-django-oidc-db; provider and client live in the admin).

A user is found by the ``sub`` claim of the configured provider (:class:`ExternalIdentity`),
never by name or e-mail address. On the first sign-in an account is made, without a usable
password: local accounts keep working beside it. Where the client's options say so, an
organisation claim makes the user a member of the organisations with those short names, and a
roles claim gives or takes staff status. Imported only where single sign-on is available
(PostgreSQL, see ``SINGLE_SIGN_ON`` in the settings).
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from glom import Path, glom
from mozilla_django_oidc_db.models import OIDCClient
from mozilla_django_oidc_db.plugins import AbstractUserOIDCPluginProtocol, BaseOIDCPlugin
from mozilla_django_oidc_db.registry import register

from stuurknop.web.accounts.models import ExternalIdentity, Membership, Organisation
from stuurknop.web.accounts.oidc_callback import OIDC_IDENTIFIER, oidc_callback_finish

logger = logging.getLogger(__name__)

# The admin's form for the client's options (django-jsonform draws it from this schema).
OPTIONS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Stuurknop",
    "properties": {
        "claim_mappings": {
            "type": "object",
            "description": "Pad naar de claim voor elk veld van de gebruiker.",
            "properties": {
                field: {"type": "array", "items": {"type": "string"}}
                for field in ("username", "email", "first_name", "last_name")
            },
        },
        "organisation_claim": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Pad naar de claim met de korte naam (slug) van de organisatie(s).",
        },
        "roles_claim": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Pad naar de claim met de rollen van de gebruiker.",
        },
        "staff_roles": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Rollen die toegang tot het beheer geven (staff).",
        },
    },
}
DEFAULT_CLAIMS = {
    "username": ["preferred_username"],
    "email": ["email"],
    "first_name": ["given_name"],
    "last_name": ["family_name"],
}
_missing = object()


def oidc_client() -> OIDCClient | None:
    """Our client's configuration, when it is enabled and has a provider; else None."""
    client = (
        OIDCClient.objects.select_related("oidc_provider")
        .filter(identifier=OIDC_IDENTIFIER, enabled=True, oidc_provider__isnull=False)
        .first()
    )
    return client


def _claim(claims: dict[str, Any], path: list[str] | None) -> Any:
    return glom(claims, Path(*path), default=_missing) if path else _missing


def _as_list(value: Any) -> list[str]:
    if value is _missing or value is None:
        return []
    values = [value] if isinstance(value, str) else value
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


@register(OIDC_IDENTIFIER)
class StuurknopOIDCPlugin(BaseOIDCPlugin, AbstractUserOIDCPluginProtocol):
    """Users, organisations and staff status from an organisation's identity provider."""

    schema = OPTIONS_SCHEMA

    def get_schema(self) -> dict[str, Any]:
        return OPTIONS_SCHEMA

    def validate_settings(self) -> None:
        if self.get_config().oidc_provider is None:
            raise ImproperlyConfigured("The OIDC client 'stuurknop-oidc' has no provider.")

    def _provider(self) -> str:
        provider = self.get_config().oidc_provider
        assert provider is not None  # validate_settings
        return str(provider.identifier)

    def _options(self) -> dict[str, Any]:
        options = self.get_config().options
        return options if isinstance(options, dict) else {}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        """Only claims with a subject identify someone."""
        return isinstance(claims.get("sub"), str) and bool(claims["sub"])

    def filter_users_by_claims(self, claims: dict[str, Any]) -> models.Manager[User]:
        """The user this provider knows by ``sub`` (at most one, by the unique constraint)."""
        return User.objects.filter(  # type: ignore[return-value]
            external_identities__provider=self._provider(),
            external_identities__subject=claims["sub"],
        )

    @transaction.atomic
    def create_user(self, claims: dict[str, Any]) -> User:
        """A new account for a first sign-in: a free user name, no usable password."""
        wanted = self._mapped(claims, "username") or self._mapped(claims, "email")
        base = (str(wanted or f"sso-{claims['sub']}"))[:140]
        username, n = base, 1
        while User.objects.filter(username__iexact=username).exists():
            n += 1
            username = f"{base}-{n}"
        user = User.objects.create_user(username=username)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        ExternalIdentity.objects.create(user=user, provider=self._provider(), subject=claims["sub"])
        logger.info("Single sign-on: new user %s for a subject of %s", user.pk, self._provider())
        return self.update_user(user, claims)

    def _mapped(self, claims: dict[str, Any], field: str) -> Any:
        mappings = {**DEFAULT_CLAIMS, **self._options().get("claim_mappings", {})}
        value = _claim(claims, mappings.get(field))
        return None if value is _missing else value

    @transaction.atomic
    def update_user(self, user: User, claims: dict[str, Any]) -> User:  # type: ignore[override]
        """Names and address from the claims; organisations and staff status where configured."""
        changed = []
        for field in ("email", "first_name", "last_name"):
            value = self._mapped(claims, field)
            if isinstance(value, str) and getattr(user, field) != value[:150]:
                setattr(user, field, value[:150])
                changed.append(field)
        options = self._options()
        if options.get("roles_claim"):
            roles = set(_as_list(_claim(claims, options["roles_claim"])))
            staff = bool(roles & set(options.get("staff_roles", [])))
            if staff != user.is_staff:
                user.is_staff = staff
                changed.append("is_staff")
        if changed:
            user.save(update_fields=changed)
        if options.get("organisation_claim"):
            slugs = _as_list(_claim(claims, options["organisation_claim"]))
            for organisation in Organisation.objects.filter(slug__in=slugs):
                Membership.objects.get_or_create(user=user, organisation=organisation)
        return user

    def handle_callback(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = oidc_callback_finish(request)
        return response
