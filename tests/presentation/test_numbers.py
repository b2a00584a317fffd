"""People's numbers in Dutch: euros, percentages, decimals, scores and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stuurknop.presentation.numbers import decimal, dutch_date, euro, figure, percent


@pytest.mark.parametrize(
    ("amount", "cents", "expected"),
    [
        (Decimal("0"), False, "€ 0"),
        (Decimal("1234567.5"), False, "€ 1.234.568"),
        (Decimal("1234567.5"), True, "€ 1.234.567,50"),
        (Decimal("-2500"), False, "€ -2.500"),
        (Decimal("999.995"), True, "€ 1.000,00"),
    ],
)
def test_euro_uses_dutch_separators_and_rounds_half_up(amount, cents, expected):
    assert euro(amount, cents=cents) == expected


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [(0.0, "0%"), (0.125, "13%"), (0.135, "14%"), (0.994, "99%"), (1.0, "100%")],
)
def test_percent_rounds_halves_up(fraction, expected):
    assert percent(fraction) == expected


@pytest.mark.parametrize(
    ("number", "expected"), [(0.0, "0,00"), (0.125, "0,13"), (1 / 3, "0,33"), (2.0, "2,00")]
)
def test_decimal_uses_a_comma_and_rounds_halves_up(number, expected):
    assert decimal(number) == expected


@pytest.mark.parametrize(("number", "expected"), [(2.0, "2"), (1.5, "1,5"), (0.25, "0,25")])
def test_figure_is_as_short_as_it_can_be(number, expected):
    assert figure(number) == expected


def test_a_date_is_day_month_in_words_and_year():
    assert dutch_date(dt.date(2025, 11, 3)) == "3 november 2025"
