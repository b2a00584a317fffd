"""How the printed documents (worksheets, poster) write an amount."""

from __future__ import annotations

from decimal import Decimal

from stuurknop.presentation.numbers import euro


def money(amount: Decimal) -> str:
    """Whole euros without cents (``€ 20.000``), else with them (``€ 12.500,50``)."""
    return euro(amount, cents=amount != amount.to_integral_value())
