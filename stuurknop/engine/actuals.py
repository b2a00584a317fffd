"""Realised money against the plan: per year, per cost item, per funding line, per party and
per source, what was planned and what was actually spent or received, with the reasons for
the differences; and the realised cliffs (:mod:`stuurknop.engine.actual_cliffs`).

The plan is the scenario's money per year as :mod:`stuurknop.engine.money` counts it (the terms
of :mod:`stuurknop.engine.money_terms`: a cost item needs its amount in the years it runs, a
funding line pays in the years it runs). The actuals are the scenario's ``actuals``.

The rule for what is realised: the years up to and including the last year with any recorded
amount (``through``) are realised; in those years a cost item or funding line without a recorded
amount counts as 0 (nothing spent, nothing received). Later years are not realised yet and are
compared with nothing. All sums are exact: integer cents, returned as ``Decimal``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.actual_cliffs import RealisedCliff, realised_cliffs
from stuurknop.engine.money_items import cents, euros
from stuurknop.engine.money_terms import UNASSIGNED, cost_party, cost_years, funding_years
from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario

Cents = list[int]


@dataclass(frozen=True)
class YearFigure:
    year: int
    planned: Decimal
    actual: Decimal | None  # None: the year is not realised yet

    @property
    def difference(self) -> Decimal | None:
        """actual − planned: above 0 more, below 0 less than planned."""
        return None if self.actual is None else self.actual - self.planned


@dataclass(frozen=True)
class Track:
    """One thing planned against actual over the years of the horizon."""

    years: tuple[YearFigure, ...]
    planned: Decimal  # over the whole horizon
    planned_to_date: Decimal  # over the realised years
    actual: Decimal  # over the realised years

    @property
    def difference(self) -> Decimal:
        """actual − planned over the realised years."""
        return self.actual - self.planned_to_date


@dataclass(frozen=True)
class CostActual:
    cost_item: str
    description: str
    knob: int
    party: str  # who carries the cost (money_terms.cost_party)
    spent: Track
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class FundingActual:
    funding_line: str
    cost_item: str
    party: str  # who pays
    source: str
    received: Track
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class PartyActual:
    party: str  # id, or UNASSIGNED
    name: str
    costs: Track  # the costs of the items this party carries: planned and spent
    paid: Track  # what this party pays: planned and received from it


@dataclass(frozen=True)
class SourceActual:
    source: str
    temporary: bool
    received: Track


@dataclass(frozen=True)
class Realised:
    through: int | None  # the last realised year; None: nothing recorded yet
    costs: Track  # all cost items: planned and spent
    funding: Track  # all funding lines: planned and received
    cost_items: tuple[CostActual, ...]
    funding_lines: tuple[FundingActual, ...]
    parties: tuple[PartyActual, ...]
    sources: tuple[SourceActual, ...]
    cliffs: tuple[RealisedCliff, ...]

    @property
    def realised_years(self) -> tuple[int, ...]:
        return tuple(y.year for y in self.costs.years if y.actual is not None)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every difference explained: cost items, then funding lines, then the cliffs."""
        return (
            *(r for c in self.cost_items for r in c.reasons),
            *(r for f in self.funding_lines for r in f.reasons),
            *(c.reason for c in self.cliffs),
        )


def realised(model: Model, doc: ProjectDocument, scenario: Scenario) -> Realised:
    """The scenario's money planned against its actuals."""
    horizon = doc.project.years
    first, span = horizon.start, len(horizon)
    names = {p.id: p.name for p in doc.parties} | {UNASSIGNED: "Nog geen partij"}
    temporary = {s.numeral for s in model.sources if s.temporary}
    recorded = [a for a in scenario.actuals if a.year in horizon]
    through = max((a.year for a in recorded), default=None)
    done = 0 if through is None else through - first + 1  # realised years from the start
    spent: dict[str, Cents] = defaultdict(lambda: [0] * span)
    received: dict[str, Cents] = defaultdict(lambda: [0] * span)
    for row in recorded:
        into = spent if row.cost_item is not None else received
        into[row.ref][row.year - first] += cents(row.amount)

    def track(planned: Cents, actual: Cents) -> Track:
        return _track(horizon, done, planned, actual)

    costs = {c.id: c for c in scenario.costs}
    cost_rows, line_rows = [], []
    total_plan, total_spent = [0] * span, [0] * span
    fund_plan, fund_received = [0] * span, [0] * span
    party_cost: dict[str, tuple[Cents, Cents]] = {}
    party_paid: dict[str, tuple[Cents, Cents]] = {}
    source_money: dict[str, tuple[Cents, Cents]] = {}
    for cost in scenario.costs:
        plan = _per_year(cost_years(cost, horizon), first, span, cents(cost.amount))
        actual = spent[cost.id]
        owner = cost_party(cost, scenario)
        _add(party_cost, owner, plan, actual, span)
        _add_into(total_plan, total_spent, plan, actual)
        cost_rows.append(
            CostActual(
                cost.id,
                cost.description,
                cost.knob,
                owner,
                track(plan, actual),
                _cost_reasons(cost.description, first, done, plan, actual),
            )
        )
    for line in scenario.funding:
        item = costs[line.cost_item]
        plan = _per_year(funding_years(line, item, horizon), first, span, cents(line.amount))
        actual = received[line.id]
        _add(party_paid, line.party, plan, actual, span)
        _add(source_money, line.source, plan, actual, span)
        _add_into(fund_plan, fund_received, plan, actual)
        who = (names.get(line.party, line.party), line.source, item.description)
        line_rows.append(
            FundingActual(
                line.id,
                line.cost_item,
                line.party,
                line.source,
                track(plan, actual),
                _funding_reasons(who, first, done, plan, actual),
            )
        )
    party_ids = [p.id for p in doc.parties] + [UNASSIGNED]
    empty = ([0] * span, [0] * span)
    parties = tuple(
        PartyActual(
            pid,
            names[pid],
            track(*party_cost.get(pid, empty)),
            track(*party_paid.get(pid, empty)),
        )
        for pid in party_ids
        if pid in party_cost or pid in party_paid
    )
    sources = tuple(
        SourceActual(s, s in temporary, track(*source_money[s])) for s in sorted(source_money)
    )
    return Realised(
        through=through,
        costs=track(total_plan, total_spent),
        funding=track(fund_plan, fund_received),
        cost_items=tuple(cost_rows),
        funding_lines=tuple(line_rows),
        parties=parties,
        sources=sources,
        cliffs=realised_cliffs(scenario, horizon, through, temporary, names, received, spent),
    )


def _per_year(years: range, first: int, span: int, amount: int) -> Cents:
    out = [0] * span
    for y in years:
        if 0 <= y - first < span:
            out[y - first] = amount
    return out


def _add(
    into: dict[str, tuple[Cents, Cents]], key: str, plan: Cents, actual: Cents, span: int
) -> None:
    if key not in into:
        into[key] = ([0] * span, [0] * span)
    _add_into(*into[key], plan, actual)


def _add_into(plan_total: Cents, actual_total: Cents, plan: Cents, actual: Cents) -> None:
    for i, (p, a) in enumerate(zip(plan, actual, strict=True)):
        plan_total[i] += p
        actual_total[i] += a


def _track(horizon: range, done: int, planned: Cents, actual: Cents) -> Track:
    years = tuple(
        YearFigure(y, euros(planned[i]), euros(actual[i]) if i < done else None)
        for i, y in enumerate(horizon)
    )
    return Track(years, euros(sum(planned)), euros(sum(planned[:done])), euros(sum(actual[:done])))


def _years(first: int, indices: Iterable[int]) -> tuple[int, ...]:
    return tuple(first + i for i in indices)


def _cost_reasons(
    description: str, first: int, done: int, plan: Sequence[int], actual: Sequence[int]
) -> tuple[Reason, ...]:
    """``actual.overspent`` and ``actual.underspent``: the sum of the differences in the years
    with more (less) spent than planned, and those years."""
    more = [i for i in range(done) if actual[i] > plan[i]]
    less = [i for i in range(done) if actual[i] < plan[i]]
    out = []
    if more:
        amount = euros(sum(actual[i] - plan[i] for i in more))
        out.append(
            reason("actual.overspent", cost=description, amount=amount, years=_years(first, more))
        )
    if less:
        amount = euros(sum(plan[i] - actual[i] for i in less))
        out.append(
            reason("actual.underspent", cost=description, amount=amount, years=_years(first, less))
        )
    return tuple(out)


def _funding_reasons(
    who: tuple[str, str, str], first: int, done: int, plan: Sequence[int], actual: Sequence[int]
) -> tuple[Reason, ...]:
    """What a funding line paid against its plan over the realised years:

    - ``actual.received_late``: money short in some years and received beyond the plan in later
      years; the amount late is the smaller of the two;
    - ``actual.not_received`` / ``actual.received_less``: the rest of the shortage, when nothing
      at all came in the short years / when some did;
    - ``actual.received_more``: what came beyond the plan and is not the late money.
    """
    party, source, cost = who
    short = [i for i in range(done) if actual[i] < plan[i]]
    extra = [i for i in range(done) if actual[i] > plan[i]]
    missing = sum(plan[i] - actual[i] for i in short)
    later = [i for i in extra if short and i > short[0]]
    late = min(missing, sum(actual[i] - plan[i] for i in later))
    beyond = sum(actual[i] - plan[i] for i in extra) - late
    said = {"party": party, "source": source, "cost": cost}
    out = []
    if late:
        out.append(
            reason(
                "actual.received_late",
                **said,
                amount=euros(late),
                years=_years(first, short),
                received_years=_years(first, later),
            )
        )
    if missing - late:
        code = (
            "actual.not_received"
            if not late and not any(actual[i] for i in short)
            else "actual.received_less"
        )
        out.append(reason(code, **said, amount=euros(missing - late), years=_years(first, short)))
    if beyond:
        out.append(
            reason("actual.received_more", **said, amount=euros(beyond), years=_years(first, extra))
        )
    return tuple(out)
