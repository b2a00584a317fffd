"""Comparison of two scenarios of one project: what differs, and what that does."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.analysis import analyse
from stuurknop.engine.routes import opening_of
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument


@dataclass(frozen=True)
class KnobDifference:
    knob: int
    name: str
    a: int  # opening, 0 when off or not discussed
    b: int
    a_status: str
    b_status: str


@dataclass(frozen=True)
class FigureDifference:
    key: str
    name: str
    a: float
    b: float

    @property
    def delta(self) -> float:
        return self.b - self.a


@dataclass(frozen=True)
class MoneyDifference:
    key: str
    name: str
    a: Decimal
    b: Decimal

    @property
    def delta(self) -> Decimal:
        return self.b - self.a


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    knobs: tuple[KnobDifference, ...]  # only knobs whose setting differs
    routes: tuple[FigureDifference, ...]
    values: tuple[FigureDifference, ...]
    money: tuple[MoneyDifference, ...]
    checklist: FigureDifference
    checks_only_a: tuple[str, ...]  # check titles that fire in A but not in B
    checks_only_b: tuple[str, ...]


def compare(model: Model, doc: ProjectDocument, scenario_a: str, scenario_b: str) -> Comparison:
    """What differs between two scenarios of ``doc``, and what that does to the figures."""
    sa, sb = doc.scenario(scenario_a), doc.scenario(scenario_b)
    a, b = analyse(model, doc, sa), analyse(model, doc, sb)
    knobs = []
    for knob in model.knobs:
        one, other = sa.setting(knob.number), sb.setting(knob.number)
        pair = (one.status.value, opening_of(sa, knob.number))
        pair_b = (other.status.value, opening_of(sb, knob.number))
        if pair != pair_b:
            knobs.append(
                KnobDifference(knob.number, knob.name, pair[1], pair_b[1], pair[0], pair_b[0])
            )
    money_a, money_b = a.money, b.money
    money = (
        MoneyDifference(
            "costs", "Kosten over de looptijd", money_a.total_costs, money_b.total_costs
        ),
        MoneyDifference("funding", "Financiering", money_a.total_funding, money_b.total_funding),
        # Money that never comes apart from money that comes later than the cost (a timing gap).
        MoneyDifference(
            "shortfall",
            "Tekort (geld dat niet komt)",
            money_a.total_shortfall,
            money_b.total_shortfall,
        ),
        MoneyDifference(
            "timing_gap",
            "Geld komt later dan de kosten",
            money_a.total_timing_gap,
            money_b.total_timing_gap,
        ),
        MoneyDifference("committed", "Toegezegd", money_a.committed, money_b.committed),
    )
    titles_a = {c.title for c in a.checks}
    titles_b = {c.title for c in b.checks}
    return Comparison(
        a=a.scenario,
        b=b.scenario,
        knobs=tuple(knobs),
        routes=tuple(
            FigureDifference(ra.route, ra.name, ra.activation, rb.activation)
            for ra, rb in zip(a.routes, b.routes, strict=True)
        ),
        values=tuple(
            FigureDifference(va.value, va.name, va.potential, vb.potential)
            for va, vb in zip(a.values, b.values, strict=True)
        ),
        money=money,
        checklist=FigureDifference(
            "checklist", "Checklist gereed (%)", a.checklist.percentage, b.checklist.percentage
        ),
        checks_only_a=tuple(sorted(titles_a - titles_b)),
        checks_only_b=tuple(sorted(titles_b - titles_a)),
    )
