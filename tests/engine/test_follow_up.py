"""Open actions and decisions due for review, as the overview and the plan list them."""

from __future__ import annotations

import datetime as dt

from stuurknop.engine.follow_up import REVIEW_NOTICE_DAYS, follow_up
from stuurknop.projectfile.schema import Action, ActionStatus, Decision, ProjectDocument
from tests.conftest import build_document

TODAY = dt.date(2026, 12, 6)


def _document(actions: list[Action], decisions: list[Decision]) -> ProjectDocument:
    return build_document().model_copy(update={"actions": actions, "decisions": decisions})


def test_open_actions_come_late_first_then_by_due_date_and_done_ones_are_counted() -> None:
    actions = [
        Action(id="a1", title="Offerte vragen", due=TODAY + dt.timedelta(days=3)),
        Action(id="a2", title="Zonder datum"),
        Action(id="a3", title="Te laat", due=TODAY - dt.timedelta(days=1)),
        Action(
            id="a4", title="Gedaan", due=TODAY - dt.timedelta(days=9), status=ActionStatus.KLAAR
        ),
        Action(id="a5", title="Vandaag", due=TODAY),
    ]
    result = follow_up(_document(actions, []), TODAY)
    assert [o.action.id for o in result.open_actions] == ["a3", "a5", "a1", "a2"]
    assert [o.late for o in result.open_actions] == [True, False, False, False]
    assert result.late_actions == 1 and result.done_actions == 1


def test_a_decision_is_due_for_review_from_its_notice_period_on() -> None:
    day = dt.timedelta(days=1)
    decisions = [
        Decision(
            id="d1", title="Later", date=TODAY, review_date=TODAY + (REVIEW_NOTICE_DAYS + 1) * day
        ),
        Decision(
            id="d2", title="Binnenkort", date=TODAY, review_date=TODAY + REVIEW_NOTICE_DAYS * day
        ),
        Decision(id="d3", title="Verlopen", date=TODAY - 90 * day, review_date=TODAY - day),
        Decision(id="d4", title="Nooit", date=TODAY),
    ]
    result = follow_up(_document([], decisions), TODAY)
    assert [(r.decision.id, r.late) for r in result.reviews_due] == [("d3", True), ("d2", False)]
