"""An organisation's portfolio in words and tables: the page, the workbook and the PDF render
exactly these (no face spells a word of its own).

The web layer hands over plain figures (:class:`PortfolioFigures`); every table here is a
title, column headers and rows of text, with the raw numbers beside them for the workbook.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import decimal, euro

ON = ("1", "2", "3")
ZERO = Decimal(0)


@dataclass(frozen=True)
class ProjectRow:
    id: int
    name: str
    municipality: str
    phase: str  # the phase's key
    parties: tuple[str, ...]
    knobs: str  # ten characters: . 0 1 2 3
    committed: Decimal  # what the organisation has committed in this project
    open: Decimal  # what it is still asked for (idee, in gesprek)
    departures: int | None = None  # from the organisations' positions, where known


@dataclass(frozen=True)
class PortfolioFigures:
    organisation: str
    total: int  # projects after the filters
    projects: tuple[ProjectRow, ...]  # one page of them
    knob_counts: tuple[tuple[int, ...], ...]  # per knob: not discussed, off, at 1, 2, 3
    money: tuple[tuple[int, str, bool, Decimal], ...]  # year, source, committed, amount
    cliffs: tuple[tuple[int, Decimal, int], ...]  # year, money that stops, projects
    interests: tuple[tuple[str, float, int], ...]  # value id, average weight, projects
    indicators: dict[str, int]  # per indicator state: how many indicators
    appearing: tuple[tuple[str, tuple[str, ...]], ...]  # project name, values that appear
    settings: tuple[tuple[int, str, int], ...]  # knob, opening, projects (recurring)
    constructions: tuple[tuple[int, str, int], ...]  # knob, source, projects (recurring)
    lessons: tuple[tuple[str, str, str], ...]  # project name, title, what was learned
    show_departures: bool = False


@dataclass(frozen=True)
class Table:
    key: str  # a stable id (anchor, sheet name)
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    values: tuple[tuple[object, ...], ...] = ()  # the same cells as numbers, for a workbook
    empty: str = "Geen gegevens."
    notes: tuple[str, ...] = field(default_factory=tuple)


def knob_cell(model: Model, code: str) -> str:
    """One cell of the grid: not discussed, off, or how far the knob is opened."""
    if code in ON:
        return f"{code} {model.scale('opening').word(int(code))}"
    if code == "0":
        return model.word("knob_status", "uit")
    return "–"


def knob_header(model: Model, number: int) -> str:
    return f"{number}. {model.knob(number).name}"


def phase_word(model: Model, phase: str) -> str:
    return model.word("phase", phase).capitalize()


def cliff_sentence(year: int, drop: Decimal, projects: int) -> str:
    """ "In 2028 stopt € 12.000 tijdelijk geld in 4 projecten." """
    where = "1 project" if projects == 1 else f"{projects} projecten"
    return f"In {year} stopt {euro(drop)} tijdelijk geld in {where}."


def projects_table(model: Model, figures: PortfolioFigures) -> Table:
    """The grid: one row per project, its phase, parties, knobs and the organisation's money."""
    headers = ["Project", "Gemeente", "Fase", "Partijen aan tafel"]
    headers += [knob_header(model, n) for n in range(1, 11)]
    headers += ["Toegezegd door ons", "Nog open"]
    if figures.show_departures:
        headers.append("Afwijkingen van de strategie")
    rows, values = [], []
    for p in figures.projects:
        cells = [p.name, p.municipality, phase_word(model, p.phase), ", ".join(p.parties)]
        cells += [knob_cell(model, c) for c in p.knobs]
        cells += [euro(p.committed), euro(p.open)]
        raw: list[object] = [p.name, p.municipality, phase_word(model, p.phase)]
        raw += [", ".join(p.parties)]
        raw += [int(c) if c in ON else (0 if c == "0" else None) for c in p.knobs]
        raw += [p.committed, p.open]
        if figures.show_departures:
            cells.append("–" if p.departures is None else str(p.departures))
            raw.append(p.departures)
        rows.append(tuple(cells))
        values.append(tuple(raw))
    return Table(
        "projecten",
        "Projecten en hun stuurknoppen",
        tuple(headers),
        tuple(rows),
        tuple(values),
        empty="Geen projecten gevonden.",
        notes=("Per stuurknop: – niet besproken, bewust uit, of hoe ver hij open staat (1–3).",),
    )


def grid_counts_table(model: Model, counts: Sequence[Sequence[int]]) -> Table:
    """Per knob, in how many projects it is not discussed, off, or open 1, 2 or 3."""
    headers: tuple[str, ...] = ("Stuurknop", "Niet besproken", knob_cell(model, "0").capitalize())
    headers += tuple(knob_cell(model, c) for c in ON)
    rows = tuple((knob_header(model, n), *(str(c) for c in counts[n - 1])) for n in range(1, 11))
    values = tuple((knob_header(model, n), *counts[n - 1]) for n in range(1, 11))
    return Table("stuurknoppen", "Stuurknoppen over alle projecten", headers, rows, values)


def _committed_open(
    money: Sequence[tuple[int, str, bool, Decimal]], by: int
) -> dict[Any, list[Decimal]]:
    sums: dict[Any, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for row in money:
        sums[row[by]][0 if row[2] else 1] += row[3]
    return sums


def money_by_year_table(figures: PortfolioFigures) -> Table:
    sums = _committed_open(figures.money, 0)
    keys = sorted(sums)
    return Table(
        "geld-per-jaar",
        "Ons geld per jaar, over alle projecten",
        ("Jaar", "Toegezegd", "Nog open", "Samen"),
        tuple((str(y), euro(sums[y][0]), euro(sums[y][1]), euro(sum(sums[y], ZERO))) for y in keys),
        tuple((y, sums[y][0], sums[y][1], sum(sums[y], ZERO)) for y in keys),
        empty="Deze organisatie betaalt nog niets in deze projecten.",
    )


def money_by_source_table(model: Model, figures: PortfolioFigures) -> Table:
    sums = _committed_open(figures.money, 1)
    keys = [s.numeral for s in model.sources if s.numeral in sums]
    names = {s.numeral: f"{s.numeral}. {s.name}" for s in model.sources}
    return Table(
        "geld-per-bron",
        "Ons geld per bron, over de hele looptijd",
        ("Bron", "Toegezegd", "Nog open", "Samen"),
        tuple(
            (names[s], euro(sums[s][0]), euro(sums[s][1]), euro(sum(sums[s], ZERO))) for s in keys
        ),
        tuple((names[s], sums[s][0], sums[s][1], sum(sums[s], ZERO)) for s in keys),
        empty="Deze organisatie betaalt nog uit geen enkele bron.",
    )


def cliffs_table(figures: PortfolioFigures) -> Table:
    return Table(
        "kliffen",
        "Waar tijdelijk geld stopt",
        ("Jaar", "Tijdelijk geld dat stopt", "Projecten", "Wat dat betekent"),
        tuple(
            (str(y), euro(drop), str(n), cliff_sentence(y, drop, n))
            for y, drop, n in figures.cliffs
        ),
        tuple((y, drop, n, cliff_sentence(y, drop, n)) for y, drop, n in figures.cliffs),
        empty="In geen van deze projecten stopt tijdelijk geld terwijl de kosten doorlopen.",
    )


def interests_table(model: Model, figures: PortfolioFigures) -> Table:
    return Table(
        "belangen",
        "Hoeveel elke waarde ons waard is (gemiddeld, 0–3)",
        ("Waarde", "Gemiddeld belang", "Projecten"),
        tuple((model.value(v).name, decimal(avg, 1), str(n)) for v, avg, n in figures.interests),
        tuple((model.value(v).name, round(avg, 2), n) for v, avg, n in figures.interests),
        empty="Onze belangen zijn in deze projecten nog niet ingevuld.",
    )


def indicators_table(model: Model, figures: PortfolioFigures) -> Table:
    states = ("op_koers", "achter", "uit_koers", "geen_gegevens")
    return Table(
        "indicatoren",
        "Hoe de projecten het doen op hun indicatoren",
        ("Stand", "Indicatoren"),
        tuple(
            (model.word("indicator_status", s).capitalize(), str(figures.indicators.get(s, 0)))
            for s in states
        ),
        tuple(
            (model.word("indicator_status", s).capitalize(), figures.indicators.get(s, 0))
            for s in states
        ),
        notes=("Gemeten op de datum van de laatste meting in elk project.",),
    )


def learning_tables(model: Model, figures: PortfolioFigures) -> tuple[Table, ...]:
    """What recurs in the projects whose values appear, and the lessons they shared."""
    names: dict[str, str] = {s.numeral: f"{s.numeral}. {s.name}" for s in model.sources}
    appearing = Table(
        "waarden-zichtbaar",
        "Projecten waar waarden zichtbaar worden",
        ("Project", "Waarden op koers"),
        tuple((p, ", ".join(model.value(v).name for v in vs)) for p, vs in figures.appearing),
        empty="Nog geen project waar een beoogde waarde zichtbaar op koers is.",
        notes=("Een waarde wordt zichtbaar als al haar gemeten indicatoren op koers zijn.",),
    )
    settings = Table(
        "terugkerende-standen",
        "Standen die terugkomen in die projecten",
        ("Stuurknop", "Stand", "Projecten"),
        tuple((knob_header(model, k), knob_cell(model, c), str(n)) for k, c, n in figures.settings),
        empty="Geen stand komt in twee of meer van die projecten terug.",
    )
    constructions = Table(
        "terugkerende-financiering",
        "Financiering die terugkomt in die projecten",
        ("Stuurknop", "Betaald uit", "Projecten"),
        tuple(
            (knob_header(model, k), names.get(s, s), str(n)) for k, s, n in figures.constructions
        ),
        empty="Geen financiering komt in twee of meer van die projecten terug.",
    )
    lessons = Table(
        "lessen",
        "Gedeelde lessen uit die projecten",
        ("Project", "Les", "Wat we leerden"),
        figures.lessons,
        empty="Die projecten hebben nog geen lessen gedeeld.",
    )
    return appearing, settings, constructions, lessons


def portfolio_tables(model: Model, figures: PortfolioFigures) -> tuple[Table, ...]:
    """Every table of the portfolio, in the order the page, workbook and PDF show them."""
    return (
        projects_table(model, figures),
        grid_counts_table(model, figures.knob_counts),
        money_by_year_table(figures),
        money_by_source_table(model, figures),
        cliffs_table(figures),
        interests_table(model, figures),
        indicators_table(model, figures),
        *learning_tables(model, figures),
    )


def summary_sentences(figures: PortfolioFigures) -> tuple[str, ...]:
    """The head of the page: how many projects, and every cliff in one sentence each."""
    count = "1 project" if figures.total == 1 else f"{figures.total} projecten"
    head = f"{figures.organisation} zit aan tafel in {count}."
    return (head, *(cliff_sentence(y, d, n) for y, d, n in figures.cliffs))
