"""One knob's worksheet page as plain data: the model's text for the knob, and (filled in) the
scenario's choice, cost items, funding lines and the checks that fire for it, with the words
and amounts people read. :mod:`stuurknop.reports.worksheets` lays these pages out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stuurknop.charts.model_map import OPENING_WORDS, STATUS_WORDS, knob_state
from stuurknop.engine import Analysis
from stuurknop.engine.money import UNASSIGNED, CostItemMoney, funding_years
from stuurknop.engine.routes import MAX_OPENING
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.presentation.reasons import texts
from stuurknop.projectfile.schema import (
    CostItem,
    CostKind,
    FundingLine,
    FundingStatus,
    KnobStatus,
    ProjectDocument,
    Scenario,
)
from stuurknop.reports.printing import money

NOT_FILLED = "nog niet ingevuld"
# The model's words (scales.yaml), from the default version: every version has the same keys.
FUNDING_STATUS_WORDS = {
    status: load_model().word("funding_status", status.value) for status in FundingStatus
}
SEVERITY_WORDS = {
    severity: load_model().word("severity", severity)
    for severity in ("info", "aandacht", "waarschuwing")
}


@dataclass(frozen=True)
class Mechanism:
    route: str
    explanation: str
    values: tuple[str, ...]
    intended: bool


@dataclass(frozen=True)
class Lesson:
    text: str
    source: str


@dataclass(frozen=True)
class CostRow:
    description: str
    amount: str  # ``€ 20.000``
    per_year: bool
    period: str
    party: str
    total: str  # over the horizon, from the engine
    covered: str
    uncovered: str
    has_gap: bool


@dataclass(frozen=True)
class FundingRow:
    cost_item: str
    party: str
    source: str
    amount: str
    per_year: bool
    period: str
    status: str
    total: str


@dataclass(frozen=True)
class Check:
    title: str
    severity: str
    message: str
    findings: tuple[str, ...]


@dataclass(frozen=True)
class KnobPage:
    knob: Knob
    state: str  # ``aan, 2 van 3 (gemiddeld)``
    mechanisms: tuple[Mechanism, ...]
    lessons: tuple[Lesson, ...]
    choice: tuple[tuple[str, str], ...]  # (label, text): status, stand, elaboration, …
    answers: tuple[tuple[str, str], ...]  # (conversation question, answer)
    costs: tuple[CostRow, ...]
    funding: tuple[FundingRow, ...]
    totals: tuple[str, str, str, str]  # costs, covered, uncovered, funding over the horizon
    lead_party: str
    checks: tuple[Check, ...]


def blank_page(model: Model, knob: Knob) -> KnobPage:
    return KnobPage(
        knob=knob,
        state="",
        mechanisms=_mechanisms(model, knob, intended=()),
        lessons=_lessons(model, knob),
        choice=(),
        answers=tuple((q, "") for q in model.conversation_questions[:3]),
        costs=(),
        funding=(),
        totals=("", "", "", ""),
        lead_party="",
        checks=(),
    )


def knob_page(
    model: Model, document: ProjectDocument, scenario: Scenario, analysis: Analysis, knob: Knob
) -> KnobPage:
    """What the worksheet of ``knob`` shows for ``scenario``: the same as the web app's page."""
    setting = scenario.setting(knob.number)
    names = _party_names(document)
    lead = names.get(setting.lead_party or "", "") or "nog geen trekker"
    intended = tuple(r for r in setting.routes if r in knob.route_ids())
    opening = (
        f"stand {setting.opening} van {MAX_OPENING} ({OPENING_WORDS[setting.opening]})"
        if setting.opening and setting.status is KnobStatus.AAN
        else "—"
    )
    choice = (
        ("Status", STATUS_WORDS[setting.status]),
        ("Stand", opening),
        ("Uitwerking voor dit project", setting.elaboration or NOT_FILLED),
        ("Trekker", lead),
        (
            "Beoogde routes",
            ", ".join(model.route(r).name for r in intended) or "nog geen gekozen",
        ),
    )
    answers = tuple(
        (q, setting.answers[i] if i < len(setting.answers) and setting.answers[i] else NOT_FILLED)
        for i, q in enumerate(model.conversation_questions[:3])
    )
    items = {c.cost_item: c for c in analysis.money.cost_items if c.knob == knob.number}
    costs = tuple(c for c in scenario.costs if c.id in items)
    cost_by_id = {c.id: c for c in scenario.costs}
    lines = tuple(f for f in scenario.funding if f.cost_item in items)
    horizon = document.project.years
    funding_totals = [_line_total(f, cost_by_id[f.cost_item], horizon) for f in lines]
    totals = (
        money(sum((i.costs for i in items.values()), Decimal(0))),
        money(sum((i.covered for i in items.values()), Decimal(0))),
        money(sum((i.uncovered for i in items.values()), Decimal(0))),
        money(sum(funding_totals, Decimal(0))),
    )
    return KnobPage(
        knob=knob,
        state=knob_state(scenario, knob.number),
        mechanisms=_mechanisms(model, knob, intended=intended),
        lessons=_lessons(model, knob),
        choice=choice,
        answers=answers,
        costs=tuple(_cost_row(c, items[c.id], names) for c in costs),
        funding=tuple(
            _funding_row(model, f, cost_by_id[f.cost_item], names, total)
            for f, total in zip(lines, funding_totals, strict=True)
        ),
        totals=totals,
        lead_party=lead,
        checks=tuple(
            Check(
                c.title,
                SEVERITY_WORDS.get(c.severity.value, c.severity.value),
                c.message,
                texts(c.reasons),
            )
            for c in analysis.checks
            if knob.number in c.knobs
        ),
    )


def _party_names(document: ProjectDocument) -> dict[str, str]:
    return {p.id: p.name for p in document.parties} | {UNASSIGNED: "nog geen partij"}


def _mechanisms(model: Model, knob: Knob, *, intended: tuple[str, ...]) -> tuple[Mechanism, ...]:
    return tuple(
        Mechanism(
            route=model.route(m.route).name,
            explanation=m.explanation,
            values=tuple(model.value(v).name for v in model.route(m.route).values),
            intended=m.route in intended,
        )
        for m in knob.mechanisms
    )


def _lessons(model: Model, knob: Knob) -> tuple[Lesson, ...]:
    lessons = []
    for lesson in model.lessons_for_knob(knob.number):
        source = model.document_title(lesson.source.file)
        if lesson.source.section:
            source += f", “{lesson.source.section}”"
        lessons.append(Lesson(lesson.text, source))
    return tuple(lessons)


def _cost_period(cost: CostItem) -> str:
    if cost.kind is CostKind.EENMALIG:
        return f"eenmalig in {cost.first_year}"
    rest = "structureel" if cost.years is None else f"{cost.years} jaar"
    return f"vanaf {cost.first_year}, {rest}"


def _funding_period(line: FundingLine, cost: CostItem) -> str:
    first = line.first_year or cost.first_year
    if cost.kind is CostKind.EENMALIG:
        return f"in {first}"
    rest = "zolang de kostenpost loopt" if line.years is None else f"{line.years} jaar"
    return f"vanaf {first}, {rest}"


def _line_total(line: FundingLine, cost: CostItem, horizon: range) -> Decimal:
    """What ``line`` pays within the horizon, counted in the years the engine counts."""
    years = [y for y in funding_years(line, cost, horizon) if y in horizon]
    return line.amount * len(years)


def _cost_row(cost: CostItem, figures: CostItemMoney, names: dict[str, str]) -> CostRow:
    return CostRow(
        description=cost.description,
        amount=money(cost.amount),
        per_year=cost.kind is CostKind.JAARLIJKS,
        period=_cost_period(cost),
        party=names.get(figures.party, figures.party),
        total=money(figures.costs),
        covered=money(figures.covered),
        uncovered=money(figures.uncovered),
        has_gap=figures.uncovered > 0,
    )


def _funding_row(
    model: Model, line: FundingLine, cost: CostItem, names: dict[str, str], total: Decimal
) -> FundingRow:
    source = model.source_by_numeral(line.source)
    label = f"{source.numeral} – {source.name}" + (" (tijdelijk)" if source.temporary else "")
    return FundingRow(
        cost_item=cost.description,
        party=names.get(line.party, line.party),
        source=label,
        amount=money(line.amount),
        per_year=cost.kind is CostKind.JAARLIJKS,
        period=_funding_period(line, cost),
        status=FUNDING_STATUS_WORDS[line.status],
        total=money(total),
    )
