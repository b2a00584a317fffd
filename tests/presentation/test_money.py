"""The money blocks that the money page and the plan share: which table goes with which chart,
how its columns align, and the cliffs per party."""

from __future__ import annotations

import pytest

from stuurknop.charts.money import money_charts
from stuurknop.engine import analyse
from stuurknop.presentation.blocks import Figure, PlanTable
from stuurknop.presentation.money import (
    balance_figures,
    party_year_tables,
    per_year_figure,
)


@pytest.fixture(scope="module")
def analysis(model, make_document):
    document = make_document(
        knobs={4: 1},
        costs=[
            {"id": "k1", "knob": 4, "party": "welzijn", "amount": "20000"},
            {"id": "k2", "knob": 4, "party": "woco", "kind": "eenmalig", "amount": "5000"},
        ],
        funding=[
            {"party": "gemeente", "source": "III", "years": 2, "amount": "20000"},
            {"cost_item": "k2", "party": "woco", "source": "II", "amount": "5000"},
        ],
        interests={"woco": {"goed_wonen": 3}, "zorg": {"minder_zorgvraag": 2}},
    )
    return analyse(model, document)


def test_a_party_year_table_ends_with_the_totals_and_names_the_cliff_it_carries(analysis):
    tables = {t.caption: t for t in party_year_tables(analysis.money)}
    welzijn = tables["Welzijn: geld per jaar"]
    assert welzijn.rows[0] == ("2025", "€ 20.000", "€ 20.000", "€ 0", "€ 0", "")
    assert welzijn.rows[-1] == ("Totaal", "€ 100.000", "€ 40.000", "€ 60.000", "€ 0", "")
    assert welzijn.total and welzijn.alignment(1) == "right" and welzijn.alignment(5) == "left"
    assert welzijn.rows[2][-1] == "klif: tijdelijk geld stopt (€ 20.000 per jaar)"


def test_the_year_figure_carries_its_charts_figures_with_the_numbers_right(analysis):
    figure = per_year_figure(money_charts(analysis.money, analysis.balance))
    assert figure.table is not None
    assert figure.table.rows == figure.chart.table.rows
    assert [figure.table.alignment(i) for i in range(3)] == ["left", "right", "right"]


def test_each_balance_chart_has_its_table_and_without_value_only_the_tables_are_left(
    analysis, model, make_document
):
    shares, split = balance_figures(
        analysis.balance, money_charts(analysis.money, analysis.balance)
    )
    assert isinstance(shares, Figure) and isinstance(shares.table, PlanTable)
    assert shares.table.columns[3] == "Verschil in procentpunten"
    assert isinstance(split, Figure) and isinstance(split.table, PlanTable)
    assert split.table.total and split.table.rows[-1][0] == "Totaal"
    empty = analyse(model, make_document())
    tables = balance_figures(empty.balance, money_charts(empty.money, empty.balance))
    assert [type(t) for t in tables] == [PlanTable, PlanTable]
