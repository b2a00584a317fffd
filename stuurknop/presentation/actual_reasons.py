"""The words of the reasons of realised money (:mod:`stuurknop.engine.actuals`): spent more or
less than planned, money received late, less, more or not at all, and each planned stop of
temporary money as it went. :mod:`stuurknop.presentation.reasons` holds them with the others."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from stuurknop.engine.reasons import Param
from stuurknop.presentation.lists import and_list, year_list
from stuurknop.presentation.numbers import euro

Params = Mapping[str, Param]


def _euro(p: Params, name: str) -> str:
    return euro(Decimal(str(p[name])))


def _years(p: Params, name: str = "years") -> str:
    value = p[name]
    return year_list(value if isinstance(value, tuple) else (value,))


def _sources(p: Params) -> str:
    value = p["sources"]
    numerals = value if isinstance(value, tuple) else (value,)
    return "bron " + and_list([str(n) for n in numerals])


def _line(p: Params) -> str:
    return f"{p['party']} (bron {p['source']}) voor '{p['cost']}'"


def _overspent(p: Params) -> str:
    return f"'{p['cost']}': {_euro(p, 'amount')} meer uitgegeven dan gepland in {_years(p)}"


def _underspent(p: Params) -> str:
    return f"'{p['cost']}': {_euro(p, 'amount')} minder uitgegeven dan gepland in {_years(p)}"


def _late(p: Params) -> str:
    return (
        f"{_line(p)}: {_euro(p, 'amount')} kwam later binnen dan gepland "
        f"(gepland in {_years(p)}, ontvangen in {_years(p, 'received_years')})"
    )


def _not_received(p: Params) -> str:
    return f"{_line(p)}: {_euro(p, 'amount')} niet ontvangen in {_years(p)}"


def _less(p: Params) -> str:
    return f"{_line(p)}: {_euro(p, 'amount')} minder ontvangen dan gepland in {_years(p)}"


def _more(p: Params) -> str:
    return f"{_line(p)}: {_euro(p, 'amount')} meer ontvangen dan gepland in {_years(p)}"


def _cliff_pending(p: Params) -> str:
    return (
        f"vanaf {p['year']} stopt volgens plan {_euro(p, 'drop')} per jaar uit {_sources(p)}; "
        "dat jaar is nog niet gerealiseerd"
    )


def _after(p: Params) -> str:
    """The realised years from the stop on: ``2024–2025``, ``2024``."""
    first, last = int(str(p["year"])), int(str(p["through"]))
    return str(first) if first == last else f"{first}–{last}"


def _cliff_continued(p: Params) -> str:
    return (
        f"het tijdelijke geld uit {_sources(p)} stopte niet in {p['year']} zoals gepland: "
        f"in {_after(p)} kwam er nog {_euro(p, 'amount')} binnen"
    )


def _takers(p: Params) -> str:
    value = p["takers"]
    assert isinstance(value, tuple)
    parts: list[Any] = [t for t in value if isinstance(t, tuple)]
    return and_list(
        [f"{name} (bron {source}, {euro(Decimal(str(a)))})" for name, source, a in parts]
    )


def _uncovered(p: Params) -> str:
    amount = Decimal(str(p["uncovered"]))
    return f"; {euro(amount)} van de uitgaven bleef ongedekt" if amount else ""


def _cliff_taken_over(p: Params) -> str:
    return (
        f"het tijdelijke geld uit {_sources(p)} ({_euro(p, 'drop')} per jaar) stopte in "
        f"{p['year']} zoals gepland; in {_after(p)} betaalde {_takers(p)}{_uncovered(p)}"
    )


def _cliff_gap(p: Params) -> str:
    return (
        f"het tijdelijke geld uit {_sources(p)} ({_euro(p, 'drop')} per jaar) stopte in "
        f"{p['year']} en in {_after(p)} nam niemand het over{_uncovered(p)}"
    )


TEMPLATES: Mapping[str, Callable[[Params], str]] = {
    "actual.overspent": _overspent,
    "actual.underspent": _underspent,
    "actual.received_late": _late,
    "actual.not_received": _not_received,
    "actual.received_less": _less,
    "actual.received_more": _more,
    "actual.cliff_pending": _cliff_pending,
    "actual.cliff_continued": _cliff_continued,
    "actual.cliff_taken_over": _cliff_taken_over,
    "actual.cliff_gap": _cliff_gap,
}
