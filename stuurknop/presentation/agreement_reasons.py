"""The words of the agreement's differences (:mod:`stuurknop.engine.agreement`): per party the
money, knobs, actions and hours that changed since an earlier version.
:mod:`stuurknop.presentation.reasons` holds them with the others."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from stuurknop.engine.reasons import Param
from stuurknop.presentation.lists import and_list
from stuurknop.presentation.numbers import dutch_date, euro

Params = Mapping[str, Param]


def _amount(p: Params, name: str = "amount") -> str:
    text = euro(Decimal(str(p[name])))
    return f"{text} per jaar" if p.get("per_year") else f"{text} eenmalig"


def _line(p: Params) -> str:
    return f"'{p['cost']}' (bron {p['source']})"


def _dates(value: Param) -> str:
    dates = value if isinstance(value, tuple) else (value,)
    if not dates:
        return "geen"
    return and_list([dutch_date(dt.date.fromisoformat(str(d))) for d in dates])


def _hours(value: Param) -> str:
    return "niets" if value == -1 else f"{value} uur per jaar"


TEMPLATES: dict[str, Callable[[Params], str]] = {
    "agreement.scenario": lambda p: f"ander scenario: '{p['new']}' in plaats van '{p['old']}'",
    "agreement.period": lambda p: (
        f"looptijd {p['first']}–{p['last']} in plaats van {p['old_first']}–{p['old_last']}"
    ),
    "agreement.party_added": lambda p: f"{p['party']} doet nu mee",
    "agreement.party_removed": lambda p: f"{p['party']} doet niet meer mee",
    "agreement.money_added": lambda p: f"{p['party']} betaalt nu {_amount(p)} voor {_line(p)}",
    "agreement.money_changed": lambda p: (
        f"{p['party']} betaalt {_amount(p)} voor {_line(p)}, was {_amount(p, 'old')}"
    ),
    "agreement.money_terms": lambda p: (
        f"{p['party']}: de jaren of de status van {_line(p)} zijn veranderd"
    ),
    "agreement.money_removed": lambda p: (
        f"{p['party']} betaalt niet meer {_amount(p)} voor {_line(p)}"
    ),
    "agreement.knob_added": lambda p: f"{p['party']} is nu trekker van stuurknop {p['knob']}",
    "agreement.knob_removed": lambda p: (
        f"{p['party']} is geen trekker meer van stuurknop {p['knob']}"
    ),
    "agreement.action_added": lambda p: f"{p['party']} heeft een nieuwe actie: {p['action']}",
    "agreement.action_changed": lambda p: f"{p['party']}: actie '{p['action']}' is veranderd",
    "agreement.action_removed": lambda p: (
        f"{p['party']}: actie '{p['action']}' staat er niet meer in"
    ),
    "agreement.hours": lambda p: f"{p['party']} zet {_hours(p['new'])} in, was {_hours(p['old'])}",
    "agreement.commitment": lambda p: f"{p['party']} beschrijft haar inzet anders",
    "agreement.reviews": lambda p: (
        f"opnieuw bekijken op {_dates(p['new'])}, was {_dates(p['old'])}"
    ),
    "agreement.changes_text": lambda p: "de afspraak over wijzigingen is anders geschreven",
}
