"""URLs by name, with only the arguments each route needs.

A test names the page it visits and the values it has (``project_id``, ``scenario_id``,
``knob`` …), and the route takes what it needs. A page whose route is gone fails the test.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, get_resolver, reverse


def route_params(name: str) -> list[str] | None:
    """The keyword arguments of the route ``name``, or None when no such route exists."""
    possibilities = get_resolver().reverse_dict.getlist(name)
    if not possibilities:
        return None
    bits = possibilities[0][0]
    return list(bits[0][1])


def url_of(name: str, **values: Any) -> str:
    """The path of route ``name`` with the values it needs."""
    params = route_params(name)
    if params is None:
        raise AssertionError(f"page {name!r} has no route")
    missing = [p for p in params if p not in values]
    if missing:
        raise AssertionError(f"route {name!r} needs {missing}, the test gave {sorted(values)}")
    try:
        return reverse(name, kwargs={p: values[p] for p in params})
    except NoReverseMatch as exc:  # pragma: no cover - a value of the wrong form
        raise AssertionError(f"route {name!r}: {exc}") from None
