"""Reads for organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from stuurknop.web.accounts.models import Organisation


def organisations_for_user(user: User | AnonymousUser) -> QuerySet[Organisation]:
    """The organisations ``user`` works at (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)
