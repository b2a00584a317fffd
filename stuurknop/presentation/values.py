"""The routes and values of a scenario as blocks: the model's map with its tables, and the
potential of each value with the engine's reason.

The values page and the plan's map and values chapters both take these from here, so the
page and the plan show the same tables.
"""

from __future__ import annotations

from stuurknop.charts.model_map import ModelMap
from stuurknop.engine import Analysis
from stuurknop.presentation.blocks import Figure, PlanTable
from stuurknop.presentation.numbers import decimal
from stuurknop.presentation.reasons import text as reason_text


def map_figure(chart: ModelMap) -> tuple[Figure, PlanTable]:
    """The map with its knob → route table, and the route → value table after it. The tables
    say the map better than its text alternative, so the plan leaves that out."""
    return (
        Figure(chart, PlanTable.of_chart(chart.table), describe=False),
        PlanTable.of_chart(chart.route_table),
    )


def potentials_table(analysis: Analysis) -> PlanTable:
    """Each value's potential (0 to 1) with how the engine came to it."""
    return PlanTable(
        "Potentieel van elke waarde (0 tot 1)",
        ("Waarde", "Potentieel", "Uitleg"),
        tuple((v.name, decimal(v.potential), reason_text(v.reason)) for v in analysis.values),
        ("left", "right", "left"),
    )
