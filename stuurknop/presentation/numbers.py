"""Numbers and dates written for people, Dutch style: the one place they are formatted."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def euro(amount: Decimal, cents: bool = False) -> str:
    """``Decimal('12345.5')`` → ``€ 12.345`` (or ``€ 12.345,50`` with cents), Dutch style."""
    quantum = Decimal("0.01") if cents else Decimal(1)
    rounded = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):,.{2 if cents else 0}f}"
    return f"€ {sign}" + text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction: float) -> str:
    """``0.456`` → ``46%``; halves round up (12.5% → 13%), as people expect."""
    whole = Decimal(repr(fraction * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{whole}%"


def decimal(number: float, places: int = 2) -> str:
    """``0.125`` → ``0,13``: a fraction or score with a Dutch decimal comma."""
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{rounded}".replace(".", ",")


def figure(number: float) -> str:
    """``1.5`` → ``1,5``, ``2.0`` → ``2``: a score as short as it can be, decimal comma."""
    return f"{number:g}".replace(".", ",")


def dutch_date(day: dt.date) -> str:
    """``2025-11-03`` → ``3 november 2025`` (a datetime: its date)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dutch_time(moment: dt.datetime | dt.time) -> str:
    """``14:05``: hours and minutes, 24-hour clock."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def dutch_datetime(moment: dt.datetime) -> str:
    """``2026-12-06 14:05`` → ``6 december 2026, 14:05``, in the moment's own time zone (the
    caller converts to local time)."""
    return f"{dutch_date(moment)}, {dutch_time(moment)}"


def measured(number: Decimal) -> str:
    """``Decimal('1234.50')`` → ``1.234,5``: a measured figure, at most two decimals, no zeros
    at its end, thousands with a dot."""
    rounded = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    text = f"{abs(rounded):,f}"
    sign = "-" if rounded < 0 else ""
    return sign + text.replace(",", "_").replace(".", ",").replace("_", ".")
