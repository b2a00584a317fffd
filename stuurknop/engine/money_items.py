"""Money per cost item: is it covered, and when it is not, is the money short or only late?

Per cost item over the horizon, with ``need`` and ``funded`` its cost and its funding per year
(step 3 of :mod:`stuurknop.engine.money`'s algorithm):

- *uncovered* = Σ max(0, cost − funding) per year: cost not paid in its own year;
- *shortfall* = max(0, Σ cost − Σ funding): money that never comes within the horizon;
- *timing gap* = uncovered − shortfall: cost not paid in its year but paid for later (or
  earlier) by the item's own funding; money that arrives, only not in time.

So an item funded in full over the horizon but paid a year late has a timing gap and no
shortfall; an item with too little money has a shortfall (and may have a timing gap besides).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from stuurknop.engine.reasons import Reason, reason
from stuurknop.projectfile.schema import CostItem


@dataclass(frozen=True)
class CostItemMoney:
    cost_item: str
    knob: int
    description: str
    party: str
    costs: Decimal
    covered: Decimal  # cost paid in its own year
    uncovered: Decimal  # cost not paid in its own year: shortfall + timing_gap
    first_uncovered_year: int | None
    funding_lines: tuple[str, ...]
    funding: Decimal = Decimal(0)  # all funding for this item over the horizon
    shortfall: Decimal = Decimal(0)  # costs − funding, when the funding falls short
    timing_gap: Decimal = Decimal(0)  # uncovered − shortfall: paid, but not in its year
    gap_years: tuple[int, ...] = ()  # years whose cost is not paid that year
    catch_up_years: tuple[int, ...] = ()  # years with funding beyond that year's cost

    @property
    def shortfall_reason(self) -> Reason | None:
        """``money.shortfall``: the money that never comes, and the years without it."""
        if not self.shortfall:
            return None
        return reason(
            "money.shortfall", cost=self.description, amount=self.shortfall, years=self.gap_years
        )

    @property
    def timing_reason(self) -> Reason | None:
        """``money.timing_gap``: the cost not paid in its year, and the years the money comes."""
        if not self.timing_gap:
            return None
        return reason(
            "money.timing_gap",
            cost=self.description,
            amount=self.timing_gap,
            years=self.gap_years,
            covered_years=self.catch_up_years,
        )


def cost_item_money(
    cost: CostItem,
    party: str,
    first: int,
    need: list[int],
    funded: list[int],
    line_ids: tuple[str, ...],
) -> CostItemMoney:
    """One cost item's money from its cost and funding per year in cents (index: year − first)."""
    covered = sum(min(c, f) for c, f in zip(need, funded, strict=True))
    cost_cents, funding_cents = sum(need), sum(funded)
    shortfall = max(0, cost_cents - funding_cents)
    gap_years = tuple(first + i for i, (c, f) in enumerate(zip(need, funded, strict=True)) if c > f)
    catch_up = tuple(first + i for i, (c, f) in enumerate(zip(need, funded, strict=True)) if f > c)
    return CostItemMoney(
        cost_item=cost.id,
        knob=cost.knob,
        description=cost.description,
        party=party,
        costs=euros(cost_cents),
        covered=euros(covered),
        uncovered=euros(cost_cents - covered),
        first_uncovered_year=gap_years[0] if gap_years else None,
        funding_lines=line_ids,
        funding=euros(funding_cents),
        shortfall=euros(shortfall),
        timing_gap=euros(cost_cents - covered - shortfall),
        gap_years=gap_years,
        catch_up_years=catch_up if cost_cents > covered else (),
    )


def cents(amount: Decimal) -> int:
    # amounts carry at most two decimals (the document schema), so this is exact
    return int(amount * 100)


@lru_cache(maxsize=8192)  # the same amounts recur across years and parties
def euros(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)
