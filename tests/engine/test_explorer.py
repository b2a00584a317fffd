"""The explorer: its vectorised figures against the engine, its effort by hand, its front against
brute force on a reduced case, and the nearest better designs on a hand-built case."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from stuurknop.engine.explorer import (
    Constraints,
    additive,
    all_openings,
    explore_tables,
    figures,
    objective_per_opening,
    openings_of,
    pareto_front,
    robust,
    robust_all,
    setting_index,
    tables,
)
from stuurknop.engine.explorer_effort import COST_ITEMS, NONE, TYPICAL
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.engine.routes import route_activation, value_per_party, value_potential
from stuurknop.projectfile import parse_document
from tests.conftest import project_data, scenario_data

INTERESTS = {
    "woco": {"goed_wonen": 3, "efficient_werken": 1},
    "zorg": {"minder_zorgvraag": 3, "werkplezier": 2},
    "gemeente": {"goed_wonen": 2, "minder_zorgvraag": 1},
}


def document(knobs=None, **kwargs):
    kwargs.setdefault("interests", INTERESTS)
    return parse_document(project_data(scenarios=[scenario_data(knobs=knobs, **kwargs)]))


def settings_document(openings, **kwargs):
    knobs = {k: (o if o else "uit") for k, o in zip(range(1, 11), openings, strict=True)}
    return document(knobs, **kwargs)


def test_vectorised_figures_equal_the_engine_for_sampled_settings(model) -> None:
    rng = random.Random(14)
    doc = document()
    t = tables(model, doc, doc.scenario())
    sampled = [tuple(rng.randrange(4) for _ in range(10)) for _ in range(25)]
    f = figures(t, np.array(sampled, dtype=np.int8))
    effort = additive(t.effort_by_opening)
    objective = additive(objective_per_opening(t, None))
    for row, openings in enumerate(sampled):
        settings = settings_document(openings)
        scenario = settings.scenario()
        activations = route_activation(model, scenario)
        potentials = value_potential(model, activations)
        parties = value_per_party(model, settings, scenario, potentials)
        assert f.activation[row] == pytest.approx([a.activation for a in activations])
        assert f.potential[row] == pytest.approx([p.potential for p in potentials])
        assert f.score[row] == pytest.approx([p.score for p in parties])
        assert f.share[row] == pytest.approx([p.share for p in parties])
        # the full enumeration agrees with the small evaluation, at the setting's number
        index = setting_index(openings)
        assert tuple(openings_of(t, np.array([index]))[0]) == openings
        assert objective[index] == pytest.approx(sum(p.score for p in parties))
        assert effort[index] == pytest.approx(f.effort[row])


def test_effort_per_knob_and_opening_by_hand(model) -> None:
    # knob 1: € 1.000 per year 2025–2029, on at 2 → € 1.000 a year at opening 2;
    # knob 2: € 5.000 once in 2026, over 5 years → € 1.000 a year, off → costed at 3;
    # knob 6: no cost items → the model's typical investment, € 50.000; knob 3: nothing → 0.
    doc = document(
        {1: 2, 2: "uit"},
        costs=[
            {"id": "k1", "knob": 1, "amount": "1000", "party": "woco"},
            {"id": "k2", "knob": 2, "kind": "eenmalig", "amount": "5000", "first_year": 2026},
        ],
        funding=[{"cost_item": "k1", "party": "gemeente", "source": "I", "amount": "600"}],
    )
    t = tables(model, doc, doc.scenario(), exponents={2: 2.0})
    one, two, three, six = (t.effort.knobs[k - 1] for k in (1, 2, 3, 6))
    assert (one.basis, one.reference, one.per_opening) == (
        COST_ITEMS,
        2,
        (0.0, 500.0, 1000.0, 1500.0),
    )
    # exponent 2: 1000 × (o / 3)²
    assert two.per_opening == pytest.approx((0.0, 1000 / 9, 4000 / 9, 1000.0))
    assert (three.basis, three.per_opening) == (NONE, (0.0, 0.0, 0.0, 0.0))
    assert six.basis == TYPICAL and six.per_opening[3] == 50_000.0
    # € 600 of € 1.000 a year paid by the gemeente, the rest stays with the woco (its maker)
    assert dict(one.payers) == pytest.approx({"gemeente": 0.6, "woco": 0.4})
    assert two.payers == ()  # nobody named: paid by no party


def reduced(t, knobs: int):
    """The same tables for the first ``knobs`` knobs only."""
    return dataclasses.replace(
        t,
        knobs=t.knobs[:knobs],
        route_of_knob=t.route_of_knob[:knobs],
        effort_by_opening=t.effort_by_opening[:knobs],
        payer=t.payer[:knobs],
        current=t.current[:knobs],
    )


def brute_front(effort, value, allowed):
    points = [(effort[i], value[i], i) for i in range(len(effort)) if allowed[i]]
    front = {}
    for e, v, i in points:
        beaten = any(
            (e2 <= e and v2 > v + 1e-9) or (e2 < e - 1e-9 and v2 >= v - 1e-9)
            for e2, v2, _ in points
        )
        if not beaten:
            front.setdefault((round(e, 6), round(v, 9)), i)
    return sorted(front.values())


@pytest.mark.parametrize(
    "constraints",
    [
        Constraints(),
        Constraints(budget=1200.0),
        Constraints(fixed={2: 1}),
        Constraints(robust_only=True),
    ],
)
def test_front_equals_brute_force_on_three_knobs(model, constraints) -> None:
    doc = document(
        {1: 2, 2: 1, 3: 3},
        costs=[
            {"id": "k1", "knob": 1, "amount": "900", "party": "woco"},
            {"id": "k2", "knob": 2, "amount": "400", "party": "zorg"},
            {"id": "k3", "knob": 3, "amount": "300", "party": "gemeente"},
        ],
    )
    t = reduced(tables(model, doc, doc.scenario()), 3)
    every = all_openings(3)
    f = figures(t, every)
    allowed = np.ones(len(every), dtype=bool)
    if constraints.budget is not None:
        allowed &= f.effort <= constraints.budget
    for knob, opening in constraints.fixed.items():
        allowed &= every[:, knob - 1] == opening
    if constraints.robust_only:
        allowed &= robust(f)
    result = explore_tables(t, constraints=constraints)
    assert sorted(result.front.tolist()) == brute_front(f.effort, f.total_value, allowed)
    assert result.designs.effort.tolist() == sorted(result.designs.effort.tolist())
    assert pareto_front(f.effort, f.total_value, allowed).tolist() == result.front.tolist()


def test_robust_for_every_setting_equals_the_figures_of_each_setting(model) -> None:
    # three payers on four knobs: fairness built party by party equals the per-setting rule
    doc = document(
        {1: 2},
        costs=[
            {"id": "k1", "knob": 1, "amount": "900", "party": "woco"},
            {"id": "k2", "knob": 2, "amount": "400", "party": "zorg"},
            {"id": "k3", "knob": 3, "amount": "300", "party": "gemeente"},
            {"id": "k4", "knob": 4, "amount": "500", "party": "woco"},
        ],
    )
    t = reduced(tables(model, doc, doc.scenario()), 4)
    every = robust_all(t)
    assert every.tolist() == robust(figures(t, all_openings(4))).tolist()
    assert 0 < every.sum() < len(every)  # some designs fair, some not: the test can fail


def test_front_of_all_settings_is_undominated(model) -> None:
    doc = document({1: 2}, costs=[{"id": "k1", "knob": 1, "amount": "900"}])
    result = explore_tables(tables(model, doc, doc.scenario()))
    e, v = result.effort, result.objective
    for i in result.front[:20]:
        assert not np.any((e <= e[i]) & (v > v[i] + 1e-9))
    assert v.max() == pytest.approx(v[result.front[-1]])


def test_nearest_better_designs_on_a_hand_built_case(model) -> None:
    # everything at 3 but knobs 1 (costs € 1.000 a year at full opening) and 2 (free), both off
    openings = (0, 0, 3, 3, 3, 3, 3, 3, 3, 3)
    doc = settings_document(openings, costs=[{"id": "k1", "knob": 1, "amount": "1000"}])
    t = tables(model, doc, doc.scenario())
    moves = nearest_better(t)
    # free moves first, most value first: knob 2 fully open, alone
    first = moves[0]
    assert [(c.knob, c.before, c.after) for c in first.changes] == [(2, 0, 3)]
    assert first.effort_change == 0 and first.per_euro is None

    def total(openings):
        d = settings_document(openings)
        s = d.scenario()
        return sum(
            p.score
            for p in value_per_party(
                model, d, s, value_potential(model, route_activation(model, s))
            )
        )

    assert first.value_gain == pytest.approx(
        total((0, 3, 3, 3, 3, 3, 3, 3, 3, 3)) - total(openings)
    )
    # with knob 2 open too, only knob 1 adds value, at € 1.000 / 3 per step a year
    doc = settings_document(
        (0, 3, 3, 3, 3, 3, 3, 3, 3, 3), costs=[{"id": "k1", "knob": 1, "amount": "1000"}]
    )
    t = tables(model, doc, doc.scenario())
    free_six = t.effort_by_opening.copy()
    free_six[5] = 0.0  # leave out knob 6's typical investment: only knob 1 costs
    moves = nearest_better(dataclasses.replace(t, effort_by_opening=free_six))
    best = moves[0]
    assert best.changes[0].knob == 1 and best.effort_change > 0
    gain = total(best.openings) - total((0, 3, 3, 3, 3, 3, 3, 3, 3, 3))
    assert best.per_euro == pytest.approx(gain / (1000 * best.changes[0].after / 3))
    assert all(m.value_gain > 0 for m in moves)


def test_typical_investment_is_the_amount_the_model_names(model) -> None:
    """Only knobs whose model text names an amount have a typical investment, and it is that."""
    from stuurknop.engine.explorer_effort import TYPICAL_INVESTMENT
    from stuurknop.presentation.numbers import euro

    for knob in model.knobs:
        named = "€" in (knob.investment or "")
        assert named == (knob.number in TYPICAL_INVESTMENT)
        if named:
            assert euro(TYPICAL_INVESTMENT[knob.number]) in knob.investment


def test_a_project_without_parties_or_costs_still_explores(model) -> None:
    doc = parse_document(project_data(parties={}, scenarios=[scenario_data(knobs={1: 1})]))
    t = tables(model, doc, doc.scenario())
    result = explore_tables(t, constraints=Constraints(robust_only=True))
    # nothing costs anything (knob 6 has the model's amount but no lead party pays it), nobody
    # states an interest: every value counts once, and the front is the one fullest setting
    assert not t.weighted
    assert result.mask is not None and result.mask.all()
    assert result.designs.openings.tolist()[-1] == [3] * 10
    assert nearest_better(t)[0].value_gain > 0
