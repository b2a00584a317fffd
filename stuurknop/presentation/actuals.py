"""Realised money as blocks: per year, per cost item, per funding line, per party and per
source what was planned and what was spent or received, the differences explained, and each
planned stop of temporary money as it went (:mod:`stuurknop.engine.actuals`).

The money page's "Gerealiseerd" part, the command line's report and the evaluation report
(:func:`realised_sections`) all take their tables from here.
"""

from __future__ import annotations

from decimal import Decimal

from stuurknop.charts.actuals import realised_chart
from stuurknop.engine.actuals import Realised, Track, realised
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import (
    Align,
    Block,
    Bullets,
    Facts,
    Figure,
    Paragraph,
    PlanTable,
    Section,
)
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile.schema import ProjectDocument, Scenario

L: Align = "left"
R: Align = "right"

RULE = (
    "Gerealiseerd zijn de jaren tot en met het laatste jaar waarin een bedrag is ingevuld. "
    "Staat in zo'n jaar bij een kostenpost of financieringsregel niets, dan telt dat als € 0. "
    "Latere jaren worden nog niet vergeleken."
)
NOTHING = "Nog geen gerealiseerde bedragen ingevuld."


def signed(amount: Decimal) -> str:
    """A difference: ``+ € 1.000``, ``− € 250``, ``€ 0``."""
    if not amount:
        return euro(amount)
    return f"{'+' if amount > 0 else '−'} {euro(abs(amount))}"


def summary_facts(result: Realised) -> Facts:
    """How far the project has come, and spent and received against the plan so far."""
    if result.through is None:
        return Facts((("Gerealiseerd", "nog niets ingevuld"),))
    return Facts(
        (
            ("Gerealiseerd tot en met", str(result.through)),
            ("Uitgegeven", _against(result.costs)),
            ("Ontvangen", _against(result.funding)),
        )
    )


def _against(track: Track) -> str:
    return (
        f"{euro(track.actual)} tegen {euro(track.planned_to_date)} gepland "
        f"({signed(track.difference)})"
    )


def year_table(result: Realised) -> PlanTable:
    """Per year: planned and spent, planned and received, with the differences."""
    rows = []
    for cost, fund in zip(result.costs.years, result.funding.years, strict=True):
        rows.append(
            (
                str(cost.year),
                euro(cost.planned),
                _actual(cost.actual),
                _difference(cost.difference),
                euro(fund.planned),
                _actual(fund.actual),
                _difference(fund.difference),
            )
        )
    if result.through is not None:
        rows.append(
            (
                f"Totaal t/m {result.through}",
                euro(result.costs.planned_to_date),
                euro(result.costs.actual),
                signed(result.costs.difference),
                euro(result.funding.planned_to_date),
                euro(result.funding.actual),
                signed(result.funding.difference),
            )
        )
    return PlanTable(
        "Gepland en gerealiseerd per jaar",
        (
            "Jaar",
            "Kosten gepland",
            "Uitgegeven",
            "Verschil",
            "Financiering gepland",
            "Ontvangen",
            "Verschil",
        ),
        tuple(rows),
        (L, R, R, R, R, R, R),
        total=result.through is not None,
    )


def _actual(amount: Decimal | None) -> str:
    return "nog niet" if amount is None else euro(amount)


def _difference(amount: Decimal | None) -> str:
    return "–" if amount is None else signed(amount)


def cost_item_table(result: Realised) -> PlanTable:
    """Per cost item and realised year (with money planned or spent): planned, spent and the
    difference."""
    rows = [
        (
            item.description,
            str(y.year),
            euro(y.planned),
            euro(y.actual),
            signed(y.actual - y.planned),
        )
        for item in result.cost_items
        for y in item.spent.years
        if y.actual is not None and (y.planned or y.actual)
    ]
    return PlanTable(
        "Kostenposten: gepland en uitgegeven",
        ("Kostenpost", "Jaar", "Gepland", "Uitgegeven", "Verschil"),
        tuple(rows),
        (L, L, R, R, R),
        empty=NOTHING,
    )


def funding_table(result: Realised, doc: ProjectDocument, scenario: Scenario) -> PlanTable:
    """Per funding line and realised year: planned, received and the difference."""
    parties = {p.id: p.name for p in doc.parties}
    costs = {c.id: c.description for c in scenario.costs}
    rows = [
        (
            f"{parties.get(line.party, line.party)}, bron {line.source}",
            costs.get(line.cost_item, line.cost_item),
            str(y.year),
            euro(y.planned),
            euro(y.actual),
            signed(y.actual - y.planned),
        )
        for line in result.funding_lines
        for y in line.received.years
        if y.actual is not None and (y.planned or y.actual)
    ]
    return PlanTable(
        "Financiering: gepland en ontvangen",
        ("Wie betaalt", "Voor", "Jaar", "Gepland", "Ontvangen", "Verschil"),
        tuple(rows),
        (L, L, L, R, R, R),
        empty=NOTHING,
    )


def party_table(result: Realised) -> PlanTable:
    """Per party over the realised years: the costs it carries (planned, spent) and what it
    pays (planned, paid)."""
    rows = [
        (
            p.name,
            euro(p.costs.planned_to_date),
            euro(p.costs.actual),
            signed(p.costs.difference),
            euro(p.paid.planned_to_date),
            euro(p.paid.actual),
            signed(p.paid.difference),
        )
        for p in result.parties
    ]
    upto = f" t/m {result.through}" if result.through is not None else ""
    return PlanTable(
        f"Per partij: gepland en gerealiseerd{upto}",
        (
            "Partij",
            "Kosten gepland",
            "Uitgegeven",
            "Verschil",
            "Betaalt volgens plan",
            "Betaald",
            "Verschil",
        ),
        tuple(rows),
        (L, R, R, R, R, R, R),
        empty=NOTHING,
    )


def source_table(result: Realised) -> PlanTable:
    """Per source over the realised years: planned and received."""
    rows = [
        (
            f"Bron {s.source}" + (" (tijdelijk)" if s.temporary else ""),
            euro(s.received.planned_to_date),
            euro(s.received.actual),
            signed(s.received.difference),
        )
        for s in result.sources
    ]
    upto = f" t/m {result.through}" if result.through is not None else ""
    return PlanTable(
        f"Per bron: gepland en ontvangen{upto}",
        ("Bron", "Gepland", "Ontvangen", "Verschil"),
        tuple(rows),
        (L, R, R, R),
        empty=NOTHING,
    )


def difference_notes(result: Realised) -> tuple[str, ...]:
    """Every difference of a cost item or funding line as a sentence."""
    return tuple(
        sentence(r)
        for r in (
            *(r for c in result.cost_items for r in c.reasons),
            *(r for f in result.funding_lines for r in f.reasons),
        )
    )


def cliff_notes(result: Realised) -> tuple[str, ...]:
    """Each planned stop of temporary money as it went, as a sentence."""
    return tuple(sentence(c.reason) for c in result.cliffs)


def realised_blocks(
    result: Realised, doc: ProjectDocument, scenario: Scenario, *, id_prefix: str = "gerealiseerd"
) -> tuple[Block, ...]:
    """The whole comparison: the summary, the chart with its table, the tables per year, cost
    item, funding line, party and source, the differences and the cliffs in words."""
    blocks: list[Block] = [summary_facts(result), Paragraph(RULE, "note")]
    chart = realised_chart(result, id_prefix=id_prefix)
    if chart is not None:
        blocks.append(Figure(chart, PlanTable.of_chart(chart.table)))
    blocks += [year_table(result), cost_item_table(result), funding_table(result, doc, scenario)]
    blocks += [party_table(result), source_table(result)]
    notes = difference_notes(result)
    blocks.append(Bullets(notes) if notes else Paragraph("Geen verschillen met het plan."))
    cliffs = cliff_notes(result)
    if cliffs:
        blocks += [Paragraph("Tijdelijk geld dat volgens plan stopt:", "lead"), Bullets(cliffs)]
    return tuple(blocks)


def realised_sections(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario | None = None,
    *,
    anchor: str = "gerealiseerd",
    level: int = 1,
) -> tuple[Section, ...]:
    """The money planned against realised as a chapter (``level`` 1, with parts at level 2) or
    as a part of one (``level`` 2): for the evaluation report and the command line."""
    scenario = scenario or doc.scenario()
    result = realised(model, doc, scenario)
    if level == 2:
        return (
            Section(
                anchor,
                "Geld: gepland en gerealiseerd",
                2,
                realised_blocks(result, doc, scenario, id_prefix=anchor),
            ),
        )
    chart = realised_chart(result, id_prefix=anchor)
    head: list[Block] = [summary_facts(result), Paragraph(RULE, "note")]
    if chart is not None:
        head.append(Figure(chart, PlanTable.of_chart(chart.table)))
    head.append(year_table(result))
    notes, cliffs = difference_notes(result), cliff_notes(result)
    return (
        Section(anchor, "Geld: gepland en gerealiseerd", 1, tuple(head)),
        Section(
            f"{anchor}-posten",
            "Per kostenpost en financieringsregel",
            2,
            (
                cost_item_table(result),
                funding_table(result, doc, scenario),
                Bullets(notes) if notes else Paragraph("Geen verschillen met het plan."),
            ),
        ),
        Section(
            f"{anchor}-partijen",
            "Per partij en per bron",
            2,
            (party_table(result), source_table(result)),
        ),
        Section(
            f"{anchor}-klif",
            "Stopte het tijdelijke geld zoals gepland?",
            2,
            (Bullets(cliffs),)
            if cliffs
            else (Paragraph("Volgens plan stopt er geen tijdelijk geld."),),
        ),
    )
