"""The chart of realised money: per realised year what was spent and received (bars) against
what the plan said (lines), each planned stop of temporary money marked, with its table."""

from __future__ import annotations

from stuurknop.charts.bars import grouped_bar_chart
from stuurknop.charts.chart import Chart
from stuurknop.charts.drawing import Mark
from stuurknop.charts.money import STRUCTURAL_COLOUR, TEMPORARY_COLOUR, axis_euro
from stuurknop.engine.actuals import Realised
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.reasons import sentence


def realised_chart(result: Realised, *, id_prefix: str = "gerealiseerd") -> Chart | None:
    """Spent and received per realised year against the plan; None before anything is
    recorded."""
    years = result.realised_years
    if not years:
        return None
    costs = [y for y in result.costs.years if y.year in years]
    funding = [y for y in result.funding.years if y.year in years]
    marks = [
        Mark(str(c.year), f"Klif {c.year}", note=sentence(c.reason))
        for c in result.cliffs
        if c.year in years
    ]
    return grouped_bar_chart(
        [str(y) for y in years],
        {
            "Uitgegeven": [y.actual or 0 for y in costs],
            "Ontvangen": [y.actual or 0 for y in funding],
        },
        lines={
            "Kosten volgens plan": [y.planned for y in costs],
            "Financiering volgens plan": [y.planned for y in funding],
        },
        marks=marks,
        title="Gerealiseerd tegenover het plan, per jaar",
        description=_description(result),
        value_format=euro,
        axis_format=axis_euro,
        id_prefix=id_prefix,
        label_heading="Jaar",
        colours=(STRUCTURAL_COLOUR, TEMPORARY_COLOUR),
    )


def _description(result: Realised) -> str:
    first, last = result.realised_years[0], result.realised_years[-1]
    span = str(first) if first == last else f"{first} tot en met {last}"
    return (
        f"Staafdiagram per jaar van {span}: uitgegeven en ontvangen geld als staven, de kosten en "
        f"de financiering volgens plan als lijnen. Samen uitgegeven {euro(result.costs.actual)} "
        f"tegen {euro(result.costs.planned_to_date)} gepland; ontvangen "
        f"{euro(result.funding.actual)} tegen {euro(result.funding.planned_to_date)} gepland."
    )
