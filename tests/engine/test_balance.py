"""Balance between parties: funding share against value share, and the proportional split."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine import analyse
from stuurknop.presentation.reasons import text

ALL_OPEN = {k: 3 for k in range(1, 11)}  # every route active 1.0, so every value potential 1.0


def balance_of(model, doc):
    return {row.party: row for row in analyse(model, doc).balance.parties}


@pytest.fixture
def corporation_pays(make_document):
    """The corporation pays all of € 10.000; the care organisation gets three quarters of the value.

    With every potential at 1, scores are the interest weights: woco 1, zorg 3, so the value
    shares are 1/4 and 3/4.
    """
    return make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "10000"}],
        funding=[{"party": "woco", "source": "IV", "amount": "10000"}],
        interests={"woco": {"goed_wonen": 1}, "zorg": {"minder_zorgvraag": 3}},
    )


def test_funding_share_against_value_share(model, corporation_pays):
    rows = balance_of(model, corporation_pays)
    assert (rows["woco"].paid, rows["woco"].funding_share, rows["woco"].value_share) == (
        D(10000),
        1.0,
        pytest.approx(1 / 4),
    )
    assert (rows["zorg"].paid, rows["zorg"].funding_share, rows["zorg"].value_share) == (
        D(0),
        0.0,
        pytest.approx(3 / 4),
    )
    assert rows["woco"].party_type == "woningcorporatie"


def test_the_proportional_split_divides_the_costs_by_value_share(model, corporation_pays):
    rows = balance_of(model, corporation_pays)
    assert rows["woco"].proportional == D(2500)  # 1/4 × 10.000
    assert rows["zorg"].proportional == D(7500)  # 3/4 × 10.000
    assert rows["gemeente"].proportional == D(0)  # no interests, no share
    assert rows["woco"].difference == D(10000 - 2500)
    assert rows["zorg"].difference == D(0 - 7500)
    assert text(rows["woco"].reason) == (
        "betaalt € 10.000 = 100% van de financiering; waardeaandeel 25%; "
        "bij verdeling naar waarde: 25% × € 10.000 = € 2.500"
    )


def test_the_split_rounds_to_whole_euros(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "100"}],
        interests={
            "woco": {"goed_wonen": 1},
            "zorg": {"goed_wonen": 1},
            "welzijn": {"goed_wonen": 1},
        },
    )
    rows = balance_of(model, doc)
    assert {rows[p].proportional for p in ("woco", "zorg", "welzijn")} == {D(33)}  # 100/3 = 33.33…


def test_a_corporation_paying_far_more_than_it_gains_is_made_visible(model, corporation_pays):
    rows = balance_of(model, corporation_pays)
    assert rows["woco"].pays_more_than_it_gains  # 100% − 25% = 75 points > 15
    assert not rows["zorg"].pays_more_than_it_gains


def test_a_small_difference_stays_below_the_margin(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "1000"}],
        funding=[
            {"party": "woco", "source": "V", "amount": "350"},
            {"party": "zorg", "source": "V", "amount": "650"},
        ],
        interests={"woco": {"goed_wonen": 1}, "zorg": {"minder_zorgvraag": 3}},
    )
    woco = balance_of(model, doc)["woco"]
    assert woco.funding_share == pytest.approx(0.35)
    assert not woco.pays_more_than_it_gains  # 35% − 25% = 10 points ≤ 15


def test_without_any_interests_the_value_is_unknown(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "10000"}],
        funding=[{"party": "woco", "source": "IV", "amount": "10000"}],
    )
    balance = analyse(model, doc).balance
    assert not balance.value_known
    assert {row.proportional for row in balance.parties} == {D(0)}
    assert (balance.total_costs, balance.total_funding) == (D(10000), D(10000))


def test_without_funding_every_funding_share_is_zero(model, make_document):
    doc = make_document(knobs=ALL_OPEN, costs=[{}], interests={"woco": {"goed_wonen": 2}})
    balance = analyse(model, doc).balance
    assert {row.funding_share for row in balance.parties} == {0.0}
    assert balance_of(model, doc)["woco"].proportional == D(5 * 1000)  # all value, all costs
