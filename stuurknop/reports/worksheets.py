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

from typing import Any

from stuurknop.charts.model_map import OPENING_WORDS
from stuurknop.engine import analyse
from stuurknop.engine.routes import MAX_OPENING
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import (
    ProjectDocument,
    Scenario,
)
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.printing import money
from stuurknop.reports.typesetting import column_widths, typeset
from stuurknop.reports.worksheet_pages import (
    FUNDING_STATUS_WORDS,
    KnobPage,
    blank_page,
    knob_page,
)


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
        ("Tekort (geld dat niet komt)", money(totals.total_shortfall)),
        ("Geld komt later dan de kosten", money(totals.total_timing_gap)),
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
    today = dutch_date(options.today)
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


def _opening_note(model: Model) -> str:
    """What the stand and "bewust uit" mean, in the model's words."""
    opening = model.scale("opening")
    stands = ", ".join(f"{key} {opening.word(key)}" for key in range(1, MAX_OPENING + 1))
    off = model.word("knob_status", "uit")
    return (
        f"Stand: {stands} opengedraaid. “{off.capitalize()}”: besproken en besloten om deze "
        "knop niet te gebruiken."
    )
