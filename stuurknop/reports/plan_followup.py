"""The plan's closing chapters: the checklist and the model's checks, and the appendices on the
sources of funding I–X and the change log (evidence and monitoring per aimed value are
:mod:`~stuurknop.reports.plan_evidence`, the decisions :mod:`~stuurknop.reports.plan_decisions`)."""

from __future__ import annotations

from decimal import Decimal

from stuurknop.engine import Analysis
from stuurknop.engine.money import ZERO
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Bullets, Paragraph, PlanTable, Section
from stuurknop.presentation.changes import Names, entry_sentences
from stuurknop.presentation.numbers import dutch_datetime, euro
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.presentation.reasons import texts
from stuurknop.projectfile.schema import ProjectDocument
from stuurknop.reports.plan_words import SEVERITY_WORDS


def checklist_sections(model: Model, analysis: Analysis) -> list[Section]:
    checklist = analysis.checklist
    done, total = checklist.done, len(checklist.items)
    table = PlanTable(
        "Wat nog open staat",
        ("Punt", "Wat nog open staat"),
        tuple((reason_text(i.label), reason_text(i.open_point)) for i in checklist.open_points),
        empty="Niets: alle punten van de checklist zijn gereed.",
    )
    status = Paragraph(
        f"De checklist is voor {checklist.percentage}% gereed: {done} van de {total} punten."
    )
    checks: list[Block] = []
    for check in analysis.checks:
        checks.append(Paragraph(f"{check.title} ({SEVERITY_WORDS[check.severity]})", "lead"))
        checks.append(Paragraph(check.message))
        if check.reasons:
            checks.append(Bullets(texts(check.reasons)))
        section = f", {check.source.section}" if check.source.section else ""
        checks.append(
            Paragraph(f"Bron: {model.document_title(check.source.file)}{section}.", "note")
        )
    if not checks:
        checks.append(Paragraph("Geen van de controles uit het model slaat aan."))
    return [
        Section(
            "checklist",
            "Checklist en controles",
            1,
            (
                Paragraph(
                    "De checklist zegt wat nog open staat: stuurknoppen die niet besproken zijn, "
                    "kosten zonder dekking, waarden zonder route, bewijs of monitoring."
                ),
                status,
                table,
            ),
            page_break=True,
        ),
        Section("controles", "Controles uit het model", 2, tuple(checks)),
    ]


# The log grows with every save; the plan prints its most recent lines, each text shortened,
# so that a long-lived project (or one long text) cannot make the plan hundreds of pages long.
# The changes are said in sentences (stuurknop.presentation.changes), which quote at most a
# short part of a long text themselves.
LOG_ROWS = 100
LOG_TEXT_CHARACTERS = 300


def log_section(document: ProjectDocument) -> Section:
    """The appendix with the change log: per line when, who, what happened with its changes in
    words, and the scenario; never the stored data itself."""
    entries = sorted(document.log, key=lambda e: e.at)
    shown = entries[-LOG_ROWS:]
    model, names = load_model(document.model_version), Names.of(document)
    rows = tuple(
        (
            dutch_datetime(e.at),
            e.who,
            "\n".join([_shortened(e.what), *entry_sentences(e, model, names)]).strip(),
            e.scenario or "–",
        )
        for e in shown
    )
    blocks: list[Block] = []
    if len(shown) < len(entries):
        blocks.append(
            Paragraph(
                f"Hier staan de {len(shown)} laatste van {len(entries)} regels. De hele "
                "geschiedenis staat in Stuurknop (tab Geschiedenis) en in het projectbestand.",
                "note",
            )
        )
    blocks.append(
        PlanTable(
            "Wijzigingen, oudste eerst",
            ("Wanneer", "Wie", "Wat", "Scenario"),
            rows,
            empty="Er zijn nog geen wijzigingen vastgelegd.",
        )
    )
    return Section("logboek", "Bijlage: logboek van wijzigingen", 1, tuple(blocks), page_break=True)


def _shortened(text: str) -> str:
    if len(text) <= LOG_TEXT_CHARACTERS:
        return text
    return text[:LOG_TEXT_CHARACTERS].rstrip() + " … (ingekort)"


def sources_section(model: Model, analysis: Analysis) -> Section:
    used: dict[str, Decimal] = {}
    for row in analysis.money.years:
        for numeral, amount in row.by_source.items():
            used[numeral] = used.get(numeral, ZERO) + amount
    rows = tuple(
        (
            s.numeral,
            s.name + (f" ({s.example})" if s.example else ""),
            ", ".join(model.party_type(t).name for t in s.party_types),
            s.caveat or "–",
            euro(used[s.numeral]) if s.numeral in used else "–",
        )
        for s in model.sources
    )
    return Section(
        "bronnen",
        "Bijlage: de bronnen van financiering I–X",
        1,
        (
            Paragraph(
                f"Het model ({model.title}, versie {model.version}) noemt tien bronnen waaruit "
                "een investering betaald kan worden, met de partijen die eruit kunnen betalen "
                "en de kanttekening die het model erbij zet. De laatste kolom zegt hoeveel "
                "dit scenario over de hele looptijd uit elke bron haalt."
            ),
            PlanTable(
                "Bronnen van financiering",
                ("Bron", "Wat", "Wie kan betalen", "Kanttekening", "In dit scenario"),
                rows,
                ("left", "left", "left", "left", "right"),
            ),
            Paragraph(f"Over het model: {model.status}", "note"),
        ),
        page_break=True,
    )
