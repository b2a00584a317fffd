"""Committed money split into confirmed by the paying party and recorded on its behalf,
worked out by hand. The horizon is 2025–2029."""

from __future__ import annotations

from decimal import Decimal as D

from stuurknop.engine.money import confirmed_by_party, money_over_time
from stuurknop.projectfile.schema import FundingLine

CONFIRMED = {"how": "bevestigd", "by": "Els de Wit", "organisation": "Woonstichting"}
ON_BEHALF = {"how": "namens", "by": "Piet", "evidence_reference": "FZ-2025-12"}


def test_committed_money_is_split_into_confirmed_and_on_behalf(model, make_document):
    """room: one-off € 10.000 in 2025 by woco, confirmed by woco.
    builder: € 5.000 a year from 2026; a fund (gemeente here) € 3.000 a year for 2 years
    recorded on its behalf; welzijn € 1.000 a year committed without a commitment (older data,
    so on behalf); zorg € 500 a year in gesprek (not committed at all)."""
    doc = make_document(
        costs=[
            {"id": "room", "knob": 2, "kind": "eenmalig", "amount": "10000", "party": "woco"},
            {"id": "builder", "knob": 6, "amount": "5000", "first_year": 2026},
        ],
        funding=[
            {"cost_item": "room", "party": "woco", "source": "IV", "amount": "10000",
             "status": "toegezegd", "commitment": CONFIRMED},
            {"cost_item": "builder", "party": "gemeente", "source": "I", "amount": "3000",
             "years": 2, "status": "toegezegd", "commitment": ON_BEHALF},
            {"cost_item": "builder", "party": "welzijn", "source": "V", "amount": "1000",
             "status": "toegezegd"},
            {"cost_item": "builder", "party": "zorg", "source": "V", "amount": "500",
             "status": "in_gesprek"},
        ],
    )  # fmt: skip
    money = money_over_time(model, doc, doc.scenario())
    years = {r.year: r for r in money.years}
    # 2025: the room; 2026–27: the fund's 3.000 and welzijn's 1.000; 2028–29: welzijn only.
    assert [(years[y].committed, years[y].confirmed, years[y].on_behalf) for y in years] == [
        (D(10000), D(10000), D(0)),
        (D(4000), D(0), D(4000)),
        (D(4000), D(0), D(4000)),
        (D(1000), D(0), D(1000)),
        (D(1000), D(0), D(1000)),
    ]
    assert money.committed == D(10000 + 2 * 3000 + 4 * 1000)
    assert money.confirmed == D(10000)
    assert money.on_behalf == D(2 * 3000 + 4 * 1000)
    assert money.committed == money.confirmed + money.on_behalf


def test_only_a_committed_line_with_the_partys_own_confirmation_counts_as_confirmed() -> None:
    base = {"id": "f1", "cost_item": "k1", "party": "p1", "source": "I", "amount": "10"}
    line = FundingLine.model_validate
    assert confirmed_by_party(line({**base, "status": "toegezegd", "commitment": CONFIRMED}))
    assert not confirmed_by_party(line({**base, "status": "toegezegd", "commitment": ON_BEHALF}))
    assert not confirmed_by_party(line({**base, "status": "toegezegd"}))
    assert not confirmed_by_party(line({**base, "status": "in_gesprek"}))
