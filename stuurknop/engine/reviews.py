"""A decision's review: what the indicators it concerns say by its review date.

Pure: the project document, a scenario and today's date in, data out. A decision concerns the
indicators that watch one of its knobs (``Indicator.knobs``). Each is judged by the rule of
:mod:`stuurknop.engine.indicators` on the review date — with only the measurements taken by
then — or today, while the review date is still to come.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stuurknop.engine.indicators import IndicatorStatus, indicator_status
from stuurknop.projectfile.schema import Decision, Indicator, ProjectDocument, Scenario


@dataclass(frozen=True)
class ReviewedIndicator:
    value: str  # the aimed value whose evidence plan holds it
    indicator: Indicator
    status: IndicatorStatus


@dataclass(frozen=True)
class DecisionReview:
    decision: Decision
    by: dt.date  # the review date, or today while it is still to come
    due: bool  # the review date has come
    indicators: tuple[ReviewedIndicator, ...]


def decision_reviews(
    document: ProjectDocument, scenario: Scenario, today: dt.date
) -> tuple[DecisionReview, ...]:
    """Every decision with a review date, by review date, with its indicators' status by then."""
    found = []
    decisions = [d for d in document.decisions if d.review_date is not None]
    for decision in sorted(decisions, key=lambda d: (d.review_date, d.id)):
        assert decision.review_date is not None
        by = min(decision.review_date, today)
        knobs = set(decision.knobs)
        indicators = tuple(
            ReviewedIndicator(plan.value, indicator, _status_by(indicator, by))
            for plan in scenario.evidence
            for indicator in plan.indicators
            if knobs & set(indicator.knobs)
        )
        found.append(DecisionReview(decision, by, decision.review_date <= today, indicators))
    return tuple(found)


def _status_by(indicator: Indicator, by: dt.date) -> IndicatorStatus:
    known = [m for m in indicator.measurements if m.date <= by]
    return indicator_status(indicator.model_copy(update={"measurements": known}), by)
