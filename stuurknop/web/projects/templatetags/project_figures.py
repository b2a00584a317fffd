"""Figures as people read them: Dutch euros and whole percentages, as the engine writes them."""

from __future__ import annotations

from decimal import Decimal

from django import template

from stuurknop.presentation.numbers import euro as engine_euro
from stuurknop.presentation.numbers import percent as engine_percent

register = template.Library()


@register.filter
def euro(amount: Decimal | int | None) -> str:
    """``Decimal('12345.5')`` → ``€ 12.346``; empty for no amount."""
    return "" if amount is None else engine_euro(Decimal(amount))


@register.filter
def percent(fraction: float | None) -> str:
    """``0.456`` → ``46%``; empty for no figure."""
    return "" if fraction is None else engine_percent(fraction)
