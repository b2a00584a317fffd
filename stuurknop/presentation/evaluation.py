"""The evaluation's words: the conditions that made a project work, the lessons, the scale-up
verdict, and what the indicators said by a decision's review date, as blocks every face
renders (the scale-up page, the evaluation report in PDF and Word, the command line)."""

from __future__ import annotations

from collections.abc import Sequence

from stuurknop.engine.evaluation import Conditions
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Bullets, Facts, Paragraph, PlanTable, paragraphs
from stuurknop.presentation.numbers import dutch_date, euro
from stuurknop.projectfile.schema import Lesson, ProjectDocument, ScaleUp, Scenario


def _party_names(document: ProjectDocument) -> dict[str, str]:
    return {p.id: p.name for p in document.parties}


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def conditions_blocks(
    model: Model, document: ProjectDocument, scenario: Scenario, found: Conditions
) -> tuple[Block, ...]:
    """What made it work, as the project file says it: knobs on, money that lasted, temporary
    money that stopped (and who took over), the parties at the table."""
    names = _party_names(document)
    costs = {c.id: c.description for c in scenario.costs}
    sources: dict[str, str] = {s.numeral: s.name for s in model.sources}
    knobs = PlanTable(
        "Stuurknoppen die aan staan",
        ("Stuurknop", "Stand", "Trekker", "Routes"),
        tuple(
            (
                f"{k.knob}. {model.knob(k.knob).name}",
                model.word("opening", k.opening) if k.opening is not None else "–",
                names.get(k.lead_party, "–") if k.lead_party else "–",
                ", ".join(model.route(r).name for r in k.routes) or "–",
            )
            for k in found.knobs_on
        ),
        empty="Geen stuurknop staat aan.",
    )
    lasting = PlanTable(
        "Geld dat bleef",
        ("Kostenpost", "Wie betaalt", "Bron", "Per jaar", "Jaren"),
        tuple(
            (
                costs.get(s.cost_item, s.cost_item),
                names.get(s.party, s.party),
                f"{s.source}. {sources.get(s.source, '')}".strip(),
                euro(s.amount),
                _years(s.first_year, s.last_year),
            )
            for s in found.lasting
        ),
        align=("left", "left", "left", "right", "left"),
        empty="Geen geld dat blijft: alle financiering per jaar stopt voor de kosten stoppen.",
    )
    stopped = PlanTable(
        "Tijdelijk geld dat stopt of stopte",
        ("Kostenpost", "Wie betaalde", "Bron", "Laatste jaar", "Daarna"),
        tuple(
            (
                costs.get(m.span.cost_item, m.span.cost_item),
                names.get(m.span.party, m.span.party),
                f"{m.span.source}. {sources.get(m.span.source, '')}".strip(),
                str(m.span.last_year),
                _after(m.taken_over, [names.get(p, p) for p in m.taken_over_by]),
            )
            for m in found.stopped
        ),
        empty="Geen tijdelijk geld dat stopt binnen de looptijd.",
    )
    table = Bullets(tuple(names.get(p, p) for p in found.parties_at_table))
    return (
        knobs,
        lasting,
        stopped,
        Paragraph("Partijen aan tafel", "lead"),
        table if found.parties_at_table else Paragraph("Nog geen partijen aan tafel."),
    )


def _after(taken_over: bool, by: Sequence[str]) -> str:
    if taken_over:
        return f"overgenomen door {', '.join(by)}" if by else "overgenomen door ander geld"
    if by:
        return f"deels overgenomen door {', '.join(by)}; er blijft een tekort"
    return "niet overgenomen: er ontstaat een tekort"


def verdict_blocks(
    model: Model, document: ProjectDocument, scale_up: ScaleUp | None
) -> tuple[Block, ...]:
    """The partners' verdict with its reasons, date and parties; what must hold elsewhere."""
    if scale_up is None or scale_up.verdict is None:
        blocks: list[Block] = [Paragraph("De partners hebben nog geen oordeel gegeven.", "note")]
    else:
        names = _party_names(document)
        facts = [("Oordeel", model.word("scale_up_verdict", scale_up.verdict.value))]
        if scale_up.date is not None:
            facts.append(("Datum", dutch_date(scale_up.date)))
        if scale_up.decided_by:
            facts.append(("Besloten door", ", ".join(names.get(p, p) for p in scale_up.decided_by)))
        blocks = [Facts(tuple(facts))]
        if scale_up.reasons:
            blocks += [Paragraph("Redenen", "lead"), *paragraphs(scale_up.reasons)]
    if scale_up is not None and scale_up.conditions:
        blocks += [
            Paragraph("Wat het verder liet werken", "lead"),
            *paragraphs(scale_up.conditions),
        ]
    if scale_up is not None and scale_up.elsewhere:
        blocks += [Paragraph("Wat elders moet gelden", "lead"), *paragraphs(scale_up.elsewhere)]
    return tuple(blocks)


def lesson_blocks(model: Model, lessons: Sequence[Lesson]) -> tuple[Block, ...]:
    """Each lesson: its subject, what happened, what was learned, its knobs and themes."""
    if not lessons:
        return (Paragraph("Nog geen lessen vastgelegd.", "note"),)
    blocks: list[Block] = []
    for lesson in lessons:
        blocks.append(Paragraph(lesson.title, "lead"))
        facts = []
        if lesson.happened:
            facts.append(("Wat er gebeurde", lesson.happened))
        if lesson.learned:
            facts.append(("Wat we leerden", lesson.learned))
        if lesson.knobs:
            facts.append(
                ("Stuurknoppen", ", ".join(f"{k}. {model.knob(k).name}" for k in lesson.knobs))
            )
        if lesson.themes:
            facts.append(("Thema's", ", ".join(t.value for t in lesson.themes)))
        facts.append(("Gedeeld met andere projecten", "ja" if lesson.shared else "nee"))
        blocks.append(Facts(tuple(facts)))
    return tuple(blocks)
