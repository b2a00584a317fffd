"""Effects in money, checked by hand on a small case (the arithmetic is written out below)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine.effects import TOTAL, effects_of, payback_year
from stuurknop.engine.redistribution import redistribute
from stuurknop.projectfile import parse_document
from tests.conftest import project_data

# Rate 10 % so the factors are easy: 1/1.1 = 0.90909…, 1/1.21, 1/1.331, 1/1.4641.
SETTINGS = {"discount_rate": "10.00", "proxies": []}


def effect(**fields):
    return {
        "id": "e",
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "beneficiary": "gemeente",
        "low": "0",
        "expected": "1000",
        "high": "2000",
        "first_year": 2026,
        **fields,
    }


def small_case(make_document, *, effects, settings=SETTINGS):
    data = project_data(
        costs=[{"amount": "1100", "kind": "eenmalig", "party": "woco"}],
        funding=[{"party": "gemeente", "source": "V", "amount": "400"}],
        effects=effects,
    )
    return parse_document({**data, "effect_settings": settings})


@pytest.fixture
def result(model, make_document):
    doc = small_case(
        make_document,
        effects=[
            # gemeente: 1000 a year in 2026–2027, kept 0.8 × 0.75 = 0.6, halving each year:
            # 2026: 1000 × 0.6 = 600 → PV 600/1.1 = 545.4545; 2027: 300 → 300/1.21 = 247.9339.
            effect(id="e1", years=2, drop_off=50, deadweight=20, attribution=25),
            # woco: 605 a year from 2027 to the end of the horizon (2029), nothing taken off:
            # 605/1.21 + 605/1.331 + 605/1.4641 = 500 + 454.5455 + 413.2231 = 1367.7686.
            effect(id="e2", beneficiary="woco", expected="605", high="700", first_year=2027),
        ],
    )
    return effects_of(model, doc, doc.scenario())


def test_present_values_by_hand(result):
    woco, gemeente = result.of("woco"), result.of("gemeente")
    # woco's one-off 1100 in 2025 (the base year), of which gemeente funds 400: woco carries
    # the 700 nobody covers, gemeente pays 400; undiscounted in the base year.
    assert woco.paid[0] == D("700.00") and gemeente.paid[0] == D("400.00")
    assert woco.pv_paid == pytest.approx(700)
    assert gemeente.pv_paid == pytest.approx(400)
    assert gemeente.benefits == pytest.approx((0, 600, 300, 0, 0))
    assert gemeente.pv_benefits == pytest.approx(600 / 1.1 + 300 / 1.21)
    assert woco.benefits == pytest.approx((0, 0, 605, 605, 605))
    assert woco.pv_benefits == pytest.approx(500 + 605 / 1.331 + 605 / 1.4641)
    assert woco.npv == pytest.approx(1367.7686 - 700, abs=1e-3)
    assert woco.bcr == pytest.approx(1367.7686 / 700, abs=1e-6)
    assert result.total.pv_paid == pytest.approx(1100)
    assert result.total.npv == pytest.approx(1367.7686 + 793.3884 - 1100, abs=1e-3)
    assert result.of(TOTAL) is result.total
    # a party that pays nothing and gains nothing: no ratio, no payback
    assert result.of("zorg").bcr is None and result.payback["zorg"] is None


def test_payback_years_by_hand(result):
    # woco cumulative discounted net: 2025 −700, 2026 −700, 2027 −200, 2028 +254.5 → 2028
    assert result.payback["woco"] == 2028
    # gemeente: 2025 −400, 2026 −400 + 545.45 = +145.45 and stays above → 2026
    assert result.payback["gemeente"] == 2026
    # the payback holds to the end: ahead first, then behind again, then ahead
    assert payback_year([10, -20, 15], [2025, 2026, 2027], 2025, 0.0) == 2027
    assert payback_year([-1, 0], [2025, 2026], 2025, 0.0) is None


def test_levels_low_and_high(model, make_document):
    doc = small_case(make_document, effects=[effect(years=1)])
    low = effects_of(model, doc, doc.scenario(), levels={"e": "low"})
    high = effects_of(model, doc, doc.scenario(), levels={"e": "high"})
    assert low.of("gemeente").pv_benefits == 0
    assert high.of("gemeente").pv_benefits == pytest.approx(2000 / 1.1)


def test_a_proxy_multiplies_the_quantity_and_risk_free_flows_use_minus_one_percent(
    model, make_document
):
    settings = {
        "discount_rate": "10.00",
        "proxies": [
            {"id": "p1", "name": "Uur hulp", "unit": "per uur", "amount": "50",
             "price_year": 2024, "source": "eigen tarief 2024"}
        ],
    }  # fmt: skip
    doc = small_case(
        make_document,
        effects=[
            effect(id="q", proxy="p1", low="5", expected="10", high="20", years=1),
            effect(id="sure", beneficiary="zorg", years=1, displacement=50, risk_free=True),
        ],
        settings=settings,
    )
    result = effects_of(model, doc, doc.scenario())
    # 10 hours × € 50 = 500 in 2026: 500/1.1
    assert result.of("gemeente").pv_benefits == pytest.approx(500 / 1.1)
    # risk-free: 1000 × (1 − 0.5) = 500 in 2026 at −1 %: 500/0.99
    assert result.of("zorg").pv_benefits == pytest.approx(500 / 0.99)


def test_a_higher_rate_lowers_the_present_value(model, make_document):
    doc = small_case(make_document, effects=[effect()])
    at_ten = effects_of(model, doc, doc.scenario())
    at_two = effects_of(model, doc, doc.scenario(), rate=D("2.25"))
    assert at_two.of("gemeente").pv_benefits > at_ten.of("gemeente").pv_benefits
    assert at_two.rate == pytest.approx(0.0225)


def test_redistribution_hand_solved():
    # A +100, B +50 ahead (S = 150); C −30, D −15 behind (D = 45). A pays 45·100/150 = 30
    # (20 to C, 10 to D), B pays 15 (10 to C, 5 to D); total 45 = the sum of the deficits.
    proposal = redistribute({"A": 100.0, "B": 50.0, "C": -30.0, "D": -15.0})
    assert proposal.possible
    moved = {(t.payer, t.receiver): t.amount for t in proposal.transfers}
    assert moved == pytest.approx({("A", "C"): 20, ("A", "D"): 10, ("B", "C"): 10, ("B", "D"): 5})
    assert proposal.total == pytest.approx(45)
    assert proposal.after == pytest.approx({"A": 70, "B": 35, "C": 0, "D": 0})


def test_redistribution_when_the_total_falls_short():
    proposal = redistribute({"A": 10.0, "B": -25.0})
    assert not proposal.possible and proposal.transfers == ()
    assert proposal.shortfall == pytest.approx(15)
    assert redistribute({"A": 5.0, "B": 0.0}).possible  # nobody behind: nothing to move


def test_the_balance_rests_on_money_when_there_are_effect_estimates(model, make_document, result):
    from stuurknop.engine import analyse

    doc = small_case(
        make_document,
        effects=[
            effect(id="e1", years=2, drop_off=50, deadweight=20, attribution=25),
            effect(id="e2", beneficiary="woco", expected="605", high="700", first_year=2027),
        ],
    )
    balance = analyse(model, doc).balance
    assert balance.basis == "geld"
    # shares are the PV benefits over their sum: 793.39 / 2161.16 and 1367.77 / 2161.16
    total = result.of("woco").pv_benefits + result.of("gemeente").pv_benefits
    shares = {p.party: p.value_share for p in balance.parties}
    assert shares["woco"] == pytest.approx(result.of("woco").pv_benefits / total)
    assert shares["gemeente"] == pytest.approx(793.3884 / 2161.1570, abs=1e-6)
    assert shares["zorg"] == 0
    # without effect estimates: the ordinal view from the interests
    assert analyse(model, make_document()).balance.basis == "gewichten"
