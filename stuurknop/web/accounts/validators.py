"""Checks of values: party types (the model, as data, decides them) and passwords."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stuurknop.gespreksmodel import available_versions, load_model


def party_type_ids() -> frozenset[str]:
    """Every party type any shipped model version knows; an organisation outlives versions."""
    return frozenset(t.id for v in available_versions() for t in load_model(v).party_types)


def validate_party_type(value: str) -> None:
    """Reject a party type the model does not know (the admin and forms call this)."""
    if value not in party_type_ids():
        raise ValidationError(
            _("Onbekend partijtype %(value)s."), code="unknown_party_type", params={"value": value}
        )


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule for passwords, with its message in our words.

    Django 5.2's Dutch catalogue lacks this message, so it would show in English.
    """

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort: gebruik minstens %(min_length)d teken.",
            "Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return ngettext(
            "Je wachtwoord moet minstens %(min_length)d teken lang zijn.",
            "Je wachtwoord moet minstens %(min_length)d tekens lang zijn.",
            self.min_length,
        ) % {"min_length": self.min_length}
