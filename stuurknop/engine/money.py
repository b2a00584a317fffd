"""Money over time: what is needed, who pays from which source, and where the gaps are.

All sums are exact (``Decimal``). The algorithm, per year y of the horizon:

1. a cost item needs ``amount`` in its first year (one-off) or in each year it runs (per year,
   for ``years`` years or, when structural, to the end of the horizon);
2. a funding line pays ``amount`` in the years it runs: one-off lines in their first year,
   per-year lines from their first year (default the cost item's) for ``years`` years (default:
   as long as the cost item runs);
3. per cost item and year: covered = min(cost, funding), uncovered (the gap) = cost − covered,
   surplus = funding − covered. Summed over items, costs − funding = uncovered − surplus.
   Per cost item over the horizon, the uncovered cost splits into a *shortfall* (money that
   never comes) and a *timing gap* (money that comes in another year):
   :mod:`stuurknop.engine.money_items`.

A *cliff* is a year in which temporary money (sources tagged ``tijdelijk``: I and III) has
stopped while the per-year cost it paid for runs on, and the gap on those cost items grows
that year (if other money takes over in time, there is no cliff): the model's "two-year
question".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set
from dataclasses import dataclass, field
from decimal import Decimal

from stuurknop.engine.money_items import CostItemMoney as CostItemMoney
from stuurknop.engine.money_items import cents as _cents
from stuurknop.engine.money_items import cost_item_money
from stuurknop.engine.money_items import euros as _euros

# Re-exported: the reports (and the tests) import the terms from here; new code imports them
# from money_terms.
from stuurknop.engine.money_terms import UNASSIGNED as UNASSIGNED
from stuurknop.engine.money_terms import cost_party as cost_party
from stuurknop.engine.money_terms import cost_years as cost_years
from stuurknop.engine.money_terms import funding_years as funding_years
from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import (
    CommitmentHow,
    CostItem,
    CostKind,
    FundingLine,
    FundingStatus,
    ProjectDocument,
    Scenario,
)

ZERO = Decimal(0)


@dataclass(frozen=True)
class YearRow:
    year: int
    costs: Decimal
    funding: Decimal
    uncovered: Decimal  # the funding gap: cost not paid by anyone this year
    surplus: Decimal  # funding beyond the cost it is meant for
    committed: Decimal  # funding with status toegezegd
    temporary: Decimal  # funding from temporary sources
    by_source: dict[str, Decimal]
    cost_items: tuple[str, ...]  # the cost items that need money this year
    funding_lines: tuple[str, ...]
    confirmed: Decimal = ZERO  # of committed: confirmed by the paying party itself

    @property
    def on_behalf(self) -> Decimal:
        """Committed money recorded on the paying party's behalf (not confirmed by it)."""
        return self.committed - self.confirmed

    @property
    def net_gap(self) -> Decimal:
        """costs − funding; equals uncovered − surplus."""
        return self.costs - self.funding


@dataclass(frozen=True)
class PartyYear:
    year: int
    costs: Decimal  # costs of the items this party incurs
    received: Decimal  # funding that covers those items (from anyone)
    uncovered: Decimal  # what this party is left with
    paid: Decimal  # what this party pays, for any item


@dataclass(frozen=True)
class PartyMoney:
    party: str  # party id, or "" for costs no party carries yet
    name: str
    years: tuple[PartyYear, ...]
    costs: Decimal
    paid: Decimal
    uncovered: Decimal
    by_source: dict[str, Decimal]


@dataclass(frozen=True)
class Cliff:
    year: int  # the first year without the temporary money
    drop: Decimal  # temporary funding that stops from this year on
    uncovered_before: Decimal  # gap on the affected cost items the year before
    uncovered_after: Decimal
    funding_lines: tuple[str, ...]  # the temporary lines that have ended
    cost_items: tuple[str, ...]
    reason: Reason


@dataclass(frozen=True)
class MoneyOverTime:
    years: tuple[YearRow, ...]
    parties: tuple[PartyMoney, ...]
    cost_items: tuple[CostItemMoney, ...]
    cliffs: tuple[Cliff, ...]
    total_costs: Decimal
    total_funding: Decimal
    total_uncovered: Decimal
    total_surplus: Decimal
    recurring_costs: Decimal
    recurring_on_structural: Decimal  # recurring cost covered by non-temporary sources
    funding_by_status: dict[str, Decimal] = field(default_factory=dict)
    confirmed: Decimal = ZERO  # committed money the paying party confirmed itself

    @property
    def structural_share(self) -> float:
        """Share of recurring costs carried by structural (non-temporary) sources."""
        if not self.recurring_costs:
            return 1.0
        return float(self.recurring_on_structural / self.recurring_costs)

    @property
    def total_shortfall(self) -> Decimal:
        """Cost that no funding pays within the horizon (the real gap)."""
        return sum((item.shortfall for item in self.cost_items), ZERO)

    @property
    def total_timing_gap(self) -> Decimal:
        """Cost paid for, but by money that comes in another year than the cost."""
        return sum((item.timing_gap for item in self.cost_items), ZERO)

    @property
    def cliffs_largest_first(self) -> tuple[Cliff, ...]:
        """The cliffs by the money that stops, largest drop first (ties: earliest year first)."""
        return tuple(sorted(self.cliffs, key=lambda c: (-c.drop, c.year)))

    @property
    def committed(self) -> Decimal:
        return self.funding_by_status.get(FundingStatus.TOEGEZEGD.value, ZERO)

    @property
    def on_behalf(self) -> Decimal:
        """Committed money recorded on the party's behalf (by a beheerder or an import)."""
        return self.committed - self.confirmed

    @property
    def open(self) -> Decimal:
        return self.total_funding - self.committed


def confirmed_by_party(line: FundingLine) -> bool:
    """A committed line the paying party confirmed itself; else it was recorded on its behalf
    (by a beheerder with evidence, by an import, or older data without a commitment)."""
    return (
        line.status is FundingStatus.TOEGEZEGD
        and line.commitment is not None
        and line.commitment.how is CommitmentHow.BEVESTIGD
    )


def money_over_time(model: Model, doc: ProjectDocument, scenario: Scenario) -> MoneyOverTime:
    """Per year and per party: costs, funding per source, the gap, cliffs and structural share."""
    horizon = doc.project.years
    first, span = horizon.start, len(horizon)
    temporary = {s.numeral for s in model.sources if s.temporary}
    costs = {c.id: c for c in scenario.costs}
    lines_of: dict[str, list[FundingLine]] = defaultdict(list)
    for line in scenario.funding:
        lines_of[line.cost_item].append(line)
    owners = {c.id: cost_party(c, scenario) for c in scenario.costs}

    # Integer cents in lists indexed by year − first: exact like Decimal, and cheap to add.
    def zeros() -> list[int]:
        return [0] * span

    year = _Tally(span)
    party_cost: dict[str, list[int]] = defaultdict(zeros)
    party_received: dict[str, list[int]] = defaultdict(zeros)
    party_paid: dict[str, list[int]] = defaultdict(zeros)
    party_source: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    year_source: list[dict[str, int]] = [defaultdict(int) for _ in horizon]
    year_items: list[list[str]] = [[] for _ in horizon]
    year_lines: list[list[str]] = [[] for _ in horizon]
    by_status = {s.value: 0 for s in FundingStatus}
    item_money: list[CostItemMoney] = []
    item_gaps: dict[str, list[int]] = {}
    recurring = recurring_structural = 0

    for cost in scenario.costs:
        need, funded, structural = zeros(), zeros(), zeros()
        cost_cents = _cents(cost.amount)
        for y in cost_years(cost, horizon):
            if y in horizon:
                need[y - first] = cost_cents
        for line in lines_of[cost.id]:
            cents = _cents(line.amount)
            is_temporary = line.source in temporary
            is_committed = line.status is FundingStatus.TOEGEZEGD
            is_confirmed = is_committed and confirmed_by_party(line)
            paid, source_cents = party_paid[line.party], party_source[line.party]
            indices = [y - first for y in funding_years(line, cost, horizon) if y in horizon]
            source_cents[line.source] += cents * len(indices)
            by_status[line.status.value] += cents * len(indices)
            for i in indices:
                funded[i] += cents
                paid[i] += cents
                year_source[i][line.source] += cents
                year_lines[i].append(line.id)
                if is_committed:
                    year.committed[i] += cents
                if is_confirmed:
                    year.confirmed[i] += cents
                if is_temporary:
                    year.temporary[i] += cents
                else:
                    structural[i] += cents
        owner_cost, owner_received = party_cost[owners[cost.id]], party_received[owners[cost.id]]
        recurs = cost.kind is CostKind.JAARLIJKS
        gaps = item_gaps[cost.id] = zeros()
        for i in range(span):
            c, f = need[i], funded[i]
            if not c and not f:
                continue
            covered = min(c, f)
            year.costs[i] += c
            year.funding[i] += f
            year.uncovered[i] += c - covered
            gaps[i] = c - covered
            year.surplus[i] += f - covered
            if c:
                year_items[i].append(cost.id)
                owner_cost[i] += c
                owner_received[i] += covered
                if recurs:
                    recurring += c
                    recurring_structural += min(c, structural[i])
        line_ids = tuple(line.id for line in lines_of[cost.id])
        item_money.append(cost_item_money(cost, owners[cost.id], first, need, funded, line_ids))

    rows = tuple(
        YearRow(
            year=y,
            costs=_euros(year.costs[i]),
            funding=_euros(year.funding[i]),
            uncovered=_euros(year.uncovered[i]),
            surplus=_euros(year.surplus[i]),
            committed=_euros(year.committed[i]),
            temporary=_euros(year.temporary[i]),
            by_source={k: _euros(v) for k, v in sorted(year_source[i].items())},
            cost_items=tuple(year_items[i]),
            funding_lines=tuple(year_lines[i]),
            confirmed=_euros(year.confirmed[i]),
        )
        for i, y in enumerate(horizon)
    )
    items = tuple(item_money)
    party_ids = [p.id for p in doc.parties]
    if UNASSIGNED in owners.values():
        party_ids.append(UNASSIGNED)
    names = {p.id: p.name for p in doc.parties} | {UNASSIGNED: "Nog geen partij"}
    parties = tuple(
        _party_money(
            pid,
            names[pid],
            horizon,
            party_cost.get(pid),
            party_received.get(pid),
            party_paid.get(pid),
            party_source.get(pid, {}),
        )
        for pid in party_ids
    )
    pays = {
        line.id: {
            y: line.amount
            for y in funding_years(line, costs[line.cost_item], horizon)
            if y in horizon
        }
        for line in scenario.funding
        if line.source in temporary
    }
    return MoneyOverTime(
        years=rows,
        parties=parties,
        cost_items=items,
        cliffs=_cliffs(scenario, costs, pays, horizon, item_gaps, temporary),
        total_costs=_euros(sum(year.costs)),
        total_funding=_euros(sum(year.funding)),
        total_uncovered=_euros(sum(year.uncovered)),
        total_surplus=_euros(sum(year.surplus)),
        recurring_costs=_euros(recurring),
        recurring_on_structural=_euros(recurring_structural),
        funding_by_status={k: _euros(v) for k, v in by_status.items()},
        confirmed=_euros(sum(year.confirmed)),
    )


class _Tally:
    """Per-year totals in cents."""

    def __init__(self, span: int) -> None:
        self.costs = [0] * span
        self.funding = [0] * span
        self.uncovered = [0] * span
        self.surplus = [0] * span
        self.committed = [0] * span
        self.confirmed = [0] * span
        self.temporary = [0] * span


def _party_money(
    party_id: str,
    name: str,
    horizon: range,
    costs: list[int] | None,
    received: list[int] | None,
    paid: list[int] | None,
    by_source: dict[str, int],
) -> PartyMoney:
    zero = [0] * len(horizon)
    costs, received, paid = costs or zero, received or zero, paid or zero
    years = tuple(
        PartyYear(
            y,
            _euros(costs[i]),
            _euros(received[i]),
            _euros(costs[i] - received[i]),
            _euros(paid[i]),
        )
        for i, y in enumerate(horizon)
    )
    return PartyMoney(
        party=party_id,
        name=name,
        years=years,
        costs=_euros(sum(costs)),
        paid=_euros(sum(paid)),
        uncovered=_euros(sum(costs) - sum(received)),
        by_source={k: _euros(v) for k, v in sorted(by_source.items())},
    )


def _cliffs(
    scenario: Scenario,
    costs: dict[str, CostItem],
    pays: dict[str, dict[int, Decimal]],
    horizon: range,
    item_gaps: dict[str, list[int]],
    temporary: Set[str],
) -> tuple[Cliff, ...]:
    ended: dict[int, list[FundingLine]] = defaultdict(list)
    for line in scenario.funding:
        cost = costs[line.cost_item]
        if line.source not in temporary or cost.kind is not CostKind.JAARLIJKS:
            continue
        paid_years = funding_years(line, cost, horizon)
        stop = paid_years.stop
        if stop in horizon and stop in cost_years(cost, horizon) and pays[line.id]:
            ended[stop].append(line)
    cliffs = []
    for year in sorted(ended):
        lines = ended[year]
        drop = sum((pays[line.id][year - 1] for line in lines if year - 1 in pays[line.id]), ZERO)
        items = sorted({line.cost_item for line in lines})
        i = year - horizon.start
        before = _euros(sum(item_gaps[c][i - 1] for c in items)) if i else ZERO
        after = _euros(sum(item_gaps[c][i] for c in items))
        if after <= before:  # other money took over in time: no cliff
            continue
        sources = tuple(sorted({line.source for line in lines}))
        why = reason(
            "money.cliff", year=year, drop=drop, sources=sources, before=before, after=after
        )
        cliffs.append(
            Cliff(
                year=year,
                drop=drop,
                uncovered_before=before,
                uncovered_after=after,
                funding_lines=tuple(line.id for line in lines),
                cost_items=tuple(items),
                reason=why,
            )
        )
    return tuple(cliffs)
