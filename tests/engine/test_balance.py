"""Balance between parties: a party's part of the funded total against its share of the value,
the split of exactly the funded total by value share, and a verdict that agrees with both."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from stuurknop.engine import analyse
from stuurknop.engine.balance import MARGIN_POINTS, Verdict
from stuurknop.presentation.reasons import text

ALL_OPEN = {k: 3 for k in range(1, 11)}  # every route active 1.0, so every value potential 1.0


def balance_of(model, doc):
    return {row.party: row for row in analyse(model, doc).balance.parties}


@pytest.fixture
def reported(make_document):
    """The case of issue 12: costs of € 724.412 of which € 200.000 is funded, the corporation
    paying € 180.000. The old balance split all costs (gap included) by value share, gave the
    corporation € 181.103 "by value" (a quarter of the costs) and still said it paid clearly
    more than its share, beside a difference of € -1.103."""
    return make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "724412"}],
        funding=[
            {"party": "woco", "source": "IV", "amount": "180000"},
            {"party": "zorg", "source": "V", "amount": "20000"},
        ],
        interests={"woco": {"goed_wonen": 1}, "zorg": {"minder_zorgvraag": 3}},
    )


def test_the_reported_contradiction_is_gone_a_verdict_never_contradicts_its_difference(
    model, reported
):
    rows = balance_of(model, reported)
    for row in rows.values():
        if row.pays_more_than_it_gains:
            assert row.difference > 0, (row.name, row.difference)
    woco = rows["woco"]
    assert woco.pays_more_than_it_gains
    assert (woco.paid, woco.split, woco.difference) == (D(180000), D(100000), D(80000))
    assert (woco.funding_percent, woco.value_percent, woco.points) == (90, 50, 40)
    assert text(woco.finding) == (
        "Woco betaalt 90% van de financiering en krijgt 50% van de waarde: 40 procentpunten en "
        "€ 80.000 meer dan haar deel (de grens is 15 procentpunten)"
    )


def test_only_the_funded_total_is_split_and_the_gap_is_reported_apart(model, reported):
    balance = analyse(model, reported).balance
    assert balance.total_funding == D(200000)
    assert balance.total_split == D(200000)
    assert sum(row.difference for row in balance.parties) == 0
    assert balance.total_shortfall == D(524412)
    assert balance.total_costs == D(724412)


def test_the_split_explains_itself(model, reported):
    woco = balance_of(model, reported)["woco"]
    assert text(woco.reason) == (
        "betaalt € 180.000,00 van € 200.000,00 = 90% van de financiering; naar waarde: 50% van "
        "€ 200.000,00 = € 100.000,00"
    )


def test_weights_count_as_parts_of_the_same_total(model, reported, make_document):
    """Woco says 1 for one value, zorg 3 for another: with every value reached alike, both get
    half. Saying everything matters less does not lower a party's share."""
    rows = balance_of(model, reported)
    assert rows["woco"].value_share == rows["zorg"].value_share == pytest.approx(0.5)
    assert not rows["gemeente"].stated and rows["gemeente"].split == 0
    assert rows["gemeente"].verdict is Verdict.NO_INTERESTS
    # a party that stated nothing has no weighting of its own to leave out
    assert rows["gemeente"].value_share_without_own is None
    assert rows["gemeente"].own_weighting is None


def test_the_split_adds_up_to_the_cent(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "100"}],
        funding=[{"party": "gemeente", "source": "III", "amount": "100"}],
        interests={
            "woco": {"goed_wonen": 1},
            "zorg": {"goed_wonen": 1},
            "welzijn": {"goed_wonen": 1},
        },
    )
    rows = balance_of(model, doc)
    splits = [rows[p].split for p in ("woco", "zorg", "welzijn")]
    assert sorted(splits) == [D("33.33"), D("33.33"), D("33.34")]
    assert sum(splits) == D(100)


def test_a_small_difference_stays_within_the_margin(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "1000"}],
        funding=[
            {"party": "woco", "source": "V", "amount": "600"},
            {"party": "zorg", "source": "V", "amount": "400"},
        ],
        interests={"woco": {"goed_wonen": 1}, "zorg": {"minder_zorgvraag": 3}},
    )
    rows = balance_of(model, doc)
    assert rows["woco"].points == 10 <= MARGIN_POINTS
    assert rows["woco"].verdict is Verdict.IN_LINE
    assert rows["zorg"].verdict is Verdict.IN_LINE
    assert text(rows["woco"].finding).startswith("Woco betaalt ongeveer haar deel: 60%")


def test_a_party_paying_clearly_less_is_named_too(model, reported):
    zorg = balance_of(model, reported)["zorg"]
    assert zorg.verdict is Verdict.PAYS_LESS and zorg.difference == D(-80000)
    assert "40 procentpunten en € 80.000 minder dan haar deel" in text(zorg.finding)


def test_where_a_partys_own_weighting_drives_its_share_it_is_said(model, make_document):
    """Only knob 1 open: goed_wonen is reached more than efficient_werken. Woco counting only
    efficient_werken lowers its own share; without its own weights it would weigh like zorg."""
    doc = make_document(
        knobs={1: 3},
        costs=[{"kind": "eenmalig", "amount": "1000"}],
        funding=[{"party": "woco", "source": "IV", "amount": "1000"}],
        interests={
            "woco": {"efficient_werken": 3, "goed_wonen": 1},
            "zorg": {"goed_wonen": 3},
        },
    )
    woco = balance_of(model, doc)["woco"]
    assert woco.value_share_without_own == pytest.approx(0.5)
    assert woco.value_share < 0.45
    assert woco.own_weighting is not None
    assert text(woco.own_weighting).startswith(
        "het aandeel van Woco in de waarde hangt af van haar eigen weging: "
    )


def test_without_any_interests_there_is_no_value_and_no_verdict(model, make_document):
    doc = make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "10000"}],
        funding=[{"party": "woco", "source": "IV", "amount": "10000"}],
    )
    balance = analyse(model, doc).balance
    assert not balance.value_known
    assert {row.split for row in balance.parties} == {D(0)}
    assert {row.verdict for row in balance.parties} == {Verdict.NO_VALUE}
    assert {row.finding for row in balance.parties} == {None}


def test_without_funding_there_is_nothing_to_split(model, make_document):
    doc = make_document(knobs=ALL_OPEN, costs=[{}], interests={"woco": {"goed_wonen": 2}})
    balance = analyse(model, doc).balance
    assert balance.total_funding == 0 and balance.total_split == 0
    assert {row.funding_share for row in balance.parties} == {0.0}
    assert {row.verdict for row in balance.parties} == {Verdict.NOTHING_FUNDED}
