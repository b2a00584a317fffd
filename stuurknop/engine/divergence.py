"""Divergence between perspectives: where do the parties' views lie furthest apart?

The model's second use is a shared frame ("zijn we het eens over doelen en effecten?"). Per
knob (how far each party would open it, 0–3) and per value (how much it matters, 0–3) we take
each party's most recent view, and rank the items by spread (max − min), then by standard
deviation, so the conversation starts where the views differ most. The median says where the
middle of the table stands. The residents' aggregated input counts as one more view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from math import sqrt
from statistics import median

from stuurknop.engine.reasons import Reason, reason
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import Perspective, ProjectDocument

RESIDENTS = "bewoners (inbreng)"
_EPOCH = dt.date.min


@dataclass(frozen=True)
class View:
    party: str  # party id, or RESIDENTS for the aggregated resident input
    name: str
    score: float
    remark: str


@dataclass(frozen=True)
class DivergenceItem:
    subject: str  # "knob" or "value"
    key: str  # knob number as text, or value id
    name: str
    views: tuple[View, ...]
    spread: float
    stdev: float
    mean: float
    median: float
    lowest: tuple[str, ...]  # names of the parties with the lowest score
    highest: tuple[str, ...]
    reason: Reason


@dataclass(frozen=True)
class Divergence:
    knobs: tuple[DivergenceItem, ...]  # largest differences first
    values: tuple[DivergenceItem, ...]
    parties: tuple[str, ...]  # names of the parties that gave a view

    @property
    def largest(self) -> tuple[DivergenceItem, ...]:
        both = self.knobs + self.values
        return tuple(sorted(both, key=lambda i: (-i.spread, -i.stdev, i.subject, _order(i.key))))


def latest_perspectives(doc: ProjectDocument) -> dict[str, Perspective]:
    """Each party's most recent perspective (by date; undated ones count as oldest)."""
    latest: dict[str, Perspective] = {}
    for perspective in doc.perspectives:
        current = latest.get(perspective.party)
        if current is None or (perspective.date or _EPOCH) >= (current.date or _EPOCH):
            latest[perspective.party] = perspective
    return latest


def divergence(model: Model, doc: ProjectDocument) -> Divergence:
    """Per knob and per value: the spread of the parties' views, largest first."""
    latest = latest_perspectives(doc)
    names = {p.id: p.name for p in doc.parties}
    knob_views: dict[str, list[View]] = {str(k.number): [] for k in model.knobs}
    value_views: dict[str, list[View]] = {v.id: [] for v in model.values}
    for party_id, perspective in latest.items():
        for knob, opening in perspective.knobs.items():
            knob_views[str(knob)].append(
                View(party_id, names[party_id], float(opening), perspective.remarks)
            )
        for value, weight in perspective.values.items():
            value_views[value].append(
                View(party_id, names[party_id], float(weight), perspective.remarks)
            )
    answered = [r for r in doc.resident_input if r.respondents > 0]
    if answered:
        residents = max(answered, key=lambda r: r.date)
        remark = f"{residents.respondents} bewoners"
        for knob, score in residents.knobs.items():
            knob_views[str(knob)].append(View(RESIDENTS, RESIDENTS, float(score), remark))
        for value, score in residents.values.items():
            value_views[value].append(View(RESIDENTS, RESIDENTS, float(score), remark))
    knob_names = {str(k.number): f"Stuurknop {k.number}: {k.name}" for k in model.knobs}
    value_names = {v.id: v.name for v in model.values}
    parties = tuple(names[p] for p in latest) + ((RESIDENTS,) if answered else ())
    return Divergence(
        knobs=_ranked("knob", knob_views, knob_names),
        values=_ranked("value", value_views, value_names),
        parties=parties,
    )


def _ranked(
    subject: str, views: dict[str, list[View]], names: dict[str, str]
) -> tuple[DivergenceItem, ...]:
    items = []
    for key, these in views.items():
        if len(these) < 2:
            continue
        scores = [v.score for v in these]
        low, high = min(scores), max(scores)
        lowest = tuple(v.name for v in these if v.score == low)
        highest = tuple(v.name for v in these if v.score == high)
        why = reason(
            "divergence.spread",
            lowest=low,
            lowest_parties=lowest,
            highest=high,
            highest_parties=highest,
            views=len(these),
        )
        average = sum(scores) / len(scores)
        stdev = sqrt(sum((x - average) ** 2 for x in scores) / len(scores))  # population
        items.append(
            DivergenceItem(
                subject=subject,
                key=key,
                name=names[key],
                views=tuple(these),
                spread=high - low,
                stdev=stdev,
                mean=average,
                median=median(scores),
                lowest=lowest,
                highest=highest,
                reason=why,
            )
        )
    return tuple(sorted(items, key=lambda i: (-i.spread, -i.stdev, _order(i.key))))


def _order(key: str) -> tuple[int, str]:
    """Knob numbers in numeric order (2 before 10); value ids alphabetically."""
    return (int(key), "") if key.isdigit() else (0, key)
