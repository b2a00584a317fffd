"""The engine's reasons in Dutch: one template per code (:data:`TEMPLATES`).

A template is a format string over the reason's parameters, with these format specs for
people's numbers: ``euro``, ``euro_cents``, ``percent``, ``decimal`` (two places), ``figure``
(``1,5``, ``2``), ``lower`` (a model name inside a sentence) and ``lower_list``; any other spec
is Python's (``{low:g}``). A reason whose sentence needs a list or a choice has a function instead.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from stuurknop.engine.reasons import Param, Reason
from stuurknop.presentation.actual_reasons import TEMPLATES as ACTUAL_TEMPLATES
from stuurknop.presentation.agreement_reasons import TEMPLATES as AGREEMENT_TEMPLATES
from stuurknop.presentation.indicator_reasons import INDICATOR_TEMPLATES
from stuurknop.presentation.instruments import INSTRUMENT_TEMPLATES
from stuurknop.presentation.lists import and_list as _and_list
from stuurknop.presentation.lists import year_list as year_list
from stuurknop.presentation.numbers import decimal, euro, figure, percent
from stuurknop.presentation.strategy_reasons import TEMPLATES as STRATEGY_TEMPLATES

Params = Mapping[str, Param]
Template = str | Callable[[Params], str]


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "euro":
            return euro(Decimal(value))
        if format_spec == "euro_cents":
            return euro(Decimal(value), cents=True)
        if format_spec == "percent":
            return percent(float(value))
        if format_spec == "decimal":
            return decimal(float(value))
        if format_spec == "figure":
            return figure(float(value))
        if format_spec == "lower":
            return str(value).lower()
        if format_spec == "lower_list":
            return ", ".join(str(v).lower() for v in value)
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def _pairs(p: Params, name: str) -> list[tuple[Any, ...]]:
    value = p[name]
    assert isinstance(value, tuple)
    return [tuple(v) if isinstance(v, tuple) else (v,) for v in value]


def _route_activation(p: Params) -> str:
    parts = " + ".join(f"stuurknop {k} ({o})" for k, o in _pairs(p, "parts"))
    return f"{parts} = {p['achieved']} van {p['maximum']} ({p['knobs']} stuurknoppen × 3)"


def _value_potential(p: Params) -> str:
    routes = _pairs(p, "routes")
    names = ", ".join(f"{name} {decimal(a)}" for name, a in routes)
    return f"gemiddelde van {len(routes)} routes: {names}"


def _party_value_score(p: Params) -> str:
    terms = " + ".join(f"{w} × {decimal(v)} ({name})" for w, v, name in _pairs(p, "terms"))
    return f"{terms} = {decimal(float(str(p['score'])))}"


def _money_cliff(p: Params) -> str:
    year = int(str(p["year"]))
    sources = ", ".join(f"bron {s}" for (s,) in _pairs(p, "sources"))
    return _FORMATTER.format(
        "vanaf {year} stopt {drop:euro} per jaar uit {sources}; "
        "tekort op die kosten {before_year}: {before:euro}, {year}: {after:euro}",
        **{**p, "sources": sources, "before_year": year - 1},
    )


def cliff_list(cliffs: Iterable[tuple[Any, Any]]) -> str:
    """``((30000, 2029), (8000, 2028))`` → ``€ 30.000 per jaar vanaf 2029 en € 8.000 per jaar
    vanaf 2028``: every cliff, in the order given (largest drop first)."""
    return _and_list([f"{euro(Decimal(str(drop)))} per jaar vanaf {year}" for drop, year in cliffs])


def _step_cliff(p: Params) -> str:
    cliffs = _pairs(p, "cliffs")
    if len(cliffs) == 1:
        (drop, year) = cliffs[0]
        return (
            f"Spreek af wie vanaf {year} betaalt: dan stopt {euro(Decimal(str(drop)))} "
            "per jaar aan tijdelijk geld."
        )
    return f"Spreek af wie betaalt als tijdelijk geld stopt: {cliff_list(cliffs)}."


def _money_shortfall(p: Params) -> str:
    years = year_list(y for (y,) in _pairs(p, "years"))
    return _FORMATTER.format(
        "tekort op '{cost}': {amount:euro} dat binnen de looptijd niemand betaalt "
        "(niet gedekt in {years})",
        **{**p, "years": years},
    )


def _money_timing_gap(p: Params) -> str:
    gaps = [int(str(y)) for (y,) in _pairs(p, "years")]
    covered = [int(str(y)) for (y,) in _pairs(p, "covered_years")]
    later = not covered or min(covered) > min(gaps, default=0)
    return _FORMATTER.format(
        "geld komt {when} dan de kosten: '{cost}' mist {amount:euro} in {years}, "
        "{how} in {covered}",
        **{
            **p,
            "when": "later" if later else "eerder",
            "how": "gedekt" if later else "al betaald",
            "years": year_list(gaps),
            "covered": year_list(covered),
        },
    )


_KNOB_MISSING = {"uitwerking": "een uitwerking", "trekker": "een trekker"}
_EVIDENCE_MISSING = {
    "bewijs_vooraf": "nog geen bewijs vooraf",
    "bewijs_binnen": "nog niet al het bewijs vooraf binnen",
    "monitoring": "nog geen monitoring",
}


def _knob_incomplete(p: Params) -> str:
    missing = " en ".join(_KNOB_MISSING[m] for (m,) in _pairs(p, "missing"))
    return f"stuurknop {p['knob']} staat aan maar mist {missing}"


def _value_unproven(p: Params) -> str:
    said = [_EVIDENCE_MISSING[m] for (m,) in _pairs(p, "missing")]
    if said[:1] == ["nog geen bewijs vooraf"] and said[1:] == ["nog geen monitoring"]:
        said = ["nog geen bewijs vooraf", "geen monitoring"]
    return f"waarde {p['value']} heeft {' en '.join(said)}"


def _discuss_knobs(p: Params) -> str:
    knobs = [str(k) for (k,) in _pairs(p, "knobs")]
    if len(knobs) == 1:
        return f"Bespreek stuurknop {knobs[0]}: die is nog niet besproken."
    listed = ", ".join(knobs[:-1]) + f" en {knobs[-1]}"
    return f"Bespreek de stuurknoppen {listed}: die zijn nog niet besproken."


def _residents_score(p: Params) -> str:
    items = _pairs(p, "items")
    parts = ", ".join(f"{label} ({decimal(average)})" for label, average in items)
    average = decimal(float(str(p["average"])))
    if len(items) == 1:
        return f"{average}: het gemiddelde bij {parts}"
    return f"{average}: het gemiddelde van {len(items)} vragen: {parts}"


def _votes_summary(p: Params) -> str:
    count = int(str(p["count"]))
    even = ", het gemiddelde van de twee middelste" if count % 2 == 0 else ""
    return (
        f"{count} {'stem' if count == 1 else 'stemmen'}; "
        f"mediaan {figure(float(str(p['median'])))} (de middelste score{even}); "
        f"spreiding {p['spread']} (van {p['lowest']} tot {p['highest']})"
    )


def _divergence_spread(p: Params) -> str:
    lowest = ", ".join(str(n) for (n,) in _pairs(p, "lowest_parties"))
    highest = ", ".join(str(n) for (n,) in _pairs(p, "highest_parties"))
    return _FORMATTER.format(
        "van {lowest:g} ({lowest_names}) tot {highest:g} ({highest_names}); {views} perspectieven",
        **{**p, "lowest_names": lowest, "highest_names": highest},
    )


# Every code of stuurknop.engine.reasons.CODES, in Dutch, exactly as the product says it.
TEMPLATES: dict[str, Template] = {
    "route.activation": _route_activation,
    "route.idle": "geen van de {knobs} stuurknoppen die via deze route werken staat aan",
    "value.potential": _value_potential,
    "value.no_route": "geen route",
    "party_value.score": _party_value_score,
    "party_value.no_interests": "geen belangen ingevuld",
    "balance.party": (
        "betaalt {paid:euro_cents} van {funded:euro_cents} = {funding_share:percent} van de "
        "financiering; naar waarde: {value_share:percent} van {funded:euro_cents} = "
        "{split:euro_cents}"
    ),
    "balance.pays_more": (
        "{party} betaalt {funding_share:percent} van de financiering en krijgt "
        "{value_share:percent} van de waarde: {points} procentpunten en {difference:euro} meer "
        "dan haar deel (de grens is {margin} procentpunten)"
    ),
    "balance.pays_less": (
        "{party} betaalt {funding_share:percent} van de financiering en krijgt "
        "{value_share:percent} van de waarde: {points} procentpunten en {difference:euro} minder "
        "dan haar deel (de grens is {margin} procentpunten)"
    ),
    "balance.in_line": (
        "{party} betaalt ongeveer haar deel: {funding_share:percent} van de financiering en "
        "{value_share:percent} van de waarde (niet meer dan {margin} procentpunten verschil)"
    ),
    "balance.no_interests": (
        "{party} betaalt {funding_share:percent} van de financiering, maar heeft geen belangen "
        "ingevuld: haar deel van de waarde is onbekend en zij telt niet mee in de verdeling"
    ),
    "balance.own_weighting": (
        "het aandeel van {party} in de waarde hangt af van haar eigen weging: "
        "{value_share:percent}, en {without_own:percent} als haar weging niet meetelt"
    ),
    "money.cliff": _money_cliff,
    "money.shortfall": _money_shortfall,
    "money.timing_gap": _money_timing_gap,
    **ACTUAL_TEMPLATES,
    **AGREEMENT_TEMPLATES,
    **STRATEGY_TEMPLATES,
    "check.funding_line": "{party} betaalt {amount:euro} uit bron {source} voor '{cost}'",
    "check.knob_on_other_not": (
        "stuurknop {knob} staat aan (stand {opening}), stuurknop {other} niet"
    ),
    "check.recurring_on_temporary": (
        "'{cost}' is structureel, maar wordt tot het einde betaald uit tijdelijke bron "
        "{source}: is dat geld echt zo lang toegezegd?"
    ),
    "check.knob_on_without_cost": "stuurknop {knob} staat aan (stand {opening}) zonder kostenpost",
    "check.knob_on_other_off": "stuurknop {knob} staat aan; stuurknop {other} staat uit",
    "check.knob_on_other_undiscussed": (
        "stuurknop {knob} staat aan; stuurknop {other} is nog niet besproken"
    ),
    "check.no_residents": "geen partij van het type bewoners aan tafel en geen bewonersinbreng",
    "check.source_not_for_party": (
        "{party} ({party_type:lower}) betaalt uit bron {source}; "
        "het model noemt daarvoor: {payer_types:lower_list}"
    ),
    "check.pays_more_than_gains": (
        "{party} betaalt {funding_share:percent} van de financiering en krijgt "
        "{value_share:percent} van de waarde: {points} procentpunten en {difference:euro} meer "
        "dan haar deel"
    ),
    "check.knob_open_without_costs": "stuurknop {knob} ({name}) staat op stand {opening}",
    "checklist.knob_discussed": "Stuurknop {knob}: {name} besproken",
    "checklist.knob_elaborated": "Stuurknop {knob}: uitwerking en trekker",
    "checklist.cost_funded": "Dekking: {cost}",
    "checklist.cost_on_time": "Op tijd gedekt: {cost}",
    "checklist.payer_at_table": "{party} zit aan tafel",
    "checklist.value_reached": "Waarde {value} via een actieve route",
    "checklist.value_evidence": "Waarde {value}: bewijs en monitoring",
    "checklist.knob_not_discussed": "stuurknop {knob} ({name}) is nog niet besproken",
    "checklist.knob_incomplete": _knob_incomplete,
    "checklist.cost_uncovered": (
        "kostenpost '{cost}' heeft {amount:euro} zonder dekking (vanaf {year})"
    ),
    "checklist.payer_not_at_table": "{party} betaalt mee maar zit niet aan tafel: uitnodigen?",
    "checklist.value_unreached": (
        "waarde {value} wordt beoogd, maar geen actieve route leidt erheen"
    ),
    "checklist.value_unproven": _value_unproven,
    "step.discuss_knobs": _discuss_knobs,
    "step.discuss_knobs.why": "Zet elke stuurknop aan of bewust uit, zodat niets vergeten wordt.",
    "step.check": "{title}.",
    "step.find_money": "Zoek geld voor {amount:euro} aan kosten zonder dekking.",
    "step.find_money.why": "Het grootste tekort: '{cost}' ({amount:euro}).",
    "step.cliff": _step_cliff,
    "step.invite": "Nodig {party} uit aan tafel: deze partij betaalt mee.",
    "step.invite.why": "Wie meebetaalt, hoort mee te beslissen.",
    "step.finish_knob": "Maak stuurknop {knob} af.",
    "step.state_interests": "Vul per partij in welke waarden voor haar tellen.",
    "step.state_interests.why": (
        "Dan is te zien voor wie de waarde ontstaat en wie wat zou kunnen betalen."
    ),
    "step.open_route": "Zet een stuurknop aan die naar deze waarde leidt.",
    "residents.score": _residents_score,
    "votes.none": "nog geen stemmen",
    "votes.summary": _votes_summary,
    "divergence.spread": _divergence_spread,
    **INDICATOR_TEMPLATES,
    **INSTRUMENT_TEMPLATES,
}


def text(reason: Reason | None) -> str:
    """The reason as the product says it (lower case when it follows a label); ``""`` for None."""
    if reason is None:
        return ""
    template = TEMPLATES[reason.code]
    if isinstance(template, str):
        return _FORMATTER.format(template, **reason.params)
    return template(reason.params)


def texts(reasons: Iterable[Reason]) -> tuple[str, ...]:
    """:func:`text` of each reason."""
    return tuple(text(r) for r in reasons)


def capitalised(reason: Reason | None) -> str:
    """The reason with a capital first letter, as the first words of a line."""
    said = text(reason).strip()
    return said[:1].upper() + said[1:]


def sentence(reason: Reason | None) -> str:
    """The reason standing alone: a capital first letter and a full stop; ``""`` for None."""
    said = capitalised(reason)
    if not said:
        return ""
    return said if said.endswith((".", "?", "!", ":")) else said + "."
