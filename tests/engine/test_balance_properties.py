"""Properties of the balance for arbitrary inputs: the split adds up to the cent, the verdict
agrees with the figures shown, and one party cannot lower its own share of the value by its
own weights beyond the bound of :mod:`stuurknop.engine.value_shares`."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.engine.balance import (
    MARGIN_POINTS,
    Verdict,
    balance_between_parties,
    split_cents,
)
from stuurknop.engine.money import MoneyOverTime, PartyMoney
from stuurknop.engine.value_shares import normalised, value_shares
from stuurknop.presentation.numbers import percent

VALUES = ("goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier")
PARTIES = ("a", "b", "c", "d", "e")

cents = st.integers(min_value=0, max_value=10**11).map(lambda c: Decimal(c) / 100)
potential = st.fractions(min_value=0, max_value=1, max_denominator=1000)
potentials = st.fixed_dictionaries({v: potential for v in VALUES})
weighting = st.fixed_dictionaries({v: st.integers(0, 3) for v in VALUES})
stated = weighting.filter(lambda w: sum(w.values()) > 0)
tables = st.fixed_dictionaries({p: weighting for p in PARTIES})


@settings(max_examples=100, deadline=None)  # exact fractions: slow on a busy machine
@given(cents, st.lists(st.fractions(min_value=0, max_value=50), min_size=1, max_size=12))
def test_the_split_adds_up_to_the_cent(total, parts):
    split = split_cents(total, parts)
    if sum(parts) > 0:
        assert sum(split) == total
        weight = sum(parts)
        for amount, part in zip(split, parts, strict=True):
            assert abs(Fraction(amount) - Fraction(total) * part / weight) < Fraction(1, 100)
            assert amount == amount.quantize(Decimal("0.01"))
    else:
        assert set(split) == {Decimal(0)}


def _reach(weights, pots):
    return sum((n * Fraction(pots[v]) for v, n in normalised(weights).items()), Fraction(0))


@settings(max_examples=100, deadline=None)  # exact fractions: slow on a busy machine
@given(tables, potentials, st.sampled_from(PARTIES), stated)
def test_one_party_cannot_lower_its_share_beyond_the_bound(table, pots, party, new_weights):
    """Whatever a party states instead, its share stays at or above m / (m + R): m the smallest
    potential of any value, R what lands with the others (which its weights do not change)."""
    before = value_shares(PARTIES, table, pots)
    after = value_shares(PARTIES, {**table, party: new_weights}, pots)
    rest = sum((_reach(table[q], pots) for q in PARTIES if q != party), Fraction(0))
    low = min(Fraction(p) for p in pots.values())
    bound = low / (low + rest) if low + rest else Fraction(0)
    assert after.of(party).part >= bound
    # the others keep their proportions among themselves
    others = [q for q in PARTIES if q != party and before.of(q).part and after.of(q).part]
    for q, r in itertools.pairwise(others):
        assert before.of(q).part / before.of(r).part == after.of(q).part / after.of(r).part


@settings(max_examples=100, deadline=None)  # exact fractions: slow on a busy machine
@given(tables, potentials, st.sampled_from(PARTIES), st.integers(2, 3))
def test_saying_everything_matters_less_or_more_changes_no_share(table, pots, party, factor):
    base = {v: 1 if w else 0 for v, w in table[party].items()}
    more = {v: w * factor for v, w in base.items()}
    low = value_shares(PARTIES, {**table, party: base}, pots)
    high = value_shares(PARTIES, {**table, party: more}, pots)
    assert low == high


@settings(max_examples=100, deadline=None)  # exact fractions: slow on a busy machine
@given(tables, potential.filter(lambda p: p > 0), st.sampled_from(PARTIES), stated)
def test_when_every_value_is_reached_alike_own_weights_do_not_move_the_share(
    table, level, party, new_weights
):
    pots = dict.fromkeys(VALUES, level)
    if not sum(table[party].values()):
        return  # stating nothing is not a weighting: that party is outside the split
    before = value_shares(PARTIES, table, pots).of(party)
    after = value_shares(PARTIES, {**table, party: new_weights}, pots).of(party)
    assert before.part == after.part


def money_paying(paid: dict[str, Decimal]) -> MoneyOverTime:
    total = sum(paid.values(), Decimal(0))
    parties = tuple(
        PartyMoney(p, p.upper(), (), Decimal(0), amount, Decimal(0), {})
        for p, amount in paid.items()
    )
    return MoneyOverTime(
        (), parties, (), (), total, total, Decimal(0), Decimal(0), Decimal(0), Decimal(0)
    )


@settings(max_examples=100, deadline=None)  # exact fractions: slow on a busy machine
@given(st.fixed_dictionaries({p: cents for p in PARTIES}), tables, potentials)
def test_the_verdict_agrees_with_the_figures_shown(paid, table, pots):
    shares = value_shares(PARTIES, table, pots)
    balance = balance_between_parties(
        money_paying(paid),
        shares,
        [(p, p.upper()) for p in PARTIES],
        dict.fromkeys(PARTIES, "gemeente"),
    )
    if balance.value_known:
        assert balance.total_split == balance.total_funding
    for row in balance.parties:
        assert percent(row.funding_share) == f"{row.funding_percent}%"
        assert percent(row.value_share) == f"{row.value_percent}%"
        assert row.points == row.funding_percent - row.value_percent
        assert row.difference == row.paid - row.split
        if row.verdict is Verdict.PAYS_MORE:
            assert row.points > MARGIN_POINTS and row.difference > 0
        if row.verdict is Verdict.PAYS_LESS:
            assert row.points < -MARGIN_POINTS and row.difference < 0
        if row.verdict is Verdict.IN_LINE:
            assert abs(row.points) <= MARGIN_POINTS or row.points * row.difference <= 0
