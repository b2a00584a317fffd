"""Comparing two scenarios: which knobs differ, and what that does to the figures."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine import compare


@pytest.fixture
def two(make_document, make_scenario):
    """A: knob 4 at 2, nothing else. B: knob 4 at 3, knob 6 at 1, and € 1.000 a year unfunded."""
    return make_document(
        scenarios=[
            make_scenario("A", knobs={4: 2}, chosen=True),
            make_scenario("B", knobs={4: 3, 6: 1}, costs=[{"amount": "1000"}]),
        ]
    )


def test_it_lists_only_the_knobs_whose_setting_differs(model, two):
    result = compare(model, two, "A", "B")
    assert (result.a, result.b) == ("A", "B")
    assert [(k.knob, k.a_status, k.a, k.b_status, k.b) for k in result.knobs] == [
        (4, "aan", 2, "aan", 3),
        (6, "niet_besproken", 0, "aan", 1),
    ]


def test_a_knob_off_and_a_knob_not_discussed_differ(model, make_document, make_scenario):
    doc = make_document(scenarios=[make_scenario("A", knobs={9: "uit"}), make_scenario("B")])
    [difference] = compare(model, doc, "A", "B").knobs
    assert (difference.knob, difference.a_status, difference.b_status) == (
        9,
        "uit",
        "niet_besproken",
    )
    assert (difference.a, difference.b) == (0, 0)


def test_route_and_value_deltas(model, two):
    result = compare(model, two, "A", "B")
    routes = {r.key: r for r in result.routes}
    # zorgen_voor_elkaar (9 knobs): A 2/27, B (3 + 1)/27.
    assert routes["zorgen_voor_elkaar"].a == pytest.approx(2 / 27)
    assert routes["zorgen_voor_elkaar"].b == pytest.approx(4 / 27)
    assert routes["zorgen_voor_elkaar"].delta == pytest.approx(2 / 27)
    # beter_team (7 knobs): only knob 6 of the two works via it.
    assert routes["beter_team"].delta == pytest.approx(1 / 21)
    values = {v.key: v for v in result.values}
    # werkplezier via beter_team and beter_netwerk (8 knobs): B (1/21 + 1/24) / 2, A 0.
    assert values["werkplezier"].delta == pytest.approx((1 / 21 + 1 / 24) / 2)


def test_money_deltas(model, two):
    money = {m.key: m for m in compare(model, two, "A", "B").money}
    assert (money["costs"].a, money["costs"].b, money["costs"].delta) == (D(0), D(5000), D(5000))
    # B's new cost item has no funding at all: money that never comes, nothing that comes late.
    assert money["shortfall"].delta == D(5 * 1000)
    assert money["timing_gap"].delta == D(0)
    assert money["funding"].delta == D(0)
    assert money["committed"].delta == D(0)


def test_checklist_and_checks_that_differ(model, two):
    result = compare(model, two, "A", "B")
    # A: 10 knob items (1 discussed) + knob 4 not elaborated: 1 of 11 → 9%.
    # B: 10 knob items (2 discussed) + knobs 4 and 6 not elaborated + 1 uncovered cost:
    #    2 of 13 → 15%.
    assert (result.checklist.a, result.checklist.b, result.checklist.delta) == (9, 15, 15 - 9)
    # Knob 6 on without a cost item of its own fires only in B; knob 4 at 2 or 3 without
    # costs fires in both.
    assert result.checks_only_a == ()
    assert result.checks_only_b == ("Gemeenschapsvorming zonder professionele inzet",)


def test_comparing_a_scenario_with_itself_shows_no_difference(model, two):
    result = compare(model, two, "B", "B")
    assert result.knobs == ()
    assert {r.delta for r in result.routes} | {v.delta for v in result.values} == {0.0}
    assert {m.delta for m in result.money} == {D(0)}
