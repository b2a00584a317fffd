"""The evaluation of a running project as plain data, built once for the PDF, Word and the CLI.

The model's third use: describe a running project clearly, perhaps set it down as a concept to
scale, draw lessons and find out what must improve. :func:`build_evaluation` puts that in
chapters of :mod:`~stuurknop.presentation.blocks`, like the plan: the project as it runs (knobs
as realised, parties, money planned against realised), per value the evidence and what the
indicators show, the lessons, the decisions and their outcomes (with what the indicators said by
each review date), and the scale-up assessment with the partners' verdict. Every figure is the
engine's; this module only chooses and says.
"""

from __future__ import annotations

import datetime as dt

from stuurknop.engine.evaluation import conditions
from stuurknop.engine.reviews import decision_reviews
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.actuals import realised_sections
from stuurknop.presentation.blocks import (
    Block,
    Facts,
    Paragraph,
    Plan,
    PlanTable,
    Section,
    paragraphs,
)
from stuurknop.presentation.evaluation import (
    conditions_blocks,
    lesson_blocks,
    verdict_blocks,
)
from stuurknop.presentation.indicator_reasons import RULE
from stuurknop.presentation.numbers import dutch_date
from stuurknop.presentation.reviews import indicator_rows, review_blocks, rounds_table
from stuurknop.projectfile.schema import KnobStatus, ProjectDocument, Scenario

__all__ = ["build_evaluation"]


def build_evaluation(
    model: Model, document: ProjectDocument, scenario: Scenario, *, today: dt.date
) -> Plan:
    """The evaluation of ``scenario`` on ``today``: a cover and its chapters."""
    project = document.project
    verdict = "nog geen oordeel"
    if document.scale_up is not None and document.scale_up.verdict is not None:
        verdict = model.word("scale_up_verdict", document.scale_up.verdict.value)
    cover = (
        ("Project", project.name),
        ("Gemeente", project.municipality),
        ("Fase", model.word("phase", project.phase.value)),
        ("Looptijd", f"{project.years[0]}–{project.years[-1]}"),
        ("Scenario", scenario.name),
        ("Oordeel over opschalen", verdict),
        ("Datum", dutch_date(today)),
    )
    sections = [
        *_running(model, document, scenario),
        *_money(model, document, scenario),
        _values(model, document, scenario, today),
        Section("lessen", "Lessen", 1, lesson_blocks(model, document.lessons), page_break=True),
        _decisions(model, document, scenario, today),
        _scale_up(model, document, scenario),
    ]
    return Plan(
        title=f"Evaluatie {project.name}",
        project=project.name,
        scenario=scenario.name,
        date=dutch_date(today),
        model_version=document.model_version,
        cover=cover,
        sections=tuple(sections),
    )


def _running(model: Model, document: ProjectDocument, scenario: Scenario) -> list[Section]:
    """The project as it runs: what it is, its knobs as realised and the parties."""
    names = {p.id: p.name for p in document.parties}
    knobs = PlanTable(
        "De stuurknoppen zoals ze nu staan",
        ("Stuurknop", "Status", "Stand", "Trekker", "Uitwerking"),
        tuple(
            (
                f"{knob.number}. {knob.name}",
                model.word("knob_status", setting.status.value),
                model.word("opening", setting.opening) if setting.opening is not None else "–",
                names.get(setting.lead_party, "–") if setting.lead_party else "–",
                setting.elaboration or "–",
            )
            for knob in model.knobs
            for setting in [scenario.setting(knob.number)]
            if setting.status is not KnobStatus.NIET_BESPROKEN
        ),
        empty="Nog geen stuurknop besproken.",
    )
    parties = PlanTable(
        "Partijen",
        ("Partij", "Soort", "Aan tafel"),
        tuple(
            (p.name, model.party_type(p.party_type).name, "ja" if p.at_table else "nee")
            for p in document.parties
        ),
        empty="Nog geen partijen.",
    )
    about: list[Block] = [*paragraphs(document.project.description)]
    return [
        Section("project", "Het project zoals het loopt", 1, tuple(about), page_break=True),
        Section("stuurknoppen", "Stuurknoppen", 2, (knobs,)),
        Section("partijen", "Partijen", 2, (parties,)),
    ]


def _money(model: Model, document: ProjectDocument, scenario: Scenario) -> list[Section]:
    """Money planned against realised (:mod:`stuurknop.presentation.actuals`)."""
    return list(realised_sections(model, document, scenario))


def _values(model: Model, document: ProjectDocument, scenario: Scenario, today: dt.date) -> Section:
    """Per aimed value: the evidence gathered, and what each indicator shows today; then the
    residents' rounds with their instruments' results."""
    blocks: list[Block] = []
    if not scenario.evidence:
        blocks.append(Paragraph("Nog geen bewijs of indicatoren vastgelegd.", "note"))
    for plan in scenario.evidence:
        value = next((v.name for v in model.values if v.id == plan.value), plan.value)
        blocks.append(Paragraph(value, "lead"))
        blocks.append(
            PlanTable(
                f"Bewijs voor {value}",
                ("Bewijs", "Soort", "Status", "Bevinding"),
                tuple(
                    (
                        need.description,
                        model.word("evidence_kind", need.kind.value),
                        model.word("evidence_status", need.status.value),
                        need.finding or "–",
                    )
                    for need in plan.before_decision
                ),
                empty="Geen bewijs vooraf vastgelegd.",
            )
        )
        blocks.append(
            PlanTable(
                f"Indicatoren voor {value}",
                ("Indicator", "Nulmeting", "Streefwaarde", "Laatste meting", "Status"),
                indicator_rows(model, plan.indicators, today),
                empty="Geen indicatoren vastgelegd.",
            )
        )
    blocks.append(Paragraph(RULE, "note"))
    blocks.append(rounds_table(model, document.resident_input))
    return Section("waarden", "Waarden: bewijs en wat de indicatoren laten zien", 1, tuple(blocks))


def _decisions(
    model: Model, document: ProjectDocument, scenario: Scenario, today: dt.date
) -> Section:
    """Every decision with its outcome: why, by whom, the actions that came from it and their
    status, and, for a decision with a review date, what its indicators said by then."""
    if not document.decisions:
        return Section(
            "besluiten",
            "Besluiten en hun uitkomst",
            1,
            (Paragraph("Nog geen besluiten vastgelegd.", "note"),),
        )
    names = {p.id: p.name for p in document.parties}
    reviews = {r.decision.id: r for r in decision_reviews(document, scenario, today)}
    blocks: list[Block] = []
    for decision in sorted(document.decisions, key=lambda d: (d.date, d.id)):
        blocks.append(Paragraph(decision.title, "lead"))
        facts = [("Datum", dutch_date(decision.date))]
        if decision.decided_by:
            facts.append(("Besloten door", ", ".join(names.get(p, p) for p in decision.decided_by)))
        if decision.why:
            facts.append(("Waarom", decision.why))
        if decision.knobs:
            facts.append(
                ("Stuurknoppen", ", ".join(f"{k}. {model.knob(k).name}" for k in decision.knobs))
            )
        outcome = _outcome(document, decision.meeting, decision.point)
        if outcome:
            facts.append(("Uitkomst in het overleg", outcome))
        if decision.review_date is not None:
            facts.append(("Opnieuw bekijken op", dutch_date(decision.review_date)))
        blocks.append(Facts(tuple(facts)))
        actions = [a for a in document.actions if a.decision == decision.id]
        if actions:
            blocks.append(
                PlanTable(
                    f"Acties bij het besluit ‘{decision.title}’",
                    ("Actie", "Wie", "Klaar op", "Status"),
                    tuple(
                        (
                            a.title,
                            ", ".join(
                                x for x in (names.get(a.owner_party or "", ""), a.owner_person) if x
                            )
                            or "–",
                            dutch_date(a.due) if a.due else "–",
                            model.word("action_status", a.status.value),
                        )
                        for a in actions
                    ),
                )
            )
        review = reviews.get(decision.id)
        if review is not None:
            blocks.extend(review_blocks(model, review))
    return Section("besluiten", "Besluiten en hun uitkomst", 1, tuple(blocks), page_break=True)


def _outcome(document: ProjectDocument, meeting: str | None, point: str | None) -> str:
    """The outcome minuted at the agenda point a decision came from, if any."""
    for held in document.meetings:
        if held.id == meeting:
            return next((p.outcome for p in held.points if p.id == point), "")
    return ""


def _scale_up(model: Model, document: ProjectDocument, scenario: Scenario) -> Section:
    found = conditions(model, document, scenario)
    blocks: tuple[Block, ...] = (
        Paragraph("Wat het liet werken, zoals het project het laat zien", "lead"),
        *conditions_blocks(model, document, scenario, found),
        Paragraph("Het oordeel van de partners", "lead"),
        *verdict_blocks(model, document, document.scale_up),
    )
    return Section("opschalen", "Een concept om op te schalen?", 1, blocks, page_break=True)
