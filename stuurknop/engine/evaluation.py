"""What made a running project work, as the project file says it: the conditions of a scale-up
assessment.

Pure: the model and the project document in, the conditions out as data (ids, numbers, years),
which :mod:`stuurknop.presentation.evaluation` says in words.

- **Knobs on**: every knob of the scenario that is on, with its opening, lead party and routes.
- **Funding that lasted**: a funding line of a yearly cost item that pays into the last year of
  the project (or of its cost item); one-off money is neither.
- **Temporary money that stopped**: a funding line from a temporary source (the model's tag
  ``tijdelijk``, sources I and III) that stops before its cost item does, with whether other
  money took over the cost (``taken_over``: the year after it stopped, the item is paid as
  fully as the year before).
- **Parties at the table**: the parties the project seats (``at_table``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.money_terms import cost_years, funding_years
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import (
    CostKind,
    FundingLine,
    KnobStatus,
    ProjectDocument,
    Scenario,
)

ZERO = Decimal(0)


@dataclass(frozen=True)
class KnobOn:
    knob: int
    opening: int | None
    lead_party: str | None
    routes: tuple[str, ...]


@dataclass(frozen=True)
class FundingSpan:
    funding_line: str
    cost_item: str
    party: str
    source: str
    amount: Decimal  # per year
    first_year: int
    last_year: int  # the last year it pays within the horizon
    temporary: bool


@dataclass(frozen=True)
class StoppedMoney:
    span: FundingSpan
    stop_year: int  # the first year without it
    taken_over: bool  # the cost item is paid in the stop year as fully as the year before
    taken_over_by: tuple[str, ...]  # parties whose funding of the item starts in the stop year


@dataclass(frozen=True)
class Conditions:
    knobs_on: tuple[KnobOn, ...]
    lasting: tuple[FundingSpan, ...]
    stopped: tuple[StoppedMoney, ...]
    parties_at_table: tuple[str, ...]  # party ids, in the document's order


def conditions(model: Model, document: ProjectDocument, scenario: Scenario) -> Conditions:
    """The conditions of ``scenario`` that an assessment names as what made it work."""
    horizon = document.project.years
    temporary = {s.numeral for s in model.sources if s.temporary}
    knobs_on = tuple(
        KnobOn(s.knob, s.opening, s.lead_party, tuple(s.routes))
        for s in sorted(scenario.knobs, key=lambda s: s.knob)
        if s.status is KnobStatus.AAN
    )
    costs = {c.id: c for c in scenario.costs}
    paid: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    spans: list[tuple[FundingSpan, range, range]] = []
    for line in scenario.funding:
        cost = costs.get(line.cost_item)
        if cost is None or cost.kind is not CostKind.JAARLIJKS:
            continue
        years = funding_years(line, cost, horizon)
        needed = cost_years(cost, horizon)
        if not years:
            continue
        for year in years:
            paid[cost.id][year] += line.amount
        spans.append((_span(line, years, line.source in temporary), years, needed))
    lasting = tuple(span for span, years, needed in spans if years.stop >= needed.stop)
    stopped = []
    for span, years, needed in spans:
        if not span.temporary or years.stop >= needed.stop:
            continue
        stop = years.stop
        item = paid[span.cost_item]
        successors = tuple(
            sorted(
                {
                    other.party
                    for other, other_years, _ in spans
                    if other.cost_item == span.cost_item and other_years.start == stop
                }
            )
        )
        stopped.append(StoppedMoney(span, stop, item[stop] >= item[stop - 1], successors))
    return Conditions(
        knobs_on=knobs_on,
        lasting=lasting,
        stopped=tuple(stopped),
        parties_at_table=tuple(p.id for p in document.parties if p.at_table),
    )


def _span(line: FundingLine, years: range, temporary: bool) -> FundingSpan:
    return FundingSpan(
        funding_line=line.id,
        cost_item=line.cost_item,
        party=line.party,
        source=line.source,
        amount=line.amount,
        first_year=years.start,
        last_year=years.stop - 1,
        temporary=temporary,
    )
