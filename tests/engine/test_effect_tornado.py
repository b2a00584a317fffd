"""The tornado per party: each paying or benefiting party's NPV with one input at a time at
its low and its high end — the effects that land with it, and the discount rate ± 1 point.
Expectations computed by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine.effect_report import effect_report
from stuurknop.engine.effect_uncertainty import party_tornados, tornado
from stuurknop.engine.effects import TOTAL, effects_of
from tests.engine.test_effect_uncertainty import case, effect


def annuity(rate: float, years: int = 5) -> float:
    """Σ 1/(1 + r)^t for t = 0 … years − 1: € 1 a year from the base year, at present value."""
    return sum(1 / (1 + rate) ** t for t in range(years))


@pytest.fixture()
def result(model):
    # Woco carries 5000 a year 2025–2029 (no funding: it pays its own cost) and gains b,
    # 2000 / 3000 / 3500 once in 2026; the gemeente pays nothing and gains a, 0 / 1000 / 4000
    # once in 2025 (the base year, not discounted). Rate 4 %.
    doc = case(
        [
            effect("a", "gemeente", 0, 1000, 4000, years=1),
            effect("b", "woco", 2000, 3000, 3500, first_year=2026, years=1),
        ],
        rate="4.00",
    )
    return effects_of(model, doc, doc.scenario())


def test_each_party_that_pays_or_gains_has_its_own_tornado(result):
    # zorg, welzijn and bewoners neither pay nor gain: nothing to weigh for them
    assert [t.party for t in party_tornados(result)] == ["woco", "gemeente"]


def test_a_partys_bars_by_hand(result):
    woco = next(t for t in party_tornados(result) if t.party == "woco")
    npv = 3000 / 1.04 - 5000 * annuity(0.04)
    assert woco.npv == pytest.approx(npv)
    b, rate = woco.bars  # b swings 1500/1.04 ≈ 1442, the rate ≈ 800: b first
    assert (b.kind, b.key) == ("effect", "b")
    assert b.npv_low == pytest.approx(npv - 1000 / 1.04)
    assert b.npv_high == pytest.approx(npv + 500 / 1.04)
    assert rate.kind == "rate"
    assert (rate.low_input, rate.high_input) == pytest.approx((0.03, 0.05))
    # at 3 % and 5 % both what woco pays and what it gains are discounted anew
    assert rate.npv_low == pytest.approx(3000 / 1.03 - 5000 * annuity(0.03))
    assert rate.npv_high == pytest.approx(3000 / 1.05 - 5000 * annuity(0.05))
    assert b.swing > rate.swing


def test_an_effect_moves_only_its_beneficiary(result):
    gemeente = next(t for t in party_tornados(result) if t.party == "gemeente")
    a, rate = gemeente.bars
    # a lands in the base year: 1000 expected, 0 low, 4000 high, whatever the rate
    assert (a.key, a.npv_low, a.npv_high) == ("a", pytest.approx(0), pytest.approx(4000))
    assert rate.npv_low == pytest.approx(1000) and rate.swing == pytest.approx(0)
    assert "b" not in {bar.key for bar in gemeente.bars}
    # on the project's NPV the same effect swings by as much as on its beneficiary's
    project = {bar.key: bar for bar in tornado(result)}
    assert project["a"].swing == pytest.approx(a.swing)


def test_the_rate_bar_is_the_engine_at_that_rate(model):
    doc = case([effect("b", "woco", 2000, 3000, 3500, first_year=2026)], rate="2.25")
    result = effects_of(model, doc, doc.scenario())
    (woco,) = party_tornados(result)
    rate = next(bar for bar in woco.bars if bar.kind == "rate")
    at_high = effects_of(model, doc, doc.scenario(), rate=D("3.25"))
    at_low = effects_of(model, doc, doc.scenario(), rate=D("1.25"))
    assert rate.npv_high == pytest.approx(at_high.of("woco").npv)
    assert rate.npv_low == pytest.approx(at_low.of("woco").npv)


def test_the_report_carries_the_project_and_each_party(model):
    doc = case([effect("a", "gemeente", 0, 1000, 4000)])
    report = effect_report(model, doc, doc.scenario(), draws=100)
    assert report.tornado == tornado(report.result, party=TOTAL)
    assert report.party_tornados == party_tornados(report.result)
