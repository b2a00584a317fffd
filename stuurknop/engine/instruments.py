"""Validated instruments, scored exactly as their sources publish them.

The instrument's definition is model data (``indicators.yaml``): which answers score a point on
each item, the subscales, the categories of the total and how many missing answers a score
allows. This module knows no instrument by name; it applies that data.

For a scale (the short De Jong Gierveld loneliness scale):

- an item scores 1 when its answer is one of the item's ``scores_on`` answers, else 0;
- the total is the sum over the answered items, given only when at most ``max_missing`` items
  are unanswered (the manual's SPSS syntax: more than one missing item, no total); nothing is
  filled in for a missing item;
- a subscale likewise, with ``max_missing_subscale`` (the manual: none may be missing);
- the category is the band of the total (0–1, 2–4, 5–6).

A round is summed up over the respondents who got a total: the mean total and how many fall in
each category. A respondent without a total is counted as such and left out of both. The
indicators of the library read one figure from a round (:func:`indicator_value`).

Results are numbers and :class:`~stuurknop.engine.reasons.Reason` values, never words; nothing
here links an answer to a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.library import Instrument, LibraryIndicator, Statistic

_MEAN_PLACES = Decimal("0.01")
_SHARE_PLACES = Decimal("0.1")


@dataclass(frozen=True)
class ScaleScore:
    """One respondent's score; ``None`` where too many answers are missing for a score."""

    total: int | None
    subscales: Mapping[str, int | None]
    category: str | None
    missing: int  # unanswered items (an unknown answer counts as unanswered)


def score_scale(instrument: Instrument, answers: Mapping[str, str]) -> ScaleScore:
    """Score one respondent's answers (item id → answer key) on a scale instrument."""
    valid = set(instrument.answers)
    given = {
        item.id: answers[item.id] for item in instrument.items if answers.get(item.id) in valid
    }
    points = {
        item.id: int(given[item.id] in item.scores_on)
        for item in instrument.items
        if item.id in given
    }
    missing = len(instrument.items) - len(given)
    total = sum(points.values()) if missing <= instrument.max_missing else None
    subscales: dict[str, int | None] = {}
    for subscale in instrument.subscales:
        ids = instrument.item_ids(subscale.id)
        lacking = sum(1 for item_id in ids if item_id not in given)
        subscales[subscale.id] = (
            sum(points[i] for i in ids if i in points)
            if lacking <= instrument.max_missing_subscale
            else None
        )
    return ScaleScore(total, subscales, category_of(instrument, total), missing)


def category_of(instrument: Instrument, total: int | None) -> str | None:
    """The category key of a total score (``None`` for no score)."""
    if total is None:
        return None
    for category in instrument.categories:
        if category.low <= total <= category.high:
            return category.key
    raise ValueError(f"score {total} valt buiten de categorieën van {instrument.id}")


def score_mark(instrument: Instrument, answer: int | None) -> int | None:
    """A report mark if it is a whole number within the instrument's range, else no score."""
    if answer is None or not instrument.lowest <= answer <= instrument.highest:
        return None
    return answer


@dataclass(frozen=True)
class RoundResult:
    """An instrument over one round of respondents (who answered at least one of its items)."""

    instrument: str
    respondents: int
    scored: int  # respondents with a score
    mean: Decimal | None  # the mean score of the scored, two decimals
    categories: Mapping[str, int]  # category key → how many scored respondents (scales only)
    subscale_means: Mapping[str, Decimal | None]
    reason: Reason

    @property
    def unscored(self) -> int:
        return self.respondents - self.scored


def scale_round(instrument: Instrument, answer_sets: Iterable[Mapping[str, str]]) -> RoundResult:
    """Sum up a scale over a round: each set is one respondent's answers."""
    scores = [score_scale(instrument, answers) for answers in answer_sets]
    answered = [s for s in scores if s.missing < len(instrument.items)]
    totals = [s.total for s in answered if s.total is not None]
    counts = {c.key: 0 for c in instrument.categories}
    for score in answered:
        if score.category is not None:
            counts[score.category] += 1
    subscale_means = {
        sub.id: _mean([t for s in answered if (t := s.subscales[sub.id]) is not None])
        for sub in instrument.subscales
    }
    mean = _mean(totals)
    why = _mean_reason(instrument, mean, len(totals), len(answered), 0, instrument.top)
    return RoundResult(instrument.id, len(answered), len(totals), mean, counts, subscale_means, why)


def mark_round(instrument: Instrument, marks: Iterable[int | None]) -> RoundResult:
    """Sum up a report mark over a round: each entry is one respondent's answer (or None)."""
    given = [m for m in marks if m is not None]
    scored = [s for m in given if (s := score_mark(instrument, m)) is not None]
    mean = _mean(scored)
    why = _mean_reason(
        instrument, mean, len(scored), len(given), instrument.lowest, instrument.highest
    )
    return RoundResult(instrument.id, len(given), len(scored), mean, {}, {}, why)


def indicator_value(
    indicator: LibraryIndicator, result: RoundResult
) -> tuple[Decimal, Reason] | None:
    """The figure a library indicator reads from a round of its instrument, with its reason;
    ``None`` when no respondent got a score (a round without scores measures nothing)."""
    if indicator.instrument != result.instrument or result.scored == 0 or result.mean is None:
        return None
    if indicator.statistic is Statistic.GEMIDDELDE:
        return result.mean, result.reason
    count = sum(result.categories.get(key, 0) for key in indicator.categories)
    share = (Decimal(100 * count) / Decimal(result.scored)).quantize(
        _SHARE_PLACES, rounding=ROUND_HALF_UP
    )
    why = reason(
        "instrument.share",
        instrument=result.instrument,
        categories=tuple(indicator.categories),
        count=count,
        scored=result.scored,
        unscored=result.unscored,
        share=share,
    )
    return share, why


def _mean(numbers: list[int]) -> Decimal | None:
    if not numbers:
        return None
    return (Decimal(sum(numbers)) / Decimal(len(numbers))).quantize(
        _MEAN_PLACES, rounding=ROUND_HALF_UP
    )


def _mean_reason(
    instrument: Instrument, mean: Decimal | None, scored: int, respondents: int, low: int, high: int
) -> Reason:
    if mean is None:
        return reason("instrument.no_scores", instrument=instrument.id, respondents=respondents)
    return reason(
        "instrument.mean",
        instrument=instrument.id,
        mean=mean,
        scored=scored,
        unscored=respondents - scored,
        low=low,
        high=high,
    )
