"""The plan's chapter on evidence and monitoring: per aimed value the evidence needed before the
decision (kind, who gathers it, by when, its status and finding) and the indicators with their
status and the rule's sentence, whether the value appears, and every measurement; the rule once
beside them. The same blocks go to the PDF and the Word file."""

from __future__ import annotations

import datetime as dt

from stuurknop.engine import Analysis
from stuurknop.engine.checklist import aimed_values
from stuurknop.engine.indicators import value_monitoring
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Paragraph, PlanTable, Section
from stuurknop.presentation.indicator_reasons import RULE
from stuurknop.presentation.numbers import dutch_date, measured
from stuurknop.presentation.reasons import sentence
from stuurknop.presentation.reviews import indicator_rows
from stuurknop.projectfile.evidence import EvidenceNeed, EvidencePlan
from stuurknop.projectfile.schema import Scenario


def _finding(need: EvidenceNeed) -> str:
    parts = [need.finding] if need.finding else []
    if need.link:
        parts.append(need.link)
    if need.file:
        parts.append(f"bestand: {need.file.name}")
    return "; ".join(parts) or "–"


def _value_blocks(
    model: Model, plan: EvidencePlan, name: str, parties: dict[str, str], as_of: dt.date
) -> list[Block]:
    blocks: list[Block] = [
        PlanTable(
            f"{name}: bewijs vóór het besluit",
            ("Soort bewijs", "Wat", "Status", "Wie, wanneer", "Bevinding"),
            tuple(
                (
                    model.word("evidence_kind", n.kind.value),
                    n.description,
                    model.word("evidence_status", n.status.value),
                    ", ".join(
                        p
                        for p in (
                            parties.get(n.gatherer or "", ""),
                            dutch_date(n.due) if n.due else "",
                        )
                        if p
                    )
                    or "–",
                    _finding(n),
                )
                for n in plan.before_decision
            ),
            empty="Nog geen bewijs vooraf afgesproken.",
        ),
        PlanTable(
            f"{name}: indicatoren tijdens de uitvoering",
            ("Indicator", "Nulmeting", "Streefwaarde", "Laatste meting", "Status"),
            indicator_rows(model, plan.indicators, as_of),
            empty="Nog geen indicatoren afgesproken.",
        ),
    ]
    if plan.indicators:
        blocks.append(
            Paragraph(f"Ontstaat de waarde? {sentence(value_monitoring(plan, as_of).reason)}")
        )
    measurements = tuple(
        (i.name, dutch_date(m.date), measured(m.value), m.note)
        for i in plan.indicators
        for m in sorted(i.measurements, key=lambda m: m.date)
    )
    if measurements:
        blocks.append(
            PlanTable(
                f"{name}: alle metingen",
                ("Indicator", "Datum", "Waarde", "Opmerking"),
                measurements,
                ("left", "left", "right", "left"),
            )
        )
    return blocks


def evidence_sections(
    model: Model,
    scenario: Scenario,
    analysis: Analysis,
    parties: dict[str, str] | None = None,
    as_of: dt.date | None = None,
) -> list[Section]:
    """The chapter: an introduction with the rule, then a section per aimed value."""
    as_of = as_of or dt.date.today()
    plans = {p.value: p for p in scenario.evidence}
    order = [v.id for v in model.values if v.id in plans or v.id in aimed_values(scenario)]
    intro: list[Block] = [
        Paragraph(
            "Per beoogde waarde: welk bewijs nodig is vóór het besluit, en welke indicatoren "
            "het project tijdens de uitvoering volgt."
        )
    ]
    if not order:
        intro.append(Paragraph("Er zijn nog geen beoogde waarden of bewijsplannen.", "note"))
    elif any(p.indicators for p in plans.values()):
        intro.append(Paragraph(RULE, "note"))
    sections = [Section("bewijs", "Bewijs en monitoring", 1, tuple(intro), page_break=True)]
    for value_id in order:
        plan = plans.get(value_id)
        name = model.value(value_id).name
        if plan is None:
            blocks: list[Block] = [
                Paragraph("Nog geen bewijs en geen monitoring afgesproken.", "warning")
            ]
        else:
            blocks = _value_blocks(model, plan, name, parties or {}, as_of)
        sections.append(Section(f"bewijs-{value_id}", name, 2, tuple(blocks)))
    return sections
