"""The terms of the money: in which years of the horizon a cost item needs money and a funding
line pays (steps 1 and 2 of :mod:`stuurknop.engine.money`'s algorithm), and which party carries
a cost item.

Apart from the sums because the documents (the Excel workbook, the worksheets, the plan) use the
same terms to write out their own per-year tables.
"""

from __future__ import annotations

from stuurknop.projectfile.schema import CostItem, CostKind, FundingLine, Scenario

UNASSIGNED = ""  # a cost item with no party and no leading party of its knob


def cost_years(cost: CostItem, horizon: range) -> range:
    """The years of the horizon in which ``cost`` needs money."""
    if cost.kind is CostKind.EENMALIG:
        return range(cost.first_year, cost.first_year + 1)
    end = horizon.stop if cost.years is None else min(horizon.stop, cost.first_year + cost.years)
    return range(cost.first_year, end)


def funding_years(line: FundingLine, cost: CostItem, horizon: range) -> range:
    """The years of the horizon in which ``line`` pays."""
    start = line.first_year if line.first_year is not None else cost.first_year
    if cost.kind is CostKind.EENMALIG:
        return range(start, start + 1)
    if line.years is not None:
        return range(start, min(horizon.stop, start + line.years))
    return range(start, cost_years(cost, horizon).stop)


def cost_party(cost: CostItem, scenario: Scenario) -> str:
    """The party that carries ``cost``: its own, else its knob's leading party, else nobody
    yet (:data:`UNASSIGNED`)."""
    if cost.party is not None:
        return cost.party
    return scenario.setting(cost.knob).lead_party or UNASSIGNED
