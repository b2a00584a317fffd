"""Summing up a live session's votes: distribution, median, spread, and one party's score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurknop.engine.votes import party_score, summarise
from stuurknop.presentation.reasons import text


def test_it_counts_each_score_including_the_ones_nobody_chose() -> None:
    summary = summarise([2, 3, 2, 0])
    assert summary.count == 4
    assert summary.distribution == ((0, 1), (1, 0), (2, 2), (3, 1))


@pytest.mark.parametrize(
    ("scores", "median", "spread"),
    [
        ([1], 1.0, 0),
        ([0, 3], 1.5, 3),
        ([3, 1, 2], 2.0, 2),
        ([0, 0, 1, 3], 0.5, 3),
        ([2, 2, 2, 2, 2], 2.0, 0),
    ],
)
def test_it_gives_the_median_and_the_spread(scores: list[int], median: float, spread: int) -> None:
    summary = summarise(scores)
    assert summary.median == median
    assert summary.spread == spread


def test_it_explains_the_figures_in_dutch() -> None:
    assert text(summarise([0, 3]).reason) == (
        "2 stemmen; mediaan 1,5 (de middelste score, het gemiddelde van de twee middelste); "
        "spreiding 3 (van 0 tot 3)"
    )
    assert text(summarise([2]).reason).startswith("1 stem; mediaan 2 ")


def test_without_votes_there_is_no_median_or_spread() -> None:
    summary = summarise([])
    assert (summary.count, summary.median, summary.spread) == (0, None, None)
    assert summary.distribution == ((0, 0), (1, 0), (2, 0), (3, 0))
    assert text(summary.reason) == "nog geen stemmen"
    assert not summary.agreed


def test_everyone_choosing_the_same_score_is_agreement() -> None:
    assert summarise([1, 1]).agreed
    assert not summarise([1, 2]).agreed


@pytest.mark.parametrize("wrong", [4, -1])
def test_it_refuses_a_score_outside_0_to_3(wrong: int) -> None:
    with pytest.raises(ValueError, match="scores must be one of"):
        summarise([1, wrong])


@pytest.mark.parametrize(
    ("scores", "expected"),
    [([1, 2], 2), ([0, 1], 1), ([2, 3], 3), ([0, 0, 3], 0), ([1, 3], 2), ([3], 3), ([], None)],
)
def test_a_partys_score_is_the_median_rounded_half_up(
    scores: list[int], expected: int | None
) -> None:
    assert party_score(scores) == expected


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=60))
def test_the_distribution_adds_up_and_the_median_lies_within_the_spread(scores: list[int]) -> None:
    summary = summarise(scores)
    assert sum(n for _score, n in summary.distribution) == len(scores)
    assert summary.lowest is not None and summary.highest is not None
    assert summary.median is not None
    assert summary.lowest <= summary.median <= summary.highest
    assert summary.spread == max(scores) - min(scores)
    assert party_score(scores) in range(summary.lowest, summary.highest + 1)
