"""The ten worksheets of the model on A4: filled in with a scenario, or blank for use on paper.

Each knob starts on a new page and shows what the web app's knob page shows: the model's
questions, illustrations, typical investment, lessons and mechanisms (routes and the values they
lead to); then the project's choice (status, stand, elaboration, lead party, intended routes,
the three conversation answers) and the knob's cost items and funding lines with the engine's
figures over the horizon. The blank set keeps the model's text and gives tick boxes and ruled
space for the project's part, so a table can fill it in with a pen.

The pages are built here as plain data (:func:`worksheets_data`) and typeset by Typst from
``templates/worksheets.typ`` (:mod:`stuurknop.reports.typesetting`): PDF/UA-1, and every text
of the project arrives as data, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from stuurknop.charts.model_map import OPENING_WORDS, STATUS_WORDS, knob_state
from stuurknop.engine import Analysis, analyse
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
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.printing import money
from stuurknop.reports.typesetting import column_widths, typeset

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


def render_worksheets(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The ten worksheets filled in with ``scenario`` (blank when ``options.blank``)."""
    if options.blank:
        return render_blank_worksheets(model, document, scenario, options)
    analysis = analyse(model, document, scenario)
    pages = [knob_page(model, document, scenario, analysis, knob) for knob in model.knobs]
    totals = analysis.money
    figures = (
        ("Kosten", money(totals.total_costs)),
        ("Financiering", money(totals.total_funding)),
        ("Waarvan toegezegd", money(totals.committed)),
        ("Nog niet gedekt (tekort)", money(totals.total_uncovered)),
    )
    data = worksheets_data(model, document, scenario, options, pages, figures=figures)
    content = typeset("worksheets.typ", data, today=options.today)
    stem = file_stem("stuurknop-werkbladen", document.project.name, scenario.name)
    return Rendered(f"{stem}.pdf", "application/pdf", content)


def render_blank_worksheets(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The ten worksheets with the model's text only and room to write: no project answers."""
    pages = [blank_page(model, knob) for knob in model.knobs]
    data = worksheets_data(model, document, scenario, options, pages, figures=None)
    content = typeset("worksheets.typ", data, today=options.today)
    stem = file_stem("stuurknop-werkbladen-leeg", document.project.name)
    return Rendered(f"{stem}.pdf", "application/pdf", content)


def worksheets_data(
    model: Model,
    document: ProjectDocument,
    scenario: Scenario,
    options: Options,
    pages: list[KnobPage],
    *,
    figures: tuple[tuple[str, str], ...] | None,
) -> dict[str, Any]:
    """Everything ``worksheets.typ`` prints; ``figures`` (the money over the whole period)
    is ``None`` for the blank set, which holds nothing of the project but its name."""
    blank = figures is None
    project = document.project
    years = f"{project.first_year}–{project.years[-1]}"
    place = project.municipality + (f", {project.neighbourhood}" if project.neighbourhood else "")
    today = options.today.strftime("%d-%m-%Y")
    return {
        "blank": blank,
        "title": f"Werkbladen stuurknoppen – {project.name}",
        "description": f"{model.title}, modelversie {model.version}",
        "kicker": f"{model.title} · modelversie {model.version}",
        "project": project.name,
        "place": f"{place} · {project.homes} woningen · {years}",
        "footer": f"Leeg werkblad · {model.title}"
        if blank
        else f"Scenario: {scenario.name} · stand van {today}",
        "scenario": "" if blank else scenario.name,
        "chosen": scenario.chosen and not blank,
        "today": today,
        "scenario_text": "" if blank else scenario.description,
        "years": years,
        "knobs": len(model.knobs),
        "statuses": [word for _key, word in model.vocabulary("knob_status").choices()],
        "opening_note": _opening_note(model),
        "openings": [[str(n), OPENING_WORDS[n]] for n in range(1, MAX_OPENING + 1)],
        "funding_statuses": " / ".join(FUNDING_STATUS_WORDS.values()),
        "figures": [[label, _tight(amount)] for label, amount in figures or ()],
        "pages": [_page_data(page, blank=blank) for page in pages],
        "sources": _table(
            ("Bron", "Wat", "Wie kan betalen", "Let op"),
            [
                (
                    source.numeral,
                    source.name + (" (tijdelijk)" if source.temporary else ""),
                    ", ".join(model.party_type(t).name for t in source.party_types),
                    source.caveat or "—",
                )
                for source in model.sources
            ],
        ),
    }


def _page_data(page: KnobPage, *, blank: bool) -> dict[str, Any]:
    knob = page.knob
    mark = "In dit scenario" if not blank else "Beoogd?"
    return {
        "number": knob.number,
        "name": knob.name,
        "domain": knob.domain,
        "running": f"Stuurknop {knob.number}: {knob.name}",
        "state": page.state,
        "summary": knob.summary,
        "questions": list(knob.questions),
        "illustrations": list(knob.illustrations),
        "investment": knob.investment,
        "mechanisms": _table(
            ("Route", "Hoe deze knop via de route werkt", "Leidt tot de waarden", mark),
            [
                (
                    m.route,
                    m.explanation,
                    ", ".join(m.values),
                    "" if blank else ("✓ beoogd" if m.intended else "niet beoogd"),
                )
                for m in page.mechanisms
            ],
        )
        | {"intended": [m.intended for m in page.mechanisms]},
        "lessons": [[lesson.text, f"Bron: {lesson.source}"] for lesson in page.lessons],
        "choice": [list(pair) for pair in page.choice],
        "answers": [list(pair) for pair in page.answers],
        "lead": page.lead_party,
        "totals": [_tight(total) for total in page.totals],
        "costs": _table(
            (
                "Kostenpost",
                "Bedrag",
                "Periode",
                "Wie maakt de kosten",
                "Totaal",
                "Gedekt",
                "Niet gedekt",
            ),
            [
                (
                    c.description,
                    _amount(c.amount, per_year=c.per_year),
                    c.period,
                    c.party,
                    c.total,
                    c.covered,
                    c.uncovered,
                )
                for c in page.costs
            ],
            right=(4, 5, 6),
        ),
        "funding": _table(
            ("Voor kostenpost", "Wie betaalt", "Bron", "Bedrag", "Periode", "Status", "Totaal"),
            [
                (
                    f.cost_item,
                    f.party,
                    f.source,
                    _amount(f.amount, per_year=f.per_year),
                    f.period,
                    f.status,
                    f.total,
                )
                for f in page.funding
            ],
            right=(6,),
        ),
        "checks": [
            {
                "title": c.title,
                "severity": c.severity,
                "message": c.message,
                "findings": list(c.findings),
            }
            for c in page.checks
        ],
    }


# Characters of table text (8.3 pt DejaVu Sans) on the 180 mm of an A4 line.
TABLE_LINE = 102


def _table(
    columns: tuple[str, ...], rows: list[tuple[str, ...]], *, right: tuple[int, ...] = ()
) -> dict[str, Any]:
    cells = [[_tight(cell) for cell in row] for row in rows]
    return {
        "columns": list(columns),
        "rows": cells,
        "align": ["right" if i in right else "left" for i in range(len(columns))],
        "widths": column_widths(columns, cells, TABLE_LINE),
    }


def _tight(cell: str) -> str:
    """An amount on one line: ``€ 1.000`` never breaks after ``€``."""
    return cell.replace("€ ", "€\u00a0")


def _amount(amount: str, *, per_year: bool) -> str:
    return amount + (" per jaar" if per_year else "")


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


def _opening_note(model: Model) -> str:
    """What the stand and "bewust uit" mean, in the model's words."""
    opening = model.scale("opening")
    stands = ", ".join(f"{key} {opening.word(key)}" for key in range(1, MAX_OPENING + 1))
    off = model.word("knob_status", "uit")
    return (
        f"Stand: {stands} opengedraaid. “{off.capitalize()}”: besproken en besloten om deze "
        "knop niet te gebruiken."
    )
