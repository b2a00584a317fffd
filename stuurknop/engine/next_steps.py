"""What to do next: a short, ordered to-do list derived from a scenario's analysis.

The order follows what blocks a plan most (DESIGN "The application", the overview page):

1. knobs nobody has discussed yet (the model asks the table to go through all ten);
2. checks with severity *waarschuwing* (likely to hurt the project);
3. a funding gap (cost that no funding pays within the horizon; money that comes late is none);
4. the cliffs (temporary money stops while the cost runs on: the model's "two-year question"),
   every one named, largest drop first;
5. a party that pays but is not at the table;
6. knobs that are on but lack an elaboration or a leading party;
7. no party has said which values matter to it (then nobody can see for whom value arises);
8. a value the parties aim for that no active route reaches;
9. checks with severity *aandacht*.

Each step names its ``topic``: the id it derives from (a checklist item kind, a check id, or one
of :class:`Topic`), so that an application can link the step to the page where it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stuurknop.engine.analysis import Analysis
from stuurknop.engine.checklist import ChecklistItem, ItemKind
from stuurknop.engine.checks import CheckResult
from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.schema import Severity

DEFAULT_LIMIT = 5

# The check about recurring costs on temporary money says in general what a cliff says with a
# year; when there is a cliff, the cliff step stands in for the check.
TEMPORARY_MONEY_CHECK = "structureel_op_tijdelijk_geld"


class Topic(StrEnum):
    """Steps that derive from money or interests rather than from one checklist item or check."""

    GAP = "financieringstekort"
    CLIFF = "klif"
    NO_INTERESTS = "belangen_ontbreken"


@dataclass(frozen=True)
class NextStep:
    topic: str  # an ItemKind value, a check id or a Topic value
    action: Reason  # what to do, one sentence
    why: Reason | None = None  # why: the engine's reason or finding, shown as a sentence
    knob: int | None = None  # the knob concerned, if one
    item: str | None = None  # the party, value or cost item concerned, if one


def next_steps(analysis: Analysis, limit: int = DEFAULT_LIMIT) -> tuple[NextStep, ...]:
    """The first ``limit`` things to do in this scenario, most pressing first."""
    steps: list[NextStep] = []
    open_items = analysis.checklist.open_points
    undiscussed = _undiscussed_knobs(open_items)
    if undiscussed:
        steps.append(undiscussed)
    has_cliff = bool(analysis.money.cliffs)
    steps.extend(
        _check_step(check)
        for check in analysis.checks
        if check.severity is Severity.WAARSCHUWING
        and not (has_cliff and check.id == TEMPORARY_MONEY_CHECK)
    )
    gap = _gap(analysis)
    if gap:
        steps.append(gap)
    if has_cliff:
        steps.append(_cliff(analysis))
    names = {party.party: party.name for party in analysis.party_values}
    steps.extend(
        NextStep(
            ItemKind.PAYER_AT_TABLE.value,
            reason("step.invite", party=names.get(item.target.item or "", item.target.item or "")),
            reason("step.invite.why"),
            item=item.target.item,
        )
        for item in open_items
        if item.kind is ItemKind.PAYER_AT_TABLE
    )
    steps.extend(
        NextStep(
            ItemKind.KNOB_ELABORATED.value,
            reason("step.finish_knob", knob=item.target.knob or 0),
            item.open_point,
            knob=item.target.knob,
        )
        for item in open_items
        if item.kind is ItemKind.KNOB_ELABORATED
    )
    if not analysis.balance.value_known:
        steps.append(
            NextStep(
                Topic.NO_INTERESTS.value,
                reason("step.state_interests"),
                reason("step.state_interests.why"),
            )
        )
    steps.extend(
        NextStep(
            ItemKind.VALUE_REACHED.value,
            reason("step.open_route"),
            item.open_point,
            item=item.target.item,
        )
        for item in open_items
        if item.kind is ItemKind.VALUE_REACHED
    )
    steps.extend(
        _check_step(check) for check in analysis.checks if check.severity is Severity.AANDACHT
    )
    return tuple(steps[:limit])


def _undiscussed_knobs(open_items: tuple[ChecklistItem, ...]) -> NextStep | None:
    knobs = [
        item.target.knob
        for item in open_items
        if item.kind is ItemKind.KNOB_DISCUSSED and item.target.knob is not None
    ]
    if not knobs:
        return None
    return NextStep(
        ItemKind.KNOB_DISCUSSED.value,
        reason("step.discuss_knobs", knobs=tuple(knobs)),
        reason("step.discuss_knobs.why"),
        knob=knobs[0],
    )


def _check_step(check: CheckResult) -> NextStep:
    return NextStep(
        check.id,
        reason("step.check", title=check.title),
        check.reasons[0] if check.reasons else None,
        knob=check.knobs[0] if check.knobs else None,
    )


def _gap(analysis: Analysis) -> NextStep | None:
    money = analysis.money
    shortfall = money.total_shortfall  # money that comes late is no gap to find money for
    if not shortfall:
        return None
    largest = max(money.cost_items, key=lambda item: item.shortfall)
    return NextStep(
        Topic.GAP.value,
        reason("step.find_money", amount=shortfall),
        reason("step.find_money.why", cost=largest.description, amount=largest.shortfall),
        knob=largest.knob,
        item=largest.cost_item,
    )


def _cliff(analysis: Analysis) -> NextStep:
    """One step for every cliff, named largest drop first; the largest one's reason says why."""
    cliffs = analysis.money.cliffs_largest_first
    largest = cliffs[0]
    return NextStep(
        Topic.CLIFF.value,
        reason("step.cliff", cliffs=tuple((c.drop, c.year) for c in cliffs)),
        largest.reason,
        item=largest.cost_items[0] if largest.cost_items else None,
    )
