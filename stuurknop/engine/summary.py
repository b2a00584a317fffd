"""A scenario in a few key figures: the head of an overview page or a plan's first page.

Nothing new is computed here: each figure is picked from the analysis, so the overview can
never disagree with the money, values and checklist pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.analysis import Analysis
from stuurknop.engine.money import Cliff
from stuurknop.engine.routes import ValuePotential
from stuurknop.gespreksmodel.schema import Severity


@dataclass(frozen=True)
class KeyFigures:
    total_costs: Decimal
    total_funding: Decimal
    gap: Decimal  # cost that no funding pays within the horizon (the shortfall)
    timing_gap: Decimal  # cost paid for by money that comes in another year
    first_cliff: Cliff | None  # the earliest
    cliffs: tuple[Cliff, ...]  # every cliff, largest drop first
    structural_share: float  # of recurring costs, the part carried by structural sources
    values_in_motion: int  # values with a potential above zero
    values_total: int
    strongest_value: ValuePotential | None  # None when no route is active at all
    checklist_done: int
    checklist_total: int
    checklist_percentage: int
    warnings: int  # checks that fired with severity waarschuwing

    @property
    def cliff_year(self) -> int | None:
        return self.first_cliff.year if self.first_cliff else None


def key_figures(analysis: Analysis) -> KeyFigures:
    """The headline figures of one scenario's analysis."""
    money = analysis.money
    moving = [v for v in analysis.values if v.potential > 0]
    # max() keeps the first of equals: the model's order decides a tie.
    strongest = max(moving, key=lambda v: v.potential) if moving else None
    checklist = analysis.checklist
    return KeyFigures(
        total_costs=money.total_costs,
        total_funding=money.total_funding,
        gap=money.total_shortfall,
        timing_gap=money.total_timing_gap,
        first_cliff=money.cliffs[0] if money.cliffs else None,
        cliffs=money.cliffs_largest_first,
        structural_share=money.structural_share,
        values_in_motion=len(moving),
        values_total=len(analysis.values),
        strongest_value=strongest,
        checklist_done=checklist.done,
        checklist_total=len(checklist.items),
        checklist_percentage=checklist.percentage,
        warnings=sum(1 for c in analysis.checks if c.severity is Severity.WAARSCHUWING),
    )
