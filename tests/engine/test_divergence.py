"""Divergence between perspectives: the largest differences first, residents as one more view."""

from __future__ import annotations

import pytest

from stuurknop.engine.divergence import RESIDENTS, divergence, latest_perspectives
from stuurknop.presentation.reasons import text


def view(party, knobs=None, values=None, date=None, remarks=""):
    return {
        "party": party,
        "knobs": knobs or {},
        "values": values or {},
        "date": date,
        "remarks": remarks,
    }


@pytest.fixture
def views(make_document):
    return make_document(
        perspectives=[
            view("woco", knobs={3: 3, 6: 2}, values={"goed_wonen": 3}),
            view("zorg", knobs={3: 0, 6: 1}, values={"goed_wonen": 1, "werkplezier": 2}),
        ]
    )


def test_knobs_are_ranked_by_spread_largest_first(model, views):
    knobs = divergence(model, views).knobs
    assert [(i.key, i.spread) for i in knobs] == [("3", 3 - 0), ("6", 2 - 1)]
    three = knobs[0]
    assert three.name == "Stuurknop 3: Financiering ontmoetingsruimte"
    assert (three.mean, three.stdev) == (1.5, 1.5)  # scores 3 and 0: mean 1.5, each 1.5 away
    assert (three.lowest, three.highest) == (("Zorg",), ("Woco",))
    assert text(three.reason) == "van 0 (Zorg) tot 3 (Woco); 2 perspectieven"


def test_an_item_with_a_single_view_has_no_divergence(model, views):
    # Only zorg says anything about werkplezier.
    assert [(i.key, i.spread) for i in divergence(model, views).values] == [("goed_wonen", 2.0)]


def test_knobs_and_values_together_largest_first(model, views):
    largest = divergence(model, views).largest
    assert [(i.subject, i.key, i.spread) for i in largest] == [
        ("knob", "3", 3.0),
        ("value", "goed_wonen", 2.0),
        ("knob", "6", 1.0),
    ]


def test_equal_spreads_are_ranked_by_standard_deviation(model, make_document):
    doc = make_document(
        perspectives=[
            view("woco", knobs={1: 0, 2: 0}),
            view("zorg", knobs={1: 3, 2: 3}),
            view("gemeente", knobs={1: 3}),
        ]
    )
    knobs = divergence(model, doc).knobs
    # Both spread 3. Knob 1: scores 0, 3, 3 → mean 2, stdev √((4+1+1)/3) = √2 ≈ 1.41.
    # Knob 2: scores 0, 3 → stdev 1.5, so knob 2 comes first.
    assert [i.key for i in knobs] == ["2", "1"]
    assert knobs[1].stdev == pytest.approx(2**0.5)
    assert knobs[1].mean == pytest.approx(2.0)


def test_each_party_counts_with_its_latest_view(model, make_document):
    doc = make_document(
        perspectives=[
            view("woco", knobs={3: 3}, date="2025-03-01"),
            view("woco", knobs={3: 1}, date="2025-01-01"),
            view("woco", knobs={3: 0}),  # undated: counts as the oldest
            view("zorg", knobs={3: 0}),
        ]
    )
    assert latest_perspectives(doc)["woco"].knobs == {3: 3}
    [item] = divergence(model, doc).knobs
    assert [(v.party, v.score) for v in item.views] == [("woco", 3.0), ("zorg", 0.0)]


def test_residents_input_is_one_more_view(model, views, make_document):
    doc = make_document(
        perspectives=[p.model_dump(mode="json") for p in views.perspectives],
        resident_input=[
            {"date": "2025-02-01", "respondents": 40, "knobs": {"6": "3"}},
            {
                "date": "2025-05-01",
                "respondents": 23,
                "knobs": {"6": "0.5"},
                "values": {"werkplezier": "0.5"},
            },
        ],
    )
    result = divergence(model, doc)
    assert result.parties == ("Woco", "Zorg", RESIDENTS)
    # Knob 6: woco 2, zorg 1 and the latest resident input 0.5: spread 1.5.
    six = next(i for i in result.knobs if i.key == "6")
    assert six.spread == 2 - 0.5
    assert six.lowest == (RESIDENTS,)
    assert six.views[-1].remark == "23 bewoners"
    # werkplezier now has two views: zorg 2 and the residents 0.5.
    assert [(i.key, i.spread) for i in result.values] == [("goed_wonen", 2.0), ("werkplezier", 1.5)]


def test_without_perspectives_there_is_nothing_to_compare(model, make_document):
    result = divergence(model, make_document())
    assert (result.knobs, result.values, result.parties, result.largest) == ((), (), (), ())


def test_equal_spreads_list_knobs_in_numeric_order(model, make_document):
    doc = make_document(
        perspectives=[
            {"party": "woco", "knobs": {"2": 0, "10": 0}},
            {"party": "zorg", "knobs": {"2": 2, "10": 2}},
        ]
    )
    assert [item.key for item in divergence(model, doc).knobs] == ["2", "10"]


def test_resident_input_without_respondents_is_no_view(model, make_document):
    doc = make_document(
        perspectives=[{"party": "woco", "values": {"goed_wonen": 1}}],
        resident_input=[{"date": "2026-03-01", "respondents": 0, "values": {"goed_wonen": 3}}],
    )
    result = divergence(model, doc)
    assert result.values == ()
    assert RESIDENTS not in result.parties


def test_the_median_is_the_middle_view_or_the_mean_of_the_two_middle_ones(model, make_document):
    doc = make_document(
        perspectives=[
            view("woco", knobs={1: 0, 2: 0}),
            view("zorg", knobs={1: 3, 2: 3}),
            view("gemeente", knobs={1: 3}),
        ]
    )
    medians = {item.key: item.median for item in divergence(model, doc).knobs}
    assert medians == {"1": 3.0, "2": 1.5}  # 0, 3, 3 → 3; 0, 3 → 1.5
