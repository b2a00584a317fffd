"""The residents' questionnaire, aggregated into the residents' view of the project.

Each answer scores the model's questionnaire items 0–3 ("niet belangrijk" … "heel
belangrijk"); every item is optional. The aggregate, with the reason of every figure:

- per item: how many answered it, how often each score was given, and the average;
- per value: the average of the averages of the items tied to that value (each item counts
  once, however many residents skipped it), so the value reads as "how much the things that
  lead to it matter to residents";
- per knob: likewise over the items that name the knob (the model ties each such knob to the
  item through one of the item's routes);
- the answers to "would you help organise something?" and the open remarks.

:func:`resident_input` turns it into the project document's ``ResidentInput``, which the
divergence takes as the residents' perspective.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.schema import Model, QuestionnaireItem
from stuurknop.projectfile.schema import HelpCounts, ResidentInput

SCORES = (0, 1, 2, 3)
HELP_CHOICES = ("ja", "misschien", "nee")
_TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Answer:
    """One resident's filled-in questionnaire: item id → score 0–3 (unanswered items absent),
    the help answer ("ja", "misschien", "nee" or "" for no answer) and the open remark."""

    scores: Mapping[str, int]
    help_organise: str = ""
    remark: str = ""


@dataclass(frozen=True)
class ItemResult:
    item: QuestionnaireItem
    answered: int
    counts: tuple[int, int, int, int]  # how often 0, 1, 2 and 3 were given
    average: float | None  # None when nobody answered this item


@dataclass(frozen=True)
class Scored:
    """A value's or knob's score from the items tied to it, with its reason."""

    key: str  # value id, or knob number as text
    name: str
    average: float
    items: tuple[str, ...]  # labels of the answered items it is the average of
    reason: Reason


@dataclass(frozen=True)
class ResidentSummary:
    respondents: int
    items: tuple[ItemResult, ...]
    values: tuple[Scored, ...]  # in the model's order of values
    knobs: tuple[Scored, ...]  # in knob order
    help_organise: Mapping[str, int]  # "ja", "misschien", "nee" → count
    remarks: tuple[str, ...]


def aggregate(model: Model, answers: Iterable[Answer]) -> ResidentSummary:
    """The residents' answers summed up per item, value and knob (see the module docstring).

    Scores outside 0–3 and item ids the model does not know are ignored, as is a help answer
    that is not one of the three choices.
    """
    answers = list(answers)
    items = tuple(_item_result(item, answers) for item in model.questionnaire)
    answered = [r for r in items if r.average is not None]
    values = []
    for value in model.values:
        tied = [r for r in answered if value.id in r.item.values]
        if tied:
            values.append(_scored(value.id, value.name, tied))
    knobs = []
    for knob in model.knobs:
        tied = [r for r in answered if knob.number in r.item.knobs]
        if tied:
            knobs.append(_scored(str(knob.number), f"Stuurknop {knob.number}: {knob.name}", tied))
    help_counts = {choice: 0 for choice in HELP_CHOICES}
    for answer in answers:
        if answer.help_organise in help_counts:
            help_counts[answer.help_organise] += 1
    remarks = tuple(a.remark.strip() for a in answers if a.remark.strip())
    return ResidentSummary(
        respondents=len(answers),
        items=items,
        values=tuple(values),
        knobs=tuple(knobs),
        help_organise=help_counts,
        remarks=remarks,
    )


def resident_input(summary: ResidentSummary, date: dt.date) -> ResidentInput:
    """The project document's record of these answers, averages to two decimals."""
    return ResidentInput(
        date=date,
        respondents=summary.respondents,
        values={s.key: _two_places(s.average) for s in summary.values},
        knobs={int(s.key): _two_places(s.average) for s in summary.knobs},
        help_organise=HelpCounts(**summary.help_organise),
        remarks=list(summary.remarks),
    )


def _item_result(item: QuestionnaireItem, answers: list[Answer]) -> ItemResult:
    given = [a.scores[item.id] for a in answers if a.scores.get(item.id) in SCORES]
    counts = (given.count(0), given.count(1), given.count(2), given.count(3))
    average = sum(given) / len(given) if given else None
    return ItemResult(item, len(given), counts, average)


def _scored(key: str, name: str, tied: list[ItemResult]) -> Scored:
    averages = [r.average for r in tied if r.average is not None]
    average = sum(averages) / len(averages)
    items = tuple((r.item.label, r.average or 0.0) for r in tied)
    why = reason("residents.score", average=average, items=items)
    return Scored(key, name, average, tuple(r.item.label for r in tied), why)


def _two_places(number: float) -> Decimal:
    return Decimal(repr(number)).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)
