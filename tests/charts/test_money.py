"""The money charts: the engine's figures drawn, with the cliff marked and the split shown."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from stuurknop.charts.money import (
    axis_euro,
    money_charts,
)
from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text


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


@pytest.fixture(scope="module")
def charts(analysis):
    return money_charts(analysis.money, analysis.balance)


def test_the_year_chart_has_the_engines_figures_per_year(analysis, charts):
    table = charts.per_year.table
    assert table.columns[:5] == (
        "Jaar",
        "Structurele financiering",
        "Tijdelijke financiering",
        "Tekort",
        "Kosten",
    )
    for row, year in zip(table.rows, analysis.money.years, strict=True):
        assert row[0] == str(year.year)
        assert row[1] == euro(year.funding - year.temporary)
        assert row[2] == euro(year.temporary)
        assert row[3] == euro(year.uncovered)
        assert row[4] == euro(year.costs)
    # hand-computed: 2025 costs 20 000 + 5 000, the temporary subsidy pays 20 000 in 2025–2026
    assert table.rows[0][1:5] == ("€ 5.000", "€ 20.000", "€ 0", "€ 25.000")
    assert table.rows[2][1:5] == ("€ 0", "€ 0", "€ 20.000", "€ 20.000")


def test_the_cliff_is_marked_in_the_chart_and_explained_in_the_table(analysis, charts):
    (cliff,) = analysis.money.cliffs
    assert cliff.year == 2027
    remarks = {row[0]: row[-1] for row in charts.per_year.table.rows}
    assert remarks["2027"] == f"Klif: {text(cliff.reason)}"
    assert remarks["2026"] == ""
    assert "Klif 2027" in charts.per_year.svg
    assert "In 2027 stopt tijdelijk geld" in charts.per_year.description


def test_the_party_chart_leaves_out_parties_without_money(charts):
    table = charts.per_party.table
    assert [row[0] for row in table.rows] == ["Woco", "Welzijn", "Gemeente"]
    assert table.rows[1] == ("Welzijn", "€ 100.000", "€ 0", "€ 60.000")
    assert table.rows[2] == ("Gemeente", "€ 0", "€ 40.000", "€ 0")
    assert "Gemeente betaalt het meest: € 40.000" in charts.per_party.description


def test_the_gap_per_party_is_stacked_by_the_party_carrying_the_cost(charts):
    table = charts.gap_per_party.table
    assert table.columns == ("Jaar", "Welzijn", "Opmerking")
    assert [row[1] for row in table.rows] == ["€ 0", "€ 0", "€ 20.000", "€ 20.000", "€ 20.000"]
    assert "Het grootste tekort ligt bij Welzijn: € 60.000" in charts.gap_per_party.description


def test_the_balance_charts_show_both_shares_and_the_split_of_the_funded_total(analysis, charts):
    assert charts.balance_shares is not None and charts.balance_split is not None
    shares = {row[0]: row[1:] for row in charts.balance_shares.table.rows}
    split = {row[0]: row[1:] for row in charts.balance_split.table.rows}
    for party in analysis.balance.parties:
        assert shares[party.name] == (percent(party.funding_share), percent(party.value_share))
        assert split[party.name] == (euro(party.paid), euro(party.split))
    assert "financiering (€ 45.000)" in charts.balance_split.description
    assert "niet uit geld" in charts.balance_split.description


def test_without_stated_interests_there_is_no_balance_chart(model, make_document):
    analysis = analyse(
        model, make_document(costs=[{}], funding=[{"party": "woco", "source": "II"}])
    )
    charts = money_charts(analysis.money, analysis.balance)
    assert charts.balance_shares is None and charts.balance_split is None


def test_a_scenario_without_money_still_gets_its_charts(model, make_document):
    analysis = analyse(model, make_document())
    charts = money_charts(analysis.money, analysis.balance)
    assert "nog geen kosten" in charts.per_year.description
    assert charts.gap_per_party.table.columns == ("Jaar", "Tekort")
    assert "Geen partij houdt een tekort over." in charts.gap_per_party.description


def test_the_charts_on_one_page_share_no_id(charts):
    seen: set[str] = set()
    for chart in (charts.per_year, charts.per_party, charts.gap_per_party, charts.balance_shares):
        assert chart is not None
        ids = set(re.findall(r' id="([^"]+)"', chart.svg))
        assert ids and not ids & seen
        seen |= ids


def test_the_balance_tables_show_the_figures_of_the_verdict_and_the_split_adds_up(charts):
    shares, split = charts.balance_shares_table, charts.balance_split_table
    assert shares.columns == (
        "Partij",
        "Deel van de financiering",
        "Deel van de waarde",
        "Verschil in procentpunten",
        "Deel van de waarde zonder eigen weging",
    )
    rows = {row[0]: row for row in shares.rows}
    assert rows["Woco"][1] == "11%" and rows["Gemeente"][1] == "89%"  # of € 45.000 paid
    woco_points = int(rows["Woco"][1][:-1]) - int(rows["Woco"][2][:-1])
    assert rows["Woco"][3] == f"{woco_points:+d}"
    assert rows["Welzijn"][2] == rows["Welzijn"][3] == "–"  # stated nothing: no share
    assert "financiering (€ 45.000)" in shares.caption
    money = {row[0]: row for row in split.rows}
    assert money["Woco"][1] == "€ 5.000,00"
    assert money["Totaal"][1] == money["Totaal"][2] == "€ 45.000,00"
    assert money["Totaal"][3] == "€ 0,00"


@pytest.mark.parametrize(
    ("amount", "text"),
    [("0", "€ 0"), ("250000", "€ 250.000"), ("1000000", "€ 1 mln"), ("1500000", "€ 1,5 mln")],
)
def test_axis_euros_are_short_from_a_million(amount, text):
    assert axis_euro(Decimal(amount)) == text
