"""The money of a scenario as blocks: the figures per year and per party, each party's money
per year with the cliffs that hit it, and the balance between parties.

The money page and the plan's money chapters (:mod:`stuurknop.reports.plan_money`) both take
their charts and tables from here, so the page and the plan cannot show different tables.
Each chart carries its own figures (:mod:`stuurknop.charts.money`); this module decides which
table goes with which chart, how its columns align, and says the cliffs per party.
"""

from __future__ import annotations

from stuurknop.charts.money import MoneyCharts
from stuurknop.engine.balance import Balance
from stuurknop.engine.money import ZERO, MoneyOverTime, PartyMoney
from stuurknop.presentation.blocks import Align, Block, Figure, PlanTable
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.reasons import sentence

RIGHT: Align = "right"
LEFT: Align = "left"


def coverage_notes(money: MoneyOverTime, knob: int | None = None) -> tuple[str, ...]:
    """Per cost item (of ``knob``, or all): a shortfall (money that never comes) and a timing
    gap (money that comes in another year than the cost), each as a sentence."""
    return tuple(
        sentence(r)
        for item in money.cost_items
        if knob is None or item.knob == knob
        for r in (item.shortfall_reason, item.timing_reason)
        if r
    )


def per_year_figure(charts: MoneyCharts) -> Figure:
    """Costs, funding and the gap per year, the cliff marked, with the table of its figures."""
    return Figure(charts.per_year, PlanTable.of_chart(charts.per_year.table))


def party_figures(charts: MoneyCharts) -> tuple[Figure, Figure]:
    """What each party pays per year, and the gap on the costs each party carries."""
    return (
        Figure(charts.per_party, PlanTable.of_chart(charts.per_party.table)),
        Figure(charts.gap_per_party, PlanTable.of_chart(charts.gap_per_party.table)),
    )


def party_year_tables(money: MoneyOverTime) -> tuple[PlanTable, ...]:
    """A table per party that carries a cost or pays something."""
    return tuple(party_year_table(p, money) for p in money.parties if p.costs or p.paid)


def party_year_table(party: PartyMoney, money: MoneyOverTime) -> PlanTable:
    """One party's money per year, with the year a cliff hits the costs it carries."""
    carried = {i.cost_item for i in money.cost_items if i.party == party.party}
    notes = {
        c.year: f"klif: tijdelijk geld stopt ({euro(c.drop)} per jaar)"
        for c in money.cliffs
        if carried.intersection(c.cost_items)
    }
    rows = [
        (
            str(y.year),
            euro(y.costs),
            euro(y.received),
            euro(y.uncovered),
            euro(y.paid),
            notes.get(y.year, ""),
        )
        for y in party.years
    ]
    received = sum((y.received for y in party.years), ZERO)
    rows.append(
        ("Totaal", euro(party.costs), euro(received), euro(party.uncovered), euro(party.paid), "")
    )
    return PlanTable(
        f"{party.name}: geld per jaar",
        ("Jaar", "Kosten die zij draagt", "Gedekt", "Tekort", "Betaalt zelf", "Opmerking"),
        tuple(rows),
        (LEFT, RIGHT, RIGHT, RIGHT, RIGHT, LEFT),
        total=True,
    )


def balance_tables(charts: MoneyCharts) -> tuple[PlanTable, PlanTable]:
    """The shares (both shares, the points between them, the share without the party's own
    weighting) and the split of the funded total by value (with a total row)."""
    shares, split = charts.balance_shares_table, charts.balance_split_table
    return (
        PlanTable(
            shares.caption,
            shares.columns,
            shares.rows,
            (LEFT, *(RIGHT,) * (len(shares.columns) - 1)),
            empty="Er zijn nog geen partijen ingevuld.",
        ),
        PlanTable(
            split.caption,
            split.columns,
            split.rows,
            (LEFT, *(RIGHT,) * (len(split.columns) - 1)),
            total=bool(split.rows),
            empty="Er zijn nog geen partijen ingevuld.",
        ),
    )


def balance_figures(balance: Balance, charts: MoneyCharts) -> tuple[Block, ...]:
    """The two balance charts, each with its table, or the two tables alone while no value
    lands with any party (then there is no share in the value to draw)."""
    shares, split = balance_tables(charts)
    if balance.value_known and charts.balance_shares and charts.balance_split:
        return (Figure(charts.balance_shares, shares), Figure(charts.balance_split, split))
    return (shares, split)
