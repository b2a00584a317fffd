"""Dates and times as people read them: Dutch, always (``6 december 2026``, ``14:05``).

The one way a page writes a date: these filters hand the value to
:mod:`stuurknop.presentation.numbers`, after turning an aware datetime into local time. The
dates stay Dutch in the English shell too: they sit in the project's Dutch content.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from stuurknop.presentation import numbers

register = template.Library()


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


@register.filter
def dutch_date(value: dt.date | None) -> str:
    """``6 december 2026``; a datetime gives its local date; empty for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return numbers.dutch_date(value)


@register.filter
def dutch_datetime(value: dt.datetime | None) -> str:
    """``6 december 2026, 14:05`` in local time; empty for none."""
    if value is None or value == "":
        return ""
    return numbers.dutch_datetime(_local(value))


@register.filter
def dutch_time(value: dt.datetime | None) -> str:
    """``14:05`` in local time; empty for none."""
    if value is None or value == "":
        return ""
    return numbers.dutch_time(_local(value))
