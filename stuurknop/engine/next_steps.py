"""What to do next: a short, ordered to-do list derived from a scenario's analysis.

The order follows what blocks a plan most (DESIGN "The application", the overview page):

1. knobs nobody has discussed yet (the model asks the table to go through all ten);
2. checks with severity *waarschuwing* (likely to hurt the project);
3. a funding gap (cost without any funding);
4. a cliff (temporary money stops while the cost runs on: the model's "two-year question");
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
from stuurknop.engine.text import euro
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
    text: str  # what to do, one sentence
    detail: str = ""  # why: the engine's reason or finding
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
            f"Nodig {names.get(item.target.item or '', item.target.item)} uit aan tafel: "
            "deze partij betaalt mee.",
            "Wie meebetaalt, hoort mee te beslissen.",
            item=item.target.item,
        )
        for item in open_items
        if item.kind is ItemKind.PAYER_AT_TABLE
    )
    steps.extend(
        NextStep(
            ItemKind.KNOB_ELABORATED.value,
            f"Maak stuurknop {item.target.knob} af.",
            _sentence(item.open_point),
            knob=item.target.knob,
        )
        for item in open_items
        if item.kind is ItemKind.KNOB_ELABORATED
    )
    if not analysis.balance.value_known:
        steps.append(
            NextStep(
                Topic.NO_INTERESTS.value,
                "Vul per partij in welke waarden voor haar tellen.",
                "Dan is te zien voor wie de waarde ontstaat en wie wat zou kunnen betalen.",
            )
        )
    steps.extend(
        NextStep(
            ItemKind.VALUE_REACHED.value,
            "Zet een stuurknop aan die naar deze waarde leidt.",
            _sentence(item.open_point),
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
    if len(knobs) == 1:
        text = f"Bespreek stuurknop {knobs[0]}: die is nog niet besproken."
    else:
        listed = ", ".join(str(k) for k in knobs[:-1]) + f" en {knobs[-1]}"
        text = f"Bespreek de stuurknoppen {listed}: die zijn nog niet besproken."
    return NextStep(
        ItemKind.KNOB_DISCUSSED.value,
        text,
        "Zet elke stuurknop aan of bewust uit, zodat niets vergeten wordt.",
        knob=knobs[0],
    )


def _check_step(check: CheckResult) -> NextStep:
    return NextStep(
        check.id,
        f"{check.title}.",
        _sentence(check.findings[0]) if check.findings else "",
        knob=check.knobs[0] if check.knobs else None,
    )


def _gap(analysis: Analysis) -> NextStep | None:
    money = analysis.money
    if not money.total_uncovered:
        return None
    largest = max(money.cost_items, key=lambda item: item.uncovered)
    return NextStep(
        Topic.GAP.value,
        f"Zoek geld voor {euro(money.total_uncovered)} aan kosten zonder dekking.",
        f"Het grootste tekort: '{largest.description}' ({euro(largest.uncovered)}).",
        knob=largest.knob,
        item=largest.cost_item,
    )


def _cliff(analysis: Analysis) -> NextStep:
    cliff = analysis.money.cliffs[0]
    return NextStep(
        Topic.CLIFF.value,
        f"Spreek af wie vanaf {cliff.year} betaalt: dan stopt tijdelijk geld.",
        _sentence(cliff.reason),
        item=cliff.cost_items[0] if cliff.cost_items else None,
    )


def _sentence(text: str) -> str:
    """The engine's reasons start in lower case (they follow a label); a step shows them alone."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", ":")) else text + "."
