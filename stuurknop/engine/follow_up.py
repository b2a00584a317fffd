"""What the meetings left to do: open actions (late ones first) and decisions due for review.

Pure: the project document and today's date in, the entities out in a fixed order. Every face
(the overview, the plan, the CLI) says them in its own words; ``today`` is given, never read from
a clock, so a plan printed on a date says the same thing every time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stuurknop.projectfile.schema import Action, ActionStatus, Decision, ProjectDocument

# A decision is "due for review" from this many days before its review date, so that it can
# go on the next meeting's agenda in time.
REVIEW_NOTICE_DAYS = 30


@dataclass(frozen=True)
class OpenAction:
    action: Action
    late: bool  # its due date has passed


@dataclass(frozen=True)
class ReviewDue:
    decision: Decision
    late: bool  # its review date has passed


@dataclass(frozen=True)
class FollowUp:
    open_actions: tuple[OpenAction, ...]  # late first, then by due date (none last), then id
    reviews_due: tuple[ReviewDue, ...]  # by review date, then id
    done_actions: int

    @property
    def late_actions(self) -> int:
        return sum(1 for a in self.open_actions if a.late)


def follow_up(document: ProjectDocument, today: dt.date) -> FollowUp:
    """The open actions and the decisions whose review date is near or past on ``today``."""
    open_actions = [
        OpenAction(a, a.due is not None and a.due < today)
        for a in document.actions
        if a.status is ActionStatus.OPEN
    ]
    open_actions.sort(
        key=lambda o: (not o.late, o.action.due is None, o.action.due or today, o.action.id)
    )
    horizon = today + dt.timedelta(days=REVIEW_NOTICE_DAYS)
    reviews = [
        ReviewDue(d, d.review_date < today)
        for d in document.decisions
        if d.review_date is not None and d.review_date <= horizon
    ]
    reviews.sort(key=lambda r: (r.decision.review_date, r.decision.id))
    done = sum(1 for a in document.actions if a.status is ActionStatus.KLAAR)
    return FollowUp(tuple(open_actions), tuple(reviews), done)
