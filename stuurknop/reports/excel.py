"""The money tables of a scenario as an Excel workbook that a controller can check.

Cost items and funding lines are listed with the engine's amount for every year of the
horizon. Everything summed from them is a formula, so the workbook shows how each total is
made and recalculates when a figure is changed:

- *Dekking*: per cost item and year, ``covered = MIN(cost, funding for that item)`` and
  ``gap = cost − covered``, the engine's rule (:mod:`stuurknop.engine.money`);
- *Per partij per jaar*: per party and year the costs of its items, what covers them, its gap
  and what it pays itself (SUMIFS over the lists), with SUM totals per row and column;
- a check block that sets each grand total beside the engine's figure.

Only SUM, SUMIFS and MIN are used: every spreadsheet program evaluates them, and so does
pycel in the tests.

Every text from the project (a name, a description, an id) is written by :func:`text_cell`, as
a text cell: a name like ``=HYPERLINK(…)`` or ``-1`` stays the text it is, never a formula or a
number, and characters a workbook cannot hold are left out. Only the product's own formulas are
written as formulas.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from stuurknop.engine import analyse
from stuurknop.engine.effects import effects_of
from stuurknop.engine.money import UNASSIGNED, MoneyOverTime, cost_party, cost_years, funding_years
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.commitments import line_status
from stuurknop.presentation.effects import estimates_table
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import CostKind, FundingStatus, ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.excel_cells import (
    BOLD,
    EURO,
    TOTAL_FILL,
    Span,
    header,
    list_range,
    list_totals,
    money_format,
    row_sum,
    totals_check,
    write_row,
    year_columns,
)

# Re-exported: tests/reports/test_unsafe_text.py imports it from here.
from stuurknop.reports.excel_cells import text_cell as text_cell
from stuurknop.reports.excel_effects import effects_sheet
from stuurknop.reports.registry import XLSX

NO_PARTY = "(geen)"  # the key of costs no party carries yet; ids cannot hold brackets
# The model's words (scales.yaml), from the default version; every version has the same keys.
_VOCABULARY = load_model()
KIND_WORDS = {kind: _VOCABULARY.word("cost_kind", kind.value) for kind in CostKind}
STATUS_WORDS = {s.value: _VOCABULARY.word("funding_status", s.value) for s in FundingStatus}

COSTS, FUNDING, COVER, PARTIES, NOTES = (
    "Kostenposten",
    "Financiering",
    "Dekking",
    "Per partij per jaar",
    "Toelichting",
)


def render_money_xlsx(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """Cost items, funding lines, coverage and per party per year, with formulas for totals."""
    money = analyse(model, document, scenario).money
    years = list(document.project.years)
    wb = Workbook()
    notes = wb.active
    notes.title = NOTES
    costs = _cost_sheet(wb.create_sheet(COSTS), document, scenario, years)
    funding = _funding_sheet(wb.create_sheet(FUNDING), model, document, scenario, years)
    cover = _cover_sheet(wb.create_sheet(COVER), scenario, years, costs, funding)
    totals = _party_sheet(wb.create_sheet(PARTIES), money, years, costs, cover, funding)
    _notes_sheet(notes, model, document, scenario, options)
    if scenario.effects:  # present values with formulas, from the rate's cell
        result = effects_of(model, document, scenario, money=money)
        risk_free = {e.id for e in scenario.effects if e.risk_free}
        effects_sheet(wb, result, risk_free, estimates_table(model, document, scenario))
    for name, ref in {
        "Kostenposten_lijst": list_range(costs, len(years) + 10),
        "Financiering_lijst": list_range(funding, len(years) + 12),
        **totals,
    }.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    buffer = io.BytesIO()
    wb.save(buffer)
    stem = file_stem("stuurknop-geld", document.project.name, scenario.name)
    return Rendered(f"{stem}.xlsx", XLSX, buffer.getvalue())


def _party_key(party: str) -> str:
    return party if party != UNASSIGNED else NO_PARTY


def _cost_sheet(
    ws: Worksheet, document: ProjectDocument, scenario: Scenario, years: list[int]
) -> Span:
    labels = [
        "Kostenpost",
        "Omschrijving",
        "Stuurknop",
        "Partij-id",
        "Wie maakt de kosten",
        "Soort",
        "Bedrag",
        "Eerste jaar",
        "Aantal jaren",
    ]
    header(
        ws,
        [*labels, *year_columns(years), "Totaal"],
        [14, 36, 10, 12, 26, 10, 14, 10, 10, *[13] * len(years), 15],
    )
    names = _names(document)
    horizon = document.project.years
    for row, cost in enumerate(scenario.costs, start=2):
        party = cost_party(cost, scenario)
        need = set(cost_years(cost, horizon))
        write_row(
            ws,
            row,
            [
                cost.id,
                cost.description,
                cost.knob,
                _party_key(party),
                names.get(party, party),
                KIND_WORDS[cost.kind],
                cost.amount,
                cost.first_year,
                cost.years if cost.kind is CostKind.JAARLIJKS else 1,
                *[cost.amount if y in need else Decimal(0) for y in years],
            ],
        )
        if cost.kind is CostKind.JAARLIJKS and cost.years is None:
            ws.cell(row=row, column=9, value="structureel")
    span = Span(COSTS, 2, max(2, len(scenario.costs) + 1), len(labels) + 1)
    money_format(ws, span, [7], len(years))
    list_totals(ws, span, len(years))
    return span


def _funding_sheet(
    ws: Worksheet, model: Model, document: ProjectDocument, scenario: Scenario, years: list[int]
) -> Span:
    labels = [
        "Regel",
        "Kostenpost",
        "Omschrijving kostenpost",
        "Partij-id",
        "Wie betaalt",
        "Bron",
        "Bron (naam)",
        "Status",
        "Bedrag",
        "Eerste jaar",
        "Aantal jaren",
    ]
    header(
        ws,
        [*labels, *year_columns(years), "Totaal"],
        [12, 14, 30, 12, 26, 7, 34, 12, 14, 10, 12, *[13] * len(years), 15],
    )
    names = _names(document)
    costs = {c.id: c for c in scenario.costs}
    horizon = document.project.years
    for row, line in enumerate(scenario.funding, start=2):
        cost = costs[line.cost_item]
        pays = set(funding_years(line, cost, horizon))
        start = line.first_year if line.first_year is not None else cost.first_year
        count: int | str = line.years or "zolang de kostenpost loopt"
        if cost.kind is CostKind.EENMALIG:
            count = 1
        write_row(
            ws,
            row,
            [
                line.id,
                cost.id,
                cost.description,
                line.party,
                names.get(line.party, line.party),
                line.source,
                model.source_by_numeral(line.source).name,
                line_status(model, line),
                line.amount,
                start,
                count,
                *[line.amount if y in pays else Decimal(0) for y in years],
            ],
        )
    span = Span(FUNDING, 2, max(2, len(scenario.funding) + 1), len(labels) + 1)
    money_format(ws, span, [9], len(years))
    list_totals(ws, span, len(years))
    return span


def _cover_sheet(
    ws: Worksheet, scenario: Scenario, years: list[int], costs: Span, funding: Span
) -> Span:
    """Per cost item and year: covered = MIN(cost, its funding); gap = cost − covered."""
    n = len(years)
    header(
        ws,
        [
            "Kostenpost",
            "Omschrijving",
            "Partij-id",
            *year_columns(years, "Gedekt "),
            "Gedekt totaal",
            *year_columns(years, "Tekort "),
            "Tekort totaal",
        ],
        [14, 36, 12, *[13] * n, 15, *[13] * n, 15],
    )
    span = Span(COVER, 2, max(2, len(scenario.costs) + 1), 4)
    gap_col = span.year_col + n + 1
    for row, cost in enumerate(scenario.costs, start=2):
        write_row(ws, row, [cost.id, cost.description, _party_key(cost_party(cost, scenario))])
        for i in range(n):
            need = f"SUMIFS({costs.year(i)},{costs.column(1)},$A{row})"
            paid = f"SUMIFS({funding.year(i)},{funding.column(2)},$A{row})"
            covered = ws.cell(row=row, column=span.year_col + i, value=f"=MIN({need},{paid})")
            letter = get_column_letter(span.year_col + i)
            ws.cell(row=row, column=gap_col + i, value=f"={need}-{letter}{row}")
            covered.number_format = EURO
    money_format(ws, Span(COVER, span.first, span.last, gap_col), [], n)
    money_format(ws, span, [], n)
    list_totals(ws, span, n)
    list_totals(ws, Span(COVER, span.first, span.last, gap_col), n)
    ws.auto_filter.ref = f"A1:{get_column_letter(gap_col + n)}{span.last}"
    return span


def _party_sheet(
    ws: Worksheet,
    money: MoneyOverTime,
    years: list[int],
    costs: Span,
    cover: Span,
    funding: Span,
) -> dict[str, str]:
    """Four blocks of party × year, and a check of the grand totals against the engine."""
    n = len(years)
    header(ws, ["Partij-id", "Partij", *year_columns(years), "Totaal"], [12, 30, *[13] * n, 15])
    height = len(money.parties) + 3  # title, one row per party, total, blank
    # Block k starts at row 2 + k × height; a party's row in block k is at the same offset.
    kosten, gedekt = 3, 3 + height

    def costs_of(i: int, r: int) -> str:
        return f"=SUMIFS({costs.year(i)},{costs.column(4)},$A{r})"

    def covered(i: int, r: int) -> str:
        return f"=SUMIFS({cover.year(i)},{cover.column(3)},$A{r})"

    def gap(i: int, r: int) -> str:
        col = get_column_letter(3 + i)
        offset = r - (3 + 2 * height)
        return f"={col}{kosten + offset}-{col}{gedekt + offset}"

    def paid(i: int, r: int) -> str:
        return f"=SUMIFS({funding.year(i)},{funding.column(4)},$A{r})"

    blocks = [
        ("Kosten: wat de kostenposten van de partij nodig hebben", costs_of),
        ("Gedekt: financiering voor de kosten van de partij, van wie dan ook", covered),
        ("Tekort: kosten min gedekt", gap),
        ("Betaalt: wat de partij zelf financiert, voor welke kostenpost ook", paid),
    ]
    corners: list[str] = []
    for k, (title, formula) in enumerate(blocks):
        top = 2 + k * height
        ws.cell(row=top, column=1, value=title).font = BOLD
        for j, party in enumerate(money.parties):
            row = top + 1 + j
            write_row(ws, row, [_party_key(party.party), party.name])
            for i in range(n):
                ws.cell(row=row, column=3 + i, value=formula(i, row)).number_format = EURO
            row_sum(ws, row, 3, n)
        total = top + 1 + len(money.parties)
        ws.cell(row=total, column=2, value="Totaal").font = BOLD
        for col in range(3, 4 + n):
            letter = get_column_letter(col)
            last = max(top + 1, total - 1)
            cell = ws.cell(row=total, column=col, value=f"=SUM({letter}{top + 1}:{letter}{last})")
            cell.number_format, cell.font, cell.fill = EURO, BOLD, TOTAL_FILL
        corners.append(f"{get_column_letter(3 + n)}{total}")
    return totals_check(ws, 2 + len(blocks) * height, money, corners, sheet=PARTIES)


def _names(document: ProjectDocument) -> dict[str, str]:
    return {p.id: p.name for p in document.parties} | {UNASSIGNED: "Nog geen partij"}


def _notes_sheet(
    ws: Worksheet, model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> None:
    project = document.project
    last_year = project.first_year + project.horizon_years - 1
    lines: list[tuple[str, str]] = [
        ("Geldtabellen", ""),
        ("Project", f"{project.name}, {project.municipality}"),
        ("Scenario", scenario.name),
        ("Periode", f"{project.first_year} tot en met {last_year}"),
        ("Gemaakt op", dutch_date(options.today)),
        ("Model", f"{model.title} ({model.version})"),
        ("", ""),
        ("Tabblad", "Wat staat erin"),
        (
            COSTS,
            "Elke kostenpost met het bedrag dat hij in elk jaar nodig heeft, zoals "
            "Stuurknop het rekent. Eenmalige kosten tellen in hun eerste jaar; kosten per "
            "jaar zolang ze lopen (structureel: tot het einde van de periode).",
        ),
        (
            FUNDING,
            "Elke financieringsregel: wie betaalt, uit welke bron (I–X), met welke "
            "status, en het bedrag in elk jaar dat de regel betaalt.",
        ),
        (
            COVER,
            "Formules per kostenpost en jaar: gedekt = het kleinste van de kosten en de "
            "financiering voor die kostenpost; tekort = kosten min gedekt. Financiering "
            "boven de kosten (overschot) dekt geen andere kostenpost.",
        ),
        (
            PARTIES,
            "Formules per partij en jaar: kosten (van de kostenposten die de partij "
            "maakt), gedekt, tekort en wat de partij zelf betaalt, met totalen. "
            "Onderaan staan de totalen naast de cijfers van Stuurknop: het verschil "
            "hoort 0 te zijn.",
        ),
        ("", ""),
        (
            "Let op",
            "Alleen de bedragen per jaar in Kostenposten en Financiering zijn vaste "
            "getallen; alle totalen zijn formules (SOM, SOMMEN.ALS en MIN). Past u een "
            "bedrag aan, dan rekenen de totalen mee. ‘(geen)’ als partij: kosten "
            "waarvoor nog geen partij of trekker is gekozen.",
        ),
    ]
    for row, (label, text) in enumerate(lines, start=1):
        write_row(ws, row, [label, text])
    ws["A1"].font = Font(bold=True, size=14)
    for row in (8,):
        ws.cell(row=row, column=1).font = BOLD
        ws.cell(row=row, column=2).font = BOLD
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=1).font = BOLD
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
