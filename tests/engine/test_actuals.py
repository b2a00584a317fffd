"""Realised money against the plan, every figure worked out by hand. The horizon is 2025–2029.

The plan: a meeting room (one-off € 10.000 in 2025, woco pays from IV) and a community builder
(€ 5.000 per year from 2026, led by welzijn), paid by the gemeente from I (temporary) for
2026–2027, by welzijn from V at € 2.000 per year, and by zorg from VI at € 3.000 per year from
2028 (the planned takeover).

The actuals, recorded through 2028: the room cost € 12.000; the builder € 5.000 in 2026 and
2027 and € 4.000 in 2028; the gemeente paid nothing in 2026 and € 10.000 in 2027 (late);
welzijn paid € 2.000, € 2.000 and € 1.000; zorg paid € 3.000 in 2028.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine.actuals import realised
from stuurknop.engine.money import money_over_time
from stuurknop.presentation.reasons import text

ACTUALS = [
    ("room", None, 2025, "12000"),
    ("builder", None, 2026, "5000"),
    ("builder", None, 2027, "5000"),
    ("builder", None, 2028, "4000"),
    (None, "f1", 2025, "10000"),
    (None, "f2", 2027, "10000"),
    (None, "f3", 2026, "2000"),
    (None, "f3", 2027, "2000"),
    (None, "f3", 2028, "1000"),
    (None, "f4", 2028, "3000"),
]


def actuals(rows=ACTUALS):
    return [
        {"id": f"r{i}", "cost_item": c, "funding_line": f, "year": y, "amount": a}
        for i, (c, f, y, a) in enumerate(rows, 1)
    ]


def document(make_document, rows=ACTUALS):
    return make_document(
        knobs={2: 2, 6: {"status": "aan", "opening": 2, "lead_party": "welzijn"}},
        costs=[
            {"id": "room", "knob": 2, "kind": "eenmalig", "amount": "10000", "party": "woco"},
            {"id": "builder", "knob": 6, "amount": "5000", "first_year": 2026},
        ],
        funding=[
            {"cost_item": "room", "party": "woco", "source": "IV", "amount": "10000"},
            {
                "cost_item": "builder",
                "party": "gemeente",
                "source": "I",
                "amount": "5000",
                "years": 2,
            },
            {"cost_item": "builder", "party": "welzijn", "source": "V", "amount": "2000"},
            {
                "cost_item": "builder",
                "party": "zorg",
                "source": "VI",
                "amount": "3000",
                "first_year": 2028,
            },
        ],
        actuals=actuals(rows),
    )


@pytest.fixture
def doc(make_document):
    return document(make_document)


def figures(track):
    return [(y.year, y.planned, y.actual) for y in track.years]


def test_per_year_planned_against_spent_and_received(model, doc):
    result = realised(model, doc, doc.scenario())
    assert result.through == 2028
    assert result.realised_years == (2025, 2026, 2027, 2028)
    assert figures(result.costs) == [
        (2025, D("10000"), D("12000")),
        (2026, D("5000"), D("5000")),
        (2027, D("5000"), D("5000")),
        (2028, D("5000"), D("4000")),
        (2029, D("5000"), None),
    ]
    assert (result.costs.planned, result.costs.planned_to_date, result.costs.actual) == (
        D("30000"),
        D("25000"),
        D("26000"),
    )
    assert result.costs.difference == D("1000")
    assert figures(result.funding) == [
        (2025, D("10000"), D("10000")),
        (2026, D("7000"), D("2000")),
        (2027, D("7000"), D("12000")),
        (2028, D("5000"), D("4000")),
        (2029, D("5000"), None),
    ]
    assert result.funding.difference == D("28000") - D("29000")


def test_the_plan_is_the_money_pages_plan(model, doc):
    plan = money_over_time(model, doc, doc.scenario())
    result = realised(model, doc, doc.scenario())
    assert [y.planned for y in result.costs.years] == [row.costs for row in plan.years]
    assert [y.planned for y in result.funding.years] == [row.funding for row in plan.years]


def test_per_party_and_per_source(model, doc):
    result = realised(model, doc, doc.scenario())
    parties = {
        p.party: (p.costs.planned_to_date, p.costs.actual, p.paid.planned_to_date, p.paid.actual)
        for p in result.parties
    }
    assert parties == {
        "woco": (D("10000"), D("12000"), D("10000"), D("10000")),
        "welzijn": (D("15000"), D("14000"), D("6000"), D("5000")),
        "gemeente": (D("0"), D("0"), D("10000"), D("10000")),
        "zorg": (D("0"), D("0"), D("3000"), D("3000")),
    }
    sources = {
        s.source: (s.temporary, s.received.planned, s.received.actual) for s in result.sources
    }
    assert sources == {
        "I": (True, D("10000"), D("10000")),
        "IV": (False, D("10000"), D("10000")),
        "V": (False, D("8000"), D("5000")),
        "VI": (False, D("6000"), D("3000")),
    }


def test_reasons_for_each_difference(model, doc):
    result = realised(model, doc, doc.scenario())
    by_item = {
        c.cost_item: [(r.code, r.params["amount"]) for r in c.reasons] for c in result.cost_items
    }
    assert by_item == {
        "room": [("actual.overspent", D("2000"))],
        "builder": [("actual.underspent", D("1000"))],
    }
    by_line = {f.funding_line: f.reasons for f in result.funding_lines}
    assert by_line["f1"] == () and by_line["f4"] == ()
    (late,) = by_line["f2"]
    assert late.code == "actual.received_late"
    assert (late.params["amount"], late.params["years"], late.params["received_years"]) == (
        D("5000"),
        (2026,),
        (2027,),
    )
    (less,) = by_line["f3"]
    assert (less.code, less.params["amount"], less.params["years"]) == (
        "actual.received_less",
        D("1000"),
        (2028,),
    )
    assert text(late) == (
        "Gemeente (bron I) voor 'builder': € 5.000 kwam later binnen dan gepland "
        "(gepland in 2026, ontvangen in 2027)"
    )


def test_money_not_received_at_all(model, make_document):
    rows = [r for r in ACTUALS if r[1] != "f2"]
    doc = document(make_document, rows)
    (missing,) = next(
        f for f in realised(model, doc, doc.scenario()).funding_lines if f.funding_line == "f2"
    ).reasons
    assert missing.code == "actual.not_received"
    assert (missing.params["amount"], missing.params["years"]) == (D("10000"), (2026, 2027))


def test_the_cliff_stopped_and_zorg_took_over(model, doc):
    (cliff,) = realised(model, doc, doc.scenario()).cliffs
    assert (cliff.year, cliff.drop, cliff.sources, cliff.funding_lines) == (
        2028,
        D("5000"),
        ("I",),
        ("f2",),
    )
    assert cliff.stopped is True
    # welzijn already paid in 2027: it goes on paying its share and does not count as a taker
    assert [(t.party, t.source, t.amount) for t in cliff.takers] == [("Zorg", "VI", D("3000"))]
    # 2028: spent 4000, received 0 + 1000 + 3000
    assert cliff.uncovered == D("0")
    assert cliff.reason.code == "actual.cliff_taken_over"


def test_the_cliff_continued_or_left_a_gap_or_is_pending(model, make_document):
    continued = document(make_document, [*ACTUALS, (None, "f2", 2028, "2500")])
    (cliff,) = realised(model, continued, continued.scenario()).cliffs
    assert (cliff.stopped, cliff.continued, cliff.reason.code) == (
        False,
        D("2500"),
        "actual.cliff_continued",
    )

    no_taker = document(make_document, [r for r in ACTUALS if r[1] != "f4"])
    (cliff,) = realised(model, no_taker, no_taker.scenario()).cliffs
    # 2028: spent 4000, only welzijn's 1000 came in
    assert (cliff.reason.code, cliff.uncovered) == ("actual.cliff_gap", D("3000"))

    early = document(make_document, [r for r in ACTUALS if r[2] < 2028])
    (cliff,) = realised(model, early, early.scenario()).cliffs
    assert (cliff.stopped, cliff.reason.code) == (None, "actual.cliff_pending")


def test_nothing_recorded_is_nothing_realised(model, make_document):
    doc = document(make_document, [])
    result = realised(model, doc, doc.scenario())
    assert result.through is None and result.realised_years == ()
    assert all(y.actual is None for y in result.costs.years)
    assert result.reasons == tuple(c.reason for c in result.cliffs)
