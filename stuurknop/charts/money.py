"""The money charts and tables of a scenario, from the engine's ``Analysis.money`` and
``Analysis.balance``: for the money page now, for the plan document later.

Every figure comes from the engine; this module only chooses what to draw and says in words
what the chart shows (the text alternative), in Dutch like the engine's reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stuurknop.charts.balance import (
    balance_shares_chart,
    balance_split_chart,
    shares_table,
    split_table,
)
from stuurknop.charts.bars import grouped_bar_chart, stacked_bar_chart
from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.drawing import Mark
from stuurknop.engine.balance import Balance
from stuurknop.engine.money import ZERO, MoneyOverTime, PartyMoney
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text

STRUCTURAL_COLOUR, TEMPORARY_COLOUR, GAP_COLOUR = "#1d4f91", "#b44a06", "#9c1f45"
MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class MoneyCharts:
    """The charts and tables of the money page (and the plan's money chapter).

    The balance charts only exist once a party has stated its interests.
    """

    per_year: Chart
    per_party: Chart
    gap_per_party: Chart
    balance_shares: Chart | None
    balance_split: Chart | None
    balance_shares_table: Table
    balance_split_table: Table


def money_charts(money: MoneyOverTime, balance: Balance, *, id_prefix: str = "geld") -> MoneyCharts:
    """Every money chart and table of a scenario; ids start with ``id_prefix``."""
    return MoneyCharts(
        per_year=per_year_chart(money, id_prefix=f"{id_prefix}-jaar"),
        per_party=per_party_chart(money, id_prefix=f"{id_prefix}-partij"),
        gap_per_party=gap_per_party_chart(money, id_prefix=f"{id_prefix}-tekort"),
        balance_shares=(
            balance_shares_chart(balance, id_prefix=f"{id_prefix}-aandeel")
            if balance.value_known
            else None
        ),
        balance_split=(
            balance_split_chart(balance, id_prefix=f"{id_prefix}-verdeling")
            if balance.value_known
            else None
        ),
        balance_shares_table=shares_table(balance),
        balance_split_table=split_table(balance),
    )


def axis_euro(amount: Decimal) -> str:
    """Short euros for an axis: ``€ 250.000``, ``€ 1,5 mln``."""
    if abs(amount) < MILLION:
        return euro(amount)
    millions = f"{amount / MILLION:.1f}".replace(".", ",").removesuffix(",0")
    return f"€ {millions} mln"


def per_year_chart(money: MoneyOverTime, *, id_prefix: str) -> Chart:
    """Per year the costs (a line) against the money for them: structural, temporary, gap."""
    years = [str(row.year) for row in money.years]
    structural = [row.funding - row.temporary for row in money.years]
    temporary = [row.temporary for row in money.years]
    gap = [row.uncovered for row in money.years]
    marks = [
        Mark(str(cliff.year), f"Klif {cliff.year}", note=f"Klif: {reason_text(cliff.reason)}")
        for cliff in money.cliffs
    ]
    return stacked_bar_chart(
        years,
        {
            "Structurele financiering": structural,
            "Tijdelijke financiering": temporary,
            "Tekort": gap,
        },
        lines={"Kosten": [row.costs for row in money.years]},
        marks=marks,
        title="Kosten en financiering per jaar",
        description=_per_year_description(money),
        value_format=euro,
        axis_format=axis_euro,
        id_prefix=id_prefix,
        label_heading="Jaar",
        colours=(STRUCTURAL_COLOUR, TEMPORARY_COLOUR, GAP_COLOUR),
    )


def per_party_chart(money: MoneyOverTime, *, id_prefix: str) -> Chart:
    """Per party over the whole period: the costs it carries, what it pays, its gap."""
    parties = _parties_with_money(money)
    return grouped_bar_chart(
        [p.name for p in parties],
        {
            "Kosten": [p.costs for p in parties],
            "Betaalt": [p.paid for p in parties],
            "Tekort": [p.uncovered for p in parties],
        },
        title="Kosten, bijdrage en tekort per partij",
        description=_per_party_description(money, parties),
        value_format=euro,
        axis_format=axis_euro,
        id_prefix=id_prefix,
        label_heading="Partij",
        colours=(STRUCTURAL_COLOUR, TEMPORARY_COLOUR, GAP_COLOUR),
    )


def gap_per_party_chart(money: MoneyOverTime, *, id_prefix: str) -> Chart:
    """Per year the gap, stacked by the party that carries the cost."""
    with_gap = [p for p in money.parties if p.uncovered > 0]
    series = {p.name: [y.uncovered for y in p.years] for p in with_gap} or {
        "Tekort": [ZERO for _ in money.years]
    }
    marks = [
        Mark(str(c.year), f"Klif {c.year}", note=f"Klif: {reason_text(c.reason)}")
        for c in money.cliffs
    ]
    if with_gap:
        worst = max(with_gap, key=lambda p: p.uncovered)
        finding = (
            f"Het grootste tekort ligt bij {worst.name}: {euro(worst.uncovered)} over de hele "
            "periode."
        )
    else:
        finding = "Geen partij houdt een tekort over."
    return stacked_bar_chart(
        [str(row.year) for row in money.years],
        series,
        marks=marks,
        title="Tekort per partij per jaar",
        description=f"Per jaar het tekort, verdeeld naar de partij die de kosten draagt. {finding}",
        value_format=euro,
        axis_format=axis_euro,
        id_prefix=id_prefix,
        label_heading="Jaar",
    )


def _parties_with_money(money: MoneyOverTime) -> list[PartyMoney]:
    """Parties that carry a cost or pay something (all of them when none does yet)."""
    parties = [p for p in money.parties if p.costs or p.paid]
    return parties or list(money.parties)


def _per_year_description(money: MoneyOverTime) -> str:
    first, last = money.years[0].year, money.years[-1].year
    text = (
        f"Per jaar van {first} tot en met {last} de kosten (lijn) en waaruit ze betaald worden: "
        "structurele financiering, tijdelijke financiering en het tekort. "
    )
    if not money.total_costs:
        return text + "Er zijn nog geen kosten ingevuld."
    text += (
        f"In totaal {euro(money.total_costs)} kosten en {euro(money.total_funding)} "
        f"financiering; het tekort is {euro(money.total_uncovered)}."
    )
    for cliff in money.cliffs:
        text += (
            f" In {cliff.year} stopt tijdelijk geld en groeit het tekort op die kosten van "
            f"{euro(cliff.uncovered_before)} naar {euro(cliff.uncovered_after)}."
        )
    return text


def _per_party_description(money: MoneyOverTime, parties: list[PartyMoney]) -> str:
    text = (
        "Per partij over de hele periode: de kosten die zij draagt, wat zij betaalt "
        "(aan welke kosten ook) en het tekort op haar kosten."
    )
    payers = [p for p in parties if p.paid]
    if payers:
        biggest = max(payers, key=lambda p: p.paid)
        share = percent(float(biggest.paid / money.total_funding))
        text += f" {biggest.name} betaalt het meest: {euro(biggest.paid)} ({share})."
    return text
