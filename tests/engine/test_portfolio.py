"""A project's portfolio summary: the grid's code, the money per party, year, source and
status, cliffs, constructions and which values appear (hand-computed)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from stuurknop.engine.portfolio import knob_code, project_summary
from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import ProjectDocument


def test_the_knob_code_says_not_discussed_off_and_how_far(
    make_document: Callable[..., ProjectDocument],
) -> None:
    doc = make_document(knobs={1: 3, 2: "uit", 10: 1})
    assert knob_code(doc.scenarios[0]) == "30.......1"


def test_money_is_summed_per_party_source_year_and_status(
    model: Model, make_document: Callable[..., ProjectDocument]
) -> None:
    doc = make_document(
        knobs={4: 2},
        costs=[{"knob": 4, "amount": "1000"}],
        funding=[
            {"party": "woco", "source": "II", "amount": "600", "status": "toegezegd"},
            {"party": "woco", "source": "II", "amount": "400", "years": 2},
        ],
    )
    summary = project_summary(model, doc, doc.scenarios[0])
    committed = [c for c in summary.money if c.committed]
    open_ = [c for c in summary.money if not c.committed]
    # 2025–2029: 600 a year committed; 400 open in the first two years only.
    assert [(c.year, c.amount) for c in committed] == [(y, Decimal(600)) for y in range(2025, 2030)]
    assert [(c.year, c.amount) for c in open_] == [(2025, Decimal(400)), (2026, Decimal(400))]
    assert summary.constructions == ((4, "II"),)


def test_temporary_money_that_stops_while_the_cost_runs_on_is_a_cliff(
    model: Model, make_document: Callable[..., ProjectDocument]
) -> None:
    doc = make_document(
        costs=[{"amount": "5000"}],
        funding=[{"party": "gemeente", "source": "III", "amount": "5000", "years": 2}],
    )
    summary = project_summary(model, doc, doc.scenarios[0])
    assert [(c.year, c.drop, c.sources) for c in summary.cliffs] == [
        (2027, Decimal(5000), ("III",))
    ]


def _indicator(name: str, measured: str, when: str) -> dict[str, object]:
    return {
        "id": name,
        "name": name,
        "baseline": "10",
        "baseline_date": "2025-01-01",
        "target": "20",
        "target_date": "2026-01-01",
        "measurements": [{"date": when, "value": measured}],
    }


def test_a_value_appears_when_all_its_measured_indicators_are_on_track(
    model: Model, make_document: Callable[..., ProjectDocument]
) -> None:
    doc = make_document(
        evidence=[
            {"value": "goed_wonen", "indicators": [_indicator("a", "20", "2026-01-01")]},
            {
                "value": "werkplezier",
                "indicators": [
                    _indicator("b", "20", "2026-01-01"),
                    _indicator("c", "11", "2026-01-01"),
                ],
            },
        ]
    )
    summary = project_summary(model, doc, doc.scenarios[0])
    assert summary.values_appearing == ("goed_wonen",)
    assert summary.indicators["op_koers"] == 2
    assert summary.indicators["uit_koers"] == 1


def test_interests_are_kept_per_party(
    model: Model, make_document: Callable[..., ProjectDocument]
) -> None:
    doc = make_document(interests={"woco": {"goed_wonen": 3}, "zorg": {"werkplezier": 1}})
    summary = project_summary(model, doc, doc.scenarios[0])
    assert summary.interests == {"woco": {"goed_wonen": 3}, "zorg": {"werkplezier": 1}}
