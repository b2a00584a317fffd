"""The engine's reasons in a template, said as :mod:`stuurknop.presentation.reasons` says them."""

from __future__ import annotations

from django import template

from stuurknop.engine.reasons import Reason
from stuurknop.presentation import reasons

register = template.Library()


@register.filter
def reason_text(reason: Reason | None) -> str:
    """The reason as it follows a label (``stuurknop 5 staat aan …``); empty for none."""
    return reasons.text(reason)


@register.filter
def reason_sentence(reason: Reason | None) -> str:
    """The reason standing alone: a capital and a full stop; empty for none."""
    return reasons.sentence(reason)


@register.filter
def reason_capitalised(reason: Reason | None) -> str:
    """The reason with a capital first letter, as the start of a list item."""
    return reasons.capitalised(reason)
