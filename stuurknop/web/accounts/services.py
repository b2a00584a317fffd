"""Writes for organisations and memberships."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify

from stuurknop.web.accounts.models import Membership, Organisation


@transaction.atomic
def organisation_create(*, name: str, party_type: str, slug: str = "") -> Organisation:
    """A new organisation; the party type must be one the model knows."""
    organisation = Organisation(
        name=name.strip(), party_type=party_type, slug=slug or _free_slug(name)
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def membership_add(*, user: User, organisation: Organisation) -> Membership:
    """Record that ``user`` works at ``organisation`` (idempotent)."""
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation)
    return membership


def _free_slug(name: str) -> str:
    base = slugify(name)[:50] or "organisatie"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
