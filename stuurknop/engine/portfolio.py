"""One project in the few figures a portfolio sets side by side (the model's fourth use).

An organisation's portfolio looks across many projects at once, so it cannot run the whole
analysis of each on every page view. This summary is what it needs of one scenario, derived
once per project revision and stored (see ``stuurknop.web.portfolio``):

- the knob grid: per knob ``.`` not discussed, ``0`` deliberately off, ``1``–``3`` on and how far;
- the money: per paying party, source, year and whether committed (status toegezegd), the sum
  the funding lines pay in that year of the horizon (the terms of :mod:`money_terms`);
- the cliffs of :func:`money.money_over_time` (the year temporary money stops, and how much);
- the funding constructions: which knob's cost is paid from which source;
- the indicators: how many are on track, behind, off track or without data, and which aimed
  values *appear*: at least one indicator with data, and all with data on track.

Indicator states depend on a date. A stored summary must not change by itself overnight, so
they are taken as of the project's own latest measurement (the rule of :mod:`indicators`): the
state the measurements reached, not a guess at today's.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.indicators import IndicatorState, monitoring
from stuurknop.engine.money import money_over_time
from stuurknop.engine.money_terms import funding_years
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import FundingStatus, KnobStatus, ProjectDocument, Scenario

KNOB_COUNT = 10
NOT_DISCUSSED = "."
OFF = "0"


@dataclass(frozen=True)
class MoneyCell:
    party: str  # the paying party's id
    source: str  # I–X
    year: int
    committed: bool  # status toegezegd; else still open (idee, in gesprek)
    amount: Decimal


@dataclass(frozen=True)
class CliffSummary:
    year: int  # the first year without the temporary money
    drop: Decimal  # temporary money that stops that year
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ProjectSummary:
    scenario: str
    knobs: str  # one character per knob 1–10 (see the module's docstring)
    money: tuple[MoneyCell, ...]
    cliffs: tuple[CliffSummary, ...]
    constructions: tuple[tuple[int, str], ...]  # (knob, source) pairs, sorted, once each
    indicators: dict[str, int]  # per IndicatorState value: how many indicators
    values_appearing: tuple[str, ...]
    interests: dict[str, dict[str, int]]  # per party: how much each value matters (0–3)


def knob_code(scenario: Scenario) -> str:
    """The knob grid of ``scenario`` as ten characters (``.``, ``0``, ``1``–``3``)."""
    codes = [NOT_DISCUSSED] * KNOB_COUNT
    for setting in scenario.knobs:
        if setting.status is KnobStatus.UIT:
            codes[setting.knob - 1] = OFF
        elif setting.status is KnobStatus.AAN:
            codes[setting.knob - 1] = str(setting.opening or 1)
    return "".join(codes)


def _money(doc: ProjectDocument, scenario: Scenario) -> tuple[MoneyCell, ...]:
    horizon = doc.project.years
    costs = {c.id: c for c in scenario.costs}
    sums: dict[tuple[str, str, int, bool], Decimal] = defaultdict(Decimal)
    for line in scenario.funding:
        committed = line.status is FundingStatus.TOEGEZEGD
        for year in funding_years(line, costs[line.cost_item], horizon):
            if year in horizon:
                sums[(line.party, line.source, year, committed)] += line.amount
    return tuple(MoneyCell(*key, amount=amount) for key, amount in sorted(sums.items()))


def _as_of(scenario: Scenario) -> dt.date | None:
    dates = [m.date for plan in scenario.evidence for i in plan.indicators for m in i.measurements]
    return max(dates) if dates else None


def project_summary(model: Model, doc: ProjectDocument, scenario: Scenario) -> ProjectSummary:
    """The portfolio's figures of ``scenario`` (normally the chosen one) of ``doc``."""
    money = money_over_time(model, doc, scenario)
    costs = {c.id: c for c in scenario.costs}
    constructions = sorted({(costs[f.cost_item].knob, f.source) for f in scenario.funding})
    counts = {state.value: 0 for state in IndicatorState}
    appearing: list[str] = []
    as_of = _as_of(scenario)
    if as_of is not None:
        for value in monitoring(scenario.evidence, as_of):
            for status in value.statuses:
                counts[status.state.value] += 1
            measured = [s for s in value.statuses if s.state is not IndicatorState.GEEN_GEGEVENS]
            if measured and all(s.state is IndicatorState.OP_KOERS for s in measured):
                appearing.append(value.value)
    else:
        counts[IndicatorState.GEEN_GEGEVENS.value] = sum(
            len(plan.indicators) for plan in scenario.evidence
        )
    return ProjectSummary(
        scenario=scenario.name,
        knobs=knob_code(scenario),
        money=_money(doc, scenario),
        cliffs=tuple(
            CliffSummary(
                year=c.year,
                drop=c.drop,
                sources=tuple(
                    sorted({f.source for f in scenario.funding if f.id in c.funding_lines})
                ),
            )
            for c in money.cliffs
        ),
        constructions=tuple(constructions),
        indicators=counts,
        values_appearing=tuple(appearing),
        interests=_interests(scenario),
    )


def _interests(scenario: Scenario) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for interest in scenario.interests:
        found[interest.party][interest.value] = interest.weight
    return dict(found)
