"""Money over time, with every figure worked out by hand. The horizon is 2025–2029."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine.money import cost_years, funding_years, money_over_time
from stuurknop.presentation.reasons import text
from stuurknop.projectfile.schema import CostItem, FundingLine

HORIZON = range(2025, 2030)


def money_of(model, doc):
    return money_over_time(model, doc, doc.scenario())


@pytest.fixture
def plan(make_document):
    """A meeting room built once by the corporation and a community builder from 2026 on.

    k_room:    one-off € 10.000 in 2025, paid by woco from IV (toegezegd).
    k_builder: € 5.000 per year from 2026, structural; led by welzijn (knob 6). Paid by the
               gemeente from I (temporary) for 2 years, 2026–2027 (toegezegd), and by welzijn
               from V at € 2.000 per year for as long as it runs (idee).
    """
    return make_document(
        knobs={2: 2, 6: {"status": "aan", "opening": 2, "lead_party": "welzijn"}},
        costs=[
            {"id": "room", "knob": 2, "kind": "eenmalig", "amount": "10000", "party": "woco"},
            {"id": "builder", "knob": 6, "amount": "5000", "first_year": 2026},
        ],
        funding=[
            {
                "cost_item": "room",
                "party": "woco",
                "source": "IV",
                "amount": "10000",
                "status": "toegezegd",
            },
            {
                "cost_item": "builder",
                "party": "gemeente",
                "source": "I",
                "amount": "5000",
                "years": 2,
                "status": "toegezegd",
            },
            {"cost_item": "builder", "party": "welzijn", "source": "V", "amount": "2000"},
        ],
    )


def test_per_year_costs_funding_gap_and_surplus(model, plan):
    rows = [
        (r.year, r.costs, r.funding, r.uncovered, r.surplus) for r in money_of(model, plan).years
    ]
    assert rows == [
        (2025, D(10000), D(10000), D(0), D(0)),  # the room, fully paid
        (2026, D(5000), D(5000 + 2000), D(0), D(2000)),  # builder: I and V together overpay
        (2027, D(5000), D(5000 + 2000), D(0), D(2000)),
        (2028, D(5000), D(2000), D(5000 - 2000), D(0)),  # I has stopped: only V is left
        (2029, D(5000), D(2000), D(5000 - 2000), D(0)),
    ]


def test_per_year_funding_by_source_committed_and_temporary(model, plan):
    years = {r.year: r for r in money_of(model, plan).years}
    assert years[2025].by_source == {"IV": D(10000)}
    assert years[2026].by_source == {"I": D(5000), "V": D(2000)}
    assert years[2028].by_source == {"V": D(2000)}
    assert [(years[y].committed, years[y].temporary) for y in HORIZON] == [
        (D(10000), D(0)),
        (D(5000), D(5000)),
        (D(5000), D(5000)),
        (D(0), D(0)),
        (D(0), D(0)),
    ]
    assert years[2026].cost_items == ("builder",)
    assert years[2026].funding_lines == ("f2", "f3")


def test_totals_over_the_horizon(model, plan):
    money = money_of(model, plan)
    assert money.total_costs == D(10000 + 4 * 5000)
    assert money.total_funding == D(10000 + 2 * 5000 + 4 * 2000)
    assert money.total_uncovered == D(2 * 3000)
    assert money.total_surplus == D(2 * 2000)


def test_a_temporary_subsidy_that_ends_makes_a_cliff(model, plan):
    [cliff] = money_of(model, plan).cliffs
    assert cliff.year == 2028  # I pays 2026 and 2027
    assert cliff.drop == D(5000)
    assert (cliff.uncovered_before, cliff.uncovered_after) == (D(0), D(3000))
    assert cliff.funding_lines == ("f2",)
    assert cliff.cost_items == ("builder",)
    assert text(cliff.reason).startswith("vanaf 2028 stopt € 5.000 per jaar uit bron I; ")
    assert text(cliff.reason).endswith("2027: € 0, 2028: € 3.000")


def test_a_cliff_is_measured_on_the_cost_items_the_temporary_money_paid_for(model, make_document):
    doc = make_document(
        costs=[
            {"id": "wwz", "amount": "5000"},
            {"id": "other", "amount": "700"},  # never funded: a gap of 700 every year
        ],
        funding=[
            {"cost_item": "wwz", "party": "gemeente", "source": "I", "amount": "5000", "years": 2},
            {
                "cost_item": "wwz",
                "party": "gemeente",
                "source": "II",
                "amount": "3000",
                "first_year": 2027,
            },
        ],
    )
    [cliff] = money_of(model, doc).cliffs
    # 2027: I (5.000) has stopped, II pays 3.000, so the gap on "wwz" goes from 0 to 2.000.
    assert (cliff.year, cliff.drop) == (2027, D(5000))
    assert (cliff.uncovered_before, cliff.uncovered_after) == (D(0), D(5000 - 3000))
    assert cliff.cost_items == ("wwz",)


def test_when_other_money_takes_over_in_time_there_is_no_cliff(model, make_document):
    doc = make_document(
        costs=[{"amount": "5000"}],
        funding=[
            {"party": "gemeente", "source": "I", "amount": "5000", "years": 2},
            {"party": "gemeente", "source": "II", "amount": "5000", "first_year": 2027},
        ],
    )
    money = money_of(model, doc)
    assert money.cliffs == ()
    assert money.total_uncovered == D(0)


def test_temporary_money_for_a_cost_that_ends_with_it_is_no_cliff(model, make_document):
    doc = make_document(
        costs=[{"amount": "5000", "years": 2}],
        funding=[{"party": "gemeente", "source": "I", "amount": "5000"}],
    )
    assert money_of(model, doc).cliffs == ()


def test_temporary_money_for_a_one_off_cost_is_no_cliff(model, make_document):
    doc = make_document(
        costs=[{"kind": "eenmalig", "amount": "5000", "first_year": 2026}],
        funding=[{"party": "gemeente", "source": "III", "amount": "5000"}],
    )
    assert money_of(model, doc).cliffs == ()


def test_structural_money_that_ends_is_no_cliff(model, make_document):
    doc = make_document(
        costs=[{"amount": "5000"}],
        funding=[{"party": "gemeente", "source": "II", "amount": "5000", "years": 2}],
    )
    money = money_of(model, doc)
    assert money.cliffs == ()
    assert money.total_uncovered == D(3 * 5000)  # 2027, 2028 and 2029 unpaid


def test_structural_share_of_recurring_costs(model, plan):
    money = money_of(model, plan)
    # Recurring: the builder, 4 × 5.000. Structural source V covers 2.000 of it each year.
    assert money.recurring_costs == D(4 * 5000)
    assert money.recurring_on_structural == D(4 * 2000)
    assert money.structural_share == pytest.approx(8000 / 20000)


def test_structural_share_counts_structural_money_only_up_to_the_cost(model, make_document):
    doc = make_document(
        costs=[{"amount": "1000"}],
        funding=[{"party": "gemeente", "source": "II", "amount": "1500"}],
    )
    assert money_of(model, doc).structural_share == 1.0  # min(1000, 1500) / 1000


def test_without_recurring_costs_the_structural_share_is_whole(model, make_document):
    doc = make_document(costs=[{"kind": "eenmalig"}])
    money = money_of(model, doc)
    assert money.recurring_costs == D(0)
    assert money.structural_share == 1.0


def test_committed_versus_open(model, plan):
    money = money_of(model, plan)
    assert money.funding_by_status == {
        "idee": D(4 * 2000),
        "in_gesprek": D(0),
        "toegezegd": D(10000 + 2 * 5000),
    }
    assert money.committed == D(20000)
    assert money.open == D(28000 - 20000)


def test_per_party_costs_paid_and_uncovered(model, plan):
    parties = {p.party: p for p in money_of(model, plan).parties}
    assert list(parties) == ["woco", "zorg", "welzijn", "gemeente", "bewoners"]
    woco, welzijn, gemeente = parties["woco"], parties["welzijn"], parties["gemeente"]
    assert (woco.costs, woco.paid, woco.uncovered) == (D(10000), D(10000), D(0))
    # welzijn leads knob 6, so the builder is its cost; covered 5000+5000+2000+2000.
    assert (welzijn.costs, welzijn.paid, welzijn.uncovered) == (D(20000), D(8000), D(6000))
    assert (gemeente.costs, gemeente.paid, gemeente.uncovered) == (D(0), D(10000), D(0))
    assert welzijn.by_source == {"V": D(8000)}
    assert gemeente.by_source == {"I": D(10000)}
    assert [(y.year, y.costs, y.received, y.uncovered, y.paid) for y in welzijn.years] == [
        (2025, D(0), D(0), D(0), D(0)),
        (2026, D(5000), D(5000), D(0), D(2000)),
        (2027, D(5000), D(5000), D(0), D(2000)),
        (2028, D(5000), D(2000), D(3000), D(2000)),
        (2029, D(5000), D(2000), D(3000), D(2000)),
    ]


def test_a_cost_with_no_party_and_no_lead_lands_on_nobody_yet(model, make_document):
    doc = make_document(knobs={4: 1}, costs=[{"knob": 4, "amount": "100"}])
    parties = {p.party: p for p in money_of(model, doc).parties}
    assert parties[""].name == "Nog geen partij"
    assert parties[""].costs == D(5 * 100)


def test_without_unassigned_costs_there_is_no_row_for_nobody(model, plan):
    assert "" not in {p.party for p in money_of(model, plan).parties}


def test_per_cost_item_coverage_and_first_gap(model, plan):
    items = {i.cost_item: i for i in money_of(model, plan).cost_items}
    assert (items["room"].costs, items["room"].covered, items["room"].uncovered) == (
        D(10000),
        D(10000),
        D(0),
    )
    assert items["room"].first_uncovered_year is None
    assert (items["builder"].costs, items["builder"].covered, items["builder"].uncovered) == (
        D(20000),
        D(5000 + 5000 + 2000 + 2000),
        D(6000),
    )
    assert items["builder"].first_uncovered_year == 2028
    assert items["builder"].party == "welzijn"
    assert items["builder"].funding_lines == ("f2", "f3")


def test_cents_stay_exact(model, make_document):
    doc = make_document(
        costs=[{"amount": "0.10"}],
        funding=[{"party": "gemeente", "source": "II", "amount": "0.03"}],
    )
    money = money_of(model, doc)
    assert money.total_costs == D("0.50")  # 5 × 0.10, not 0.5000000001
    assert money.total_uncovered == D("0.35")  # 5 × (0.10 − 0.03)


def cost(kind="jaarlijks", first_year=2025, years=None):
    return CostItem(
        id="c", knob=1, description="c", kind=kind, amount=D(1), first_year=first_year, years=years
    )


def line(first_year=None, years=None):
    return FundingLine(
        id="f",
        cost_item="c",
        party="p",
        source="V",
        amount=D(1),
        first_year=first_year,
        years=years,
    )


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (cost("eenmalig", 2027), range(2027, 2028)),
        (cost(first_year=2026, years=3), range(2026, 2029)),  # 2026, 2027, 2028
        (cost(first_year=2026), range(2026, 2030)),  # structural: to the end of the horizon
        (cost(first_year=2028, years=10), range(2028, 2030)),  # cut off at the horizon
    ],
)
def test_the_years_a_cost_needs_money(item, expected):
    assert cost_years(item, HORIZON) == expected


@pytest.mark.parametrize(
    ("item", "funding", "expected"),
    [
        (cost("eenmalig", 2027), line(), range(2027, 2028)),
        (cost("eenmalig", 2027), line(first_year=2028), range(2028, 2029)),
        (cost(years=3), line(), range(2025, 2028)),  # as long as the cost runs
        (cost(years=3), line(first_year=2026), range(2026, 2028)),
        (cost(), line(years=2), range(2025, 2027)),
        (cost(), line(first_year=2027, years=9), range(2027, 2030)),  # cut off at the horizon
    ],
)
def test_the_years_a_funding_line_pays(item, funding, expected):
    assert funding_years(funding, item, HORIZON) == expected


def test_funding_beyond_the_years_of_its_cost_is_surplus(model, make_document):
    doc = make_document(
        costs=[{"amount": "100", "years": 2}],
        funding=[{"party": "gemeente", "source": "II", "amount": "100", "years": 3}],
    )
    rows = [(r.costs, r.funding, r.uncovered, r.surplus) for r in money_of(model, doc).years]
    assert rows[2] == (D(0), D(100), D(0), D(100))  # 2027: the cost has ended, the line pays on


@pytest.mark.parametrize(
    ("subsidies", "expected"),
    [
        # (amount, years from 2025) per cost item → (drop, year) largest first
        ((("8000", 3), ("30000", 4)), ((D(30000), 2029), (D(8000), 2028))),
        ((("30000", 3), ("8000", 4)), ((D(30000), 2028), (D(8000), 2029))),
        ((("5000", 4), ("5000", 3)), ((D(5000), 2028), (D(5000), 2029))),  # tie: earliest first
    ],
)
def test_cliffs_largest_drop_first(model, make_document, subsidies, expected):
    doc = make_document(
        costs=[{"id": f"c{i}", "amount": amount} for i, (amount, _) in enumerate(subsidies)],
        funding=[
            {"cost_item": f"c{i}", "party": "gemeente", "source": "I", "amount": a, "years": n}
            for i, (a, n) in enumerate(subsidies)
        ],
    )
    money = money_of(model, doc)
    assert tuple((c.drop, c.year) for c in money.cliffs_largest_first) == expected
    assert [c.year for c in money.cliffs] == sorted(c.year for c in money.cliffs)


# Shortfall or timing gap, computed by hand. Horizon 2025–2029; one cost item "c" and its
# funding lines (amount, first year, years). uncovered = Σ per year max(0, cost − funding);
# shortfall = max(0, Σ cost − Σ funding); timing gap = uncovered − shortfall.
@pytest.mark.parametrize(
    ("item", "lines", "expected"),
    [
        # one-off 8.000 in 2027, paid in 2028: all of it comes a year late
        (
            {"kind": "eenmalig", "amount": "8000", "first_year": 2027},
            [("8000", 2028, None)],
            (D(8000), D(0), D(8000), (2027,), (2028,)),
        ),
        # 1.000 a year 2025–2029 (5.000); 2.500 a year in 2028 and 2029 (5.000): 2025–2027 late
        (
            {"amount": "1000"},
            [("2500", 2028, 2)],
            (D(3000), D(0), D(3000), (2025, 2026, 2027), (2028, 2029)),
        ),
        # 1.000 a year, 500 a year 2025–2029: 2.500 short every year, nothing late
        (
            {"amount": "1000"},
            [("500", None, None)],
            (D(2500), D(2500), D(0), (2025, 2026, 2027, 2028, 2029), ()),
        ),
        # 1.000 a year, 2.000 in 2029 only: 4.000 uncovered, 3.000 short, 1.000 late (the 2029
        # surplus pays for one earlier year)
        (
            {"amount": "1000"},
            [("2000", 2029, 1)],
            (D(4000), D(3000), D(1000), (2025, 2026, 2027, 2028), (2029,)),
        ),
        # paid in full in its own years: neither
        ({"amount": "1000"}, [("1000", None, None)], (D(0), D(0), D(0), (), ())),
        # paid early: 1.500 a year in 2025–2026 for 1.000 a year 2027–2029
        (
            {"amount": "1000", "first_year": 2027},
            [("1500", 2025, 2)],
            (D(3000), D(0), D(3000), (2027, 2028, 2029), (2025, 2026)),
        ),
    ],
)
def test_a_gap_is_a_shortfall_or_money_that_comes_late(model, make_document, item, lines, expected):
    doc = make_document(
        costs=[{"id": "c", **item}],
        funding=[
            {"cost_item": "c", "party": "gemeente", "source": "II", "amount": a}
            | {"first_year": y, "years": n}
            for a, y, n in lines
        ],
    )
    money = money_of(model, doc)
    [c] = money.cost_items
    assert (c.uncovered, c.shortfall, c.timing_gap, c.gap_years, c.catch_up_years) == expected
    assert c.uncovered == c.shortfall + c.timing_gap
    assert (money.total_shortfall, money.total_timing_gap) == (c.shortfall, c.timing_gap)


def test_each_gap_has_its_own_reason(model, make_document):
    late = make_document(
        costs=[
            {
                "id": "c",
                "description": "Verbouwing",
                "kind": "eenmalig",
                "amount": "8000",
                "first_year": 2027,
            }
        ],
        funding=[
            {"cost_item": "c", "party": "gemeente", "source": "II", "amount": "8000"}
            | {"first_year": 2028}
        ],
    )
    [c] = money_of(model, late).cost_items
    assert c.shortfall_reason is None
    assert text(c.timing_reason) == (
        "geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028"
    )
    short = make_document(
        costs=[{"id": "c", "description": "Coach", "amount": "1000"}],
        funding=[
            {"cost_item": "c", "party": "gemeente", "source": "II", "amount": "1000", "years": 2}
        ],
    )
    [c] = money_of(model, short).cost_items
    assert c.timing_reason is None
    assert text(c.shortfall_reason) == (
        "tekort op 'Coach': € 3.000 dat binnen de looptijd niemand betaalt "
        "(niet gedekt in 2027–2029)"
    )
