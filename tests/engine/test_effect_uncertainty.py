"""The Monte Carlo and the tornado of the money effects."""

from __future__ import annotations

from decimal import Decimal as D

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.engine.effect_uncertainty import pert_draws, tornado, uncertainty
from stuurknop.engine.effects import TOTAL, effects_of
from stuurknop.projectfile import parse_document
from tests.conftest import project_data


def case(effects, rate="2.25", costs=None):
    data = project_data(
        costs=costs or [{"amount": "5000", "party": "woco"}],
        effects=effects,
    )
    return parse_document({**data, "effect_settings": {"discount_rate": rate}})


def effect(id, party, low, expected, high, **more):
    return {
        "id": id,
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "beneficiary": party,
        "low": str(low),
        "expected": str(expected),
        "high": str(high),
        "first_year": 2025,
        **more,
    }


def test_pert_draws_have_the_pert_mean_and_stay_in_range():
    rng = np.random.default_rng(1)
    low, mode, high = np.array([0.0, 5.0]), np.array([10.0, 5.0]), np.array([40.0, 5.0])
    draws = pert_draws(low, mode, high, 50_000, rng)
    assert draws.shape == (50_000, 2)
    assert draws[:, 0].min() >= 0 and draws[:, 0].max() <= 40
    # the PERT mean (low + 4·mode + high)/6 = (0 + 40 + 40)/6 = 13.33
    assert draws[:, 0].mean() == pytest.approx(80 / 6, rel=0.01)
    assert (draws[:, 1] == 5).all()  # a range of width 0 is its figure


def test_seeded_and_per_party(model):
    doc = case([effect("a", "gemeente", 0, 3000, 9000), effect("b", "woco", 1000, 2000, 2500)])
    result = effects_of(model, doc, doc.scenario())
    one, two = uncertainty(result), uncertainty(result)
    assert one == two  # seeded: the same figures every time
    assert one.draws == 10_000 and one.distribution == "pert"
    gemeente = one.of("gemeente")
    assert gemeente.p10 < gemeente.p50 < gemeente.p90
    assert 0 < gemeente.ahead <= 1
    # zorg pays nothing and gains nothing: never ahead, always 0
    assert one.of("zorg").ahead == 0 and one.of("zorg").p90 == 0
    # the project's draws are the sum of the parties'
    assert one.of(TOTAL).mean == pytest.approx(sum(p.mean for p in one.parties[:-1]))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=20_000),  # expected
            st.integers(min_value=0, max_value=20_000),  # half width (clipped at zero)
            st.sampled_from(["woco", "gemeente", "zorg"]),
            st.integers(min_value=0, max_value=60),  # drop-off
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_median_converges_to_the_expected_case_for_symmetric_ranges(model, ranges):
    effects = [
        effect(f"e{i}", party, mid - min(half, mid), mid, mid + min(half, mid), drop_off=drop)
        for i, (mid, half, party, drop) in enumerate(ranges)
    ]
    doc = case(effects)
    result = effects_of(model, doc, doc.scenario())
    spread = uncertainty(result, draws=20_000)
    # Symmetric PERT ranges and an NPV linear in them: the NPV is symmetric about the expected
    # case, so its median is the deterministic NPV up to sampling noise (a few % of the spread).
    span = sum(2 * min(h, m) for m, h, _, _ in ranges) * 5
    for party in (*[p.party for p in result.parties], TOTAL):
        assert spread.of(party).p50 == pytest.approx(result.of(party).npv, abs=0.02 * span + 1e-6)


def test_tornado_by_hand(model):
    doc = case([effect("a", "gemeente", 0, 1000, 4000, years=1)], rate="0.00")
    result = effects_of(model, doc, doc.scenario())
    bars = {b.key: b for b in tornado(result)}
    # rate 0: the effect lands 2025 once; the project's NPV moves by (low − expected) = −1000
    # and (high − expected) = +3000 around the expected NPV
    assert bars["a"].npv_low == pytest.approx(result.total.npv - 1000)
    assert bars["a"].npv_high == pytest.approx(result.total.npv + 3000)
    # the rate ±1 point: costs of 5000 a year over 2025–2029 weigh less at a higher rate
    rate = bars[""]
    assert (rate.low_input, rate.high_input) == pytest.approx((-0.01, 0.01))
    assert rate.npv_high > result.total.npv > rate.npv_low
    assert [b.key for b in tornado(result)] == ["a", ""]  # largest swing first
    again = effects_of(model, doc, doc.scenario(), rate=D("1.00"))
    assert rate.npv_high == pytest.approx(again.total.npv)
