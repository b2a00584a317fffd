"""The conditions of a scale-up assessment and a decision's review, computed by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from stuurknop.engine.evaluation import conditions
from stuurknop.engine.indicators import IndicatorState
from stuurknop.engine.reviews import decision_reviews
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile import ProjectDocument, parse_document


def _document(document_data: Callable[..., dict[str, Any]], **extra: Any) -> ProjectDocument:
    # 2025–2029; one yearly cost item of 20,000 paid by a fund (III, temporary) for two years,
    # then by the corporation (IV) from 2027; a one-off cost item paid by the municipality.
    data = document_data(
        knobs={2: 2, 4: {"status": "aan", "opening": 1, "lead_party": "welzijn"}, 7: "uit"},
        costs=[
            {"id": "k1", "knob": 4, "description": "Begeleider", "amount": "20000"},
            {"id": "k2", "knob": 2, "description": "Keuken", "kind": "eenmalig", "amount": "9000"},
        ],
        funding=[
            {
                "id": "f1",
                "cost_item": "k1",
                "party": "welzijn",
                "source": "III",
                "years": 2,
                "amount": "20000",
            },
            {
                "id": "f2",
                "cost_item": "k1",
                "party": "woco",
                "source": "IV",
                "first_year": 2027,
                "amount": "15000",
            },
            {"id": "f3", "cost_item": "k2", "party": "gemeente", "source": "I", "amount": "9000"},
        ],
        not_at_table=["gemeente"],
    )
    data.update(extra)
    return parse_document(data)


def test_knobs_on_money_that_lasted_money_that_stopped_and_the_table(
    model: Model, document_data: Callable[..., dict[str, Any]]
) -> None:
    document = _document(document_data)
    found = conditions(model, document, document.scenario())
    assert [(k.knob, k.opening, k.lead_party) for k in found.knobs_on] == [
        (2, 2, None),
        (4, 1, "welzijn"),
    ]
    # f2 pays 2027–2029, the last year of its cost item: it lasted. f3 is one-off: neither.
    assert [(s.funding_line, s.first_year, s.last_year) for s in found.lasting] == [
        ("f2", 2027, 2029)
    ]
    # f1 (a fund, temporary) paid 2025–2026; in 2027 the corporation paid 15,000 of 20,000.
    [stopped] = found.stopped
    assert (stopped.span.funding_line, stopped.stop_year) == ("f1", 2027)
    assert stopped.taken_over_by == ("woco",)
    assert not stopped.taken_over  # 15,000 in 2027 is less than 20,000 in 2026
    assert found.parties_at_table == ("woco", "zorg", "welzijn", "bewoners")


def test_a_review_judges_the_indicators_of_its_knobs_with_the_measurements_by_then(
    model: Model, document_data: Callable[..., dict[str, Any]]
) -> None:
    document = _document(document_data)
    data = document.model_dump(mode="json")
    data["scenarios"][0]["evidence"] = [
        {
            "value": "goed_wonen",
            "indicators": [
                {
                    "id": "deelname",
                    "name": "Deelname",
                    "baseline": "10",
                    "baseline_date": "2025-01-01",
                    "target": "50",
                    "target_date": "2029-01-01",
                    "knobs": [4],
                    "measurements": [
                        {"date": "2026-01-01", "value": "20"},
                        {"date": "2028-01-01", "value": "20"},
                    ],
                },
                {"id": "ander", "name": "Andere knop", "target": "1", "knobs": [9]},
            ],
        }
    ]
    data["decisions"] = [
        {
            "id": "b1",
            "title": "Begeleider blijft",
            "date": "2025-06-01",
            "review_date": "2026-06-01",
            "knobs": [4],
        },
        {"id": "b2", "title": "Zonder herziening", "date": "2025-06-01", "knobs": [4]},
    ]
    document = parse_document(data)
    [review] = decision_reviews(document, document.scenario(), dt.date(2028, 6, 1))
    assert review.decision.id == "b1" and review.due and review.by == dt.date(2026, 6, 1)
    [item] = review.indicators  # only the indicator that watches knob 4
    # By 1 June 2026 only the 2026 measurement counts: 10 → 20 after a year of four, where
    # 10 was expected (a quarter of the way to 50): on track. The 2028 one is ignored.
    assert item.status.latest is not None and item.status.latest.date == dt.date(2026, 1, 1)
    assert item.status.state is IndicatorState.OP_KOERS
