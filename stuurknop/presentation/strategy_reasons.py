"""The words of the strategy checks (:mod:`stuurknop.engine.strategy`): where a project departs
from an organisation's positions. :mod:`stuurknop.presentation.reasons` holds them with the
others."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from stuurknop.engine.reasons import Param
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.lists import year_list
from stuurknop.presentation.numbers import euro

Params = Mapping[str, Param]


def money(value: Param) -> str:
    """An amount with its cents only when it has any, so a ceiling of € 50.000,50 is not said
    as € 50.001 beside an amount of € 50.000,75."""
    amount = Decimal(str(value))
    return euro(amount, cents=amount != amount.to_integral_value())


def _knob(p: Params) -> str:
    return f"stuurknop {p['knob']} ({p['name']})"


def _stand(opening: Param) -> str:
    """``tot stand 2``, or the model's word for stand 0 (off)."""
    return load_model().word("opening", 0) if opening == 0 else f"tot stand {opening}"


def _source(p: Params) -> str:
    return f"uit bron {p['source']} ({str(p['source_name']).lower()})"


def _project(p: Params, unprofitable: bool) -> str:
    amount = money(p["amount"])
    what = f"een onrendabele investering van {amount}" if unprofitable else f"{amount} {_source(p)}"
    return (
        f"Dit project vraagt van {p['organisation']} {what}; "
        f"de strategie staat {money(p['ceiling'])} per project toe"
    )


def _year(p: Params, unprofitable: bool) -> str:
    years = p["years"]
    assert isinstance(years, tuple)
    amount = money(p["amount"])
    if len(years) == 1:
        asked = f"{amount} in {years[0]}"
    else:  # the highest of the years over the ceiling
        asked = f"tot {amount} per jaar (in {year_list(years)})"
    what = f"een onrendabele investering van {asked}" if unprofitable else f"{asked} {_source(p)}"
    return (
        f"Dit project vraagt van {p['organisation']} {what}; "
        f"de strategie staat {money(p['ceiling'])} per jaar toe"
    )


TEMPLATES: dict[str, Callable[[Params], str]] = {
    "strategy.knob_further": lambda p: (
        f"{_knob(p)} staat op stand {p['opening']}; de strategie van {p['organisation']} "
        f"gaat {_stand(p['allowed'])}"
    ),
    "strategy.leads_against_role": lambda p: (
        f"{p['organisation']} trekt {_knob(p)}; de strategie zegt: {p['role']}"
    ),
    "strategy.pays_against_role": lambda p: (
        f"{p['organisation']} betaalt mee aan {_knob(p)}; de strategie zegt: {p['role']}"
    ),
    "strategy.does_not_lead": lambda p: (
        f"{_knob(p)} staat aan, maar {p['organisation']} trekt hem niet; "
        f"de strategie zegt: {p['role']}"
    ),
    "strategy.source_not_paid": lambda p: (
        f"Dit project vraagt van {p['organisation']} {money(p['amount'])} {_source(p)}; "
        "volgens de strategie betaalt de organisatie niet uit deze bron"
    ),
    "strategy.source_over_project": lambda p: _project(p, unprofitable=False),
    "strategy.unprofitable_over_project": lambda p: _project(p, unprofitable=True),
    "strategy.source_over_year": lambda p: _year(p, unprofitable=False),
    "strategy.unprofitable_over_year": lambda p: _year(p, unprofitable=True),
    "strategy.partner_missing": lambda p: (
        f"{p['organisation']} doet alleen mee met een {str(p['party_type']).lower()} aan tafel; "
        "die zit er niet"
    ),
    "strategy_compare.both_lead": lambda p: (
        f"{p['first']} en {p['second']} willen allebei stuurknop {p['knob']} trekken"
    ),
    "strategy_compare.nobody_leads": lambda p: (
        f"{p['first']} en {p['second']} laten stuurknop {p['knob']} allebei aan anderen: "
        "wie trekt hem?"
    ),
    "strategy_compare.opening_apart": lambda p: (
        f"{p['first']} gaat {_stand(p['first_opening'])}, {p['second']} "
        f"{_stand(p['second_opening'])}"
    ),
}
