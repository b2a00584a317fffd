"""Checks of values that the model (as data) decides, not the database."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from stuurknop.model import available_versions, load_model


def party_type_ids() -> frozenset[str]:
    """Every party type any shipped model version knows; an organisation outlives versions."""
    return frozenset(t.id for v in available_versions() for t in load_model(v).party_types)


def validate_party_type(value: str) -> None:
    """Reject a party type the model does not know (the admin and forms call this)."""
    if value not in party_type_ids():
        raise ValidationError(
            _("Onbekend partijtype %(value)s."), code="unknown_party_type", params={"value": value}
        )
