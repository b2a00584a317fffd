"""The plan's chapter on the knobs: per knob that is on, its elaboration, leading party,
intended routes, how the model says it works, and its costs and funding."""

from __future__ import annotations

from decimal import Decimal

from stuurknop.charts.model_map import knob_state
from stuurknop.engine import Analysis
from stuurknop.engine.money import ZERO, cost_years, funding_years
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.money import coverage_notes
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile.schema import CostItem, CostKind, KnobStatus, ProjectDocument, Scenario
from stuurknop.reports.plan_blocks import (
    Align,
    Block,
    Bullets,
    Facts,
    Paragraph,
    PlanTable,
    Section,
    paragraphs,
)
from stuurknop.reports.plan_words import STATUS_WORDS, years_text


def _party_names(document: ProjectDocument) -> dict[str, str]:
    return {p.id: p.name for p in document.parties}


def knob_sections(
    model: Model, document: ProjectDocument, scenario: Scenario, analysis: Analysis
) -> list[Section]:
    by_status: dict[KnobStatus, list[str]] = {s: [] for s in KnobStatus}
    for knob in model.knobs:
        by_status[scenario.setting(knob.number).status].append(f"{knob.number}. {knob.name}")
    intro: list[Block] = [
        Paragraph(
            "Per stuurknop die aan staat: hoe het project hem uitwerkt, wie trekt, via welke "
            "routes hij moet werken en wat hij kost en wie dat betaalt."
        ),
        Facts(
            tuple(
                (label, "; ".join(by_status[status]) or "geen")
                for status, label in (
                    (status, model.word("knob_status", status.value).capitalize())
                    for status in (KnobStatus.AAN, KnobStatus.UIT, KnobStatus.NIET_BESPROKEN)
                )
            )
        ),
    ]
    sections = [Section("stuurknoppen", "Stuurknoppen", 1, tuple(intro), page_break=True)]
    for knob in model.knobs:
        if scenario.setting(knob.number).status is KnobStatus.AAN:
            sections.append(_knob(model, document, scenario, analysis, knob.number))
    return sections


def _knob(
    model: Model,
    document: ProjectDocument,
    scenario: Scenario,
    analysis: Analysis,
    number: int,
) -> Section:
    knob = model.knob(number)
    setting = scenario.setting(number)
    names = _party_names(document)
    chosen = [model.route(r).name for r in setting.routes]
    blocks: list[Block] = [
        Facts(
            (
                ("Stand", knob_state(scenario, number)),
                ("Domein", knob.domain.value),
                ("Trekker", names.get(setting.lead_party or "", "nog geen trekker")),
                ("Beoogde routes", ", ".join(chosen) or "nog niet gekozen"),
            )
        ),
    ]
    elaboration = paragraphs(setting.elaboration)
    blocks.append(Paragraph("Uitwerking", "lead"))
    blocks.extend(elaboration or (Paragraph("Nog geen uitwerking.", "note"),))
    for question, answer in zip(model.conversation_questions, setting.answers, strict=False):
        if answer.strip():
            blocks.append(Paragraph(question, "lead"))
            blocks.extend(paragraphs(answer))
    # How each intended route works by the model's own line; the other routes in one line.
    mechanisms = {m.route: m.explanation for m in knob.mechanisms}
    intended = [r for r in setting.routes if r in mechanisms]
    if intended:
        blocks.append(Paragraph("Hoe de beoogde routes werken, volgens het model", "lead"))
        blocks.append(Bullets(tuple(f"{model.route(r).name}: {mechanisms[r]}" for r in intended)))
    others = [model.route(m.route).name for m in knob.mechanisms if m.route not in intended]
    if others:
        blocks.append(
            Paragraph(f"Kan volgens het model ook werken via: {', '.join(others)}.", "note")
        )
    blocks.extend(_knob_money(document, scenario, analysis, number))
    return Section(f"stuurknop-{number}", f"Stuurknop {number}: {knob.name}", 2, tuple(blocks))


def _knob_money(
    document: ProjectDocument, scenario: Scenario, analysis: Analysis, number: int
) -> list[Block]:
    names = _party_names(document) | {"": "nog geen partij"}
    horizon = document.project.years
    items = {c.cost_item: c for c in analysis.money.cost_items}
    costs = [c for c in scenario.costs if c.knob == number]
    cost_rows = []
    for cost in costs:
        item = items[cost.id]
        cost_rows.append(
            (
                cost.description,
                names.get(item.party, item.party),
                _amount(cost.amount, cost.kind),
                years_text(cost_years(cost, horizon), structural=_structural(cost)),
                euro(item.costs),
                euro(item.covered),
                euro(item.shortfall),
                euro(item.timing_gap),
            )
        )
    if cost_rows:
        total = [items[c.id] for c in costs]
        cost_rows.append(
            (
                "Totaal",
                "",
                "",
                "",
                euro(sum((i.costs for i in total), ZERO)),
                euro(sum((i.covered for i in total), ZERO)),
                euro(sum((i.shortfall for i in total), ZERO)),
                euro(sum((i.timing_gap for i in total), ZERO)),
            )
        )
    by_id = {c.id: c for c in scenario.costs}
    funding_rows = tuple(
        (
            names.get(line.party, line.party),
            f"{line.source}",
            by_id[line.cost_item].description,
            _amount(line.amount, by_id[line.cost_item].kind),
            years_text(funding_years(line, by_id[line.cost_item], horizon)),
            STATUS_WORDS[line.status],
        )
        for line in scenario.funding
        if by_id[line.cost_item].knob == number
    )
    right: tuple[Align, ...] = (
        *("left", "left", "right", "left"),
        *("right", "right", "right", "right"),
    )
    return [
        PlanTable(
            f"Kosten van stuurknop {number}",
            (
                *("Kostenpost", "Draagt", "Bedrag", "Jaren", "Over de looptijd"),
                *("Gedekt in het jaar zelf", "Tekort", "Geld komt later"),
            ),
            tuple(cost_rows),
            right,
            total=bool(cost_rows),
            empty="Bij deze stuurknop staan nog geen kosten.",
        ),
        *(Paragraph(note, "warning") for note in coverage_notes(analysis.money, number)),
        PlanTable(
            f"Financiering van stuurknop {number}",
            ("Wie betaalt", "Bron", "Voor", "Bedrag", "Jaren", "Status"),
            funding_rows,
            ("left", "left", "left", "right", "left", "left"),
            empty="Bij deze stuurknop staat nog geen financiering.",
        ),
    ]


def _structural(cost: CostItem) -> bool:
    return cost.kind is CostKind.JAARLIJKS and cost.years is None


def _amount(amount: Decimal, kind: CostKind) -> str:
    return euro(amount) + (" per jaar" if kind is CostKind.JAARLIJKS else " eenmalig")
