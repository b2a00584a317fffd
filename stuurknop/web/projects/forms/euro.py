"""An amount in euros as people type it in a form."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_AMOUNT = Decimal("100000000")


def parse_euro(text: str) -> Decimal | None:
    """A Dutch amount as people type it: ``12500``, ``12.500``, ``12.500,50`` or ``€ 12500.5``.

    A point followed by exactly three digits groups thousands (``1.500`` is fifteen hundred),
    as in Dutch writing; otherwise a point or a comma separates the cents.
    """
    plain = re.sub(r"[\s\u00a0€]", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?|\d+(,\d{1,2})?", plain):
        plain = plain.replace(".", "").replace(",", ".")
    elif not re.fullmatch(r"\d+\.\d{1,2}", plain):
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the patterns admit digits only
        return None


class EuroField(forms.Field):
    """An amount in euros with at most cents, from 0 to € 100.000.000."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Vul een bedrag in, bijvoorbeeld 12.500 of 12.500,50."),
        "negative": _("Een bedrag kan niet negatief zijn."),
        "too_large": _("Een bedrag mag hoogstens € 100.000.000 zijn."),
    }

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, Decimal):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        if text.lstrip("€ \u00a0").startswith("-"):
            raise ValidationError(self.error_messages["negative"], code="negative")
        amount = parse_euro(text)
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and value > MAX_AMOUNT:
            raise ValidationError(self.error_messages["too_large"], code="too_large")

    def prepare_value(self, value: Any) -> Any:
        # An amount from the database shows the Dutch way; what someone typed stays as typed.
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            amount = Decimal(value)
            whole = amount == amount.to_integral_value()
            return (f"{amount:.0f}" if whole else f"{amount:.2f}").replace(".", ",")
        return value
