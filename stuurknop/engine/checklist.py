"""Checklist in the plan phase: have we discussed every knob, is every cost covered?

The model's first use (seed 001, "Mogelijk gebruik"): a project's own checklist. Each item says
whether it is done and, when not, what is open and where it is fixed (``target``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stuurknop.engine.money import MoneyOverTime
from stuurknop.engine.reasons import Reason, reason
from stuurknop.engine.routes import ValuePotential
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import EvidenceStatus, KnobStatus, ProjectDocument, Scenario


class ItemKind(StrEnum):
    KNOB_DISCUSSED = "stuurknop_besproken"
    KNOB_ELABORATED = "stuurknop_uitgewerkt"
    COST_FUNDED = "kosten_gedekt"  # no shortfall: the item's funding covers its cost
    COST_ON_TIME = "kosten_op_tijd_gedekt"  # only for an item whose money comes late
    PAYER_AT_TABLE = "betaler_aan_tafel"
    VALUE_REACHED = "waarde_bereikt"
    VALUE_EVIDENCE = "waarde_onderbouwd"


@dataclass(frozen=True)
class Target:
    """Where in the application the point is fixed."""

    page: str  # knob, money, values, parties, evidence
    knob: int | None = None
    item: str | None = None


@dataclass(frozen=True)
class ChecklistItem:
    kind: ItemKind
    done: bool
    label: Reason
    open_point: Reason | None  # what is open; None when done
    target: Target


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.done)

    @property
    def percentage(self) -> int:
        # integer half-up rounding: 1 of 8 done is 13%, not Python's banker's 12%
        return (200 * self.done + len(self.items)) // (2 * len(self.items)) if self.items else 100

    @property
    def open_points(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if not i.done)


def aimed_values(scenario: Scenario) -> tuple[str, ...]:
    """Values that at least one party says matter to it (weight ≥ 1), in order of first mention."""
    seen: dict[str, None] = {}
    for interest in scenario.interests:
        if interest.weight >= 1:
            seen.setdefault(interest.value, None)
    return tuple(seen)


def checklist(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    money: MoneyOverTime,
    potentials: tuple[ValuePotential, ...],
) -> Checklist:
    """The completeness checklist of ``scenario``, with every open point."""
    items: list[ChecklistItem] = []
    for knob in model.knobs:
        setting = scenario.setting(knob.number)
        target = Target("knob", knob=knob.number)
        discussed = setting.status is not KnobStatus.NIET_BESPROKEN
        items.append(
            ChecklistItem(
                ItemKind.KNOB_DISCUSSED,
                discussed,
                reason("checklist.knob_discussed", knob=knob.number, name=knob.name),
                None
                if discussed
                else reason("checklist.knob_not_discussed", knob=knob.number, name=knob.name),
                target,
            )
        )
        if setting.status is KnobStatus.AAN:
            missing = []
            if not setting.elaboration.strip():
                missing.append("uitwerking")
            if setting.lead_party is None:
                missing.append("trekker")
            items.append(
                ChecklistItem(
                    ItemKind.KNOB_ELABORATED,
                    not missing,
                    reason("checklist.knob_elaborated", knob=knob.number),
                    reason("checklist.knob_incomplete", knob=knob.number, missing=tuple(missing))
                    if missing
                    else None,
                    target,
                )
            )
    for item in money.cost_items:
        # Only a shortfall (money that never comes) leaves the cost unfunded; money that comes
        # in a later year is a softer point of its own, listed only where it occurs.
        done = item.shortfall == 0
        open_point = (
            reason(
                "checklist.cost_uncovered",
                cost=item.description,
                amount=item.shortfall,
                year=item.first_uncovered_year or 0,
            )
            if not done
            else None
        )
        target = Target("knob", knob=item.knob, item=item.cost_item)
        items.append(
            ChecklistItem(
                ItemKind.COST_FUNDED,
                done,
                reason("checklist.cost_funded", cost=item.description),
                open_point,
                target,
            )
        )
        if item.timing_gap:
            items.append(
                ChecklistItem(
                    ItemKind.COST_ON_TIME,
                    False,
                    reason("checklist.cost_on_time", cost=item.description),
                    item.timing_reason,
                    target,
                )
            )
    payers = {line.party for line in scenario.funding}
    for party in doc.parties:
        if party.id in payers:
            items.append(
                ChecklistItem(
                    ItemKind.PAYER_AT_TABLE,
                    party.at_table,
                    reason("checklist.payer_at_table", party=party.name),
                    None
                    if party.at_table
                    else reason("checklist.payer_not_at_table", party=party.name),
                    Target("parties", item=party.id),
                )
            )
    potential = {p.value: p.potential for p in potentials}
    plans = {plan.value: plan for plan in scenario.evidence}
    for value_id in aimed_values(scenario):
        name = model.value(value_id).name
        reached = potential[value_id] > 0
        items.append(
            ChecklistItem(
                ItemKind.VALUE_REACHED,
                reached,
                reason("checklist.value_reached", value=name),
                None if reached else reason("checklist.value_unreached", value=name),
                Target("values", item=value_id),
            )
        )
        plan = plans.get(value_id)
        missing = []
        if plan is None or not plan.before_decision:
            missing.append("bewijs_vooraf")
        elif any(need.status is not EvidenceStatus.BINNEN for need in plan.before_decision):
            missing.append("bewijs_binnen")
        if plan is None or not plan.indicators:
            missing.append("monitoring")
        items.append(
            ChecklistItem(
                ItemKind.VALUE_EVIDENCE,
                not missing,
                reason("checklist.value_evidence", value=name),
                reason("checklist.value_unproven", value=name, missing=tuple(missing))
                if missing
                else None,
                Target("evidence", item=value_id),
            )
        )
    return Checklist(tuple(items))
