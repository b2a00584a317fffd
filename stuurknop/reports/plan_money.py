"""The plan's money chapters: per year with the cliff, per party per year, and the balance.

The charts and tables are :mod:`stuurknop.presentation.money`'s, the same blocks the money
page shows; this module adds the plan's facts and sentences around them.
"""

from __future__ import annotations

from dataclasses import replace

from stuurknop.charts.money import MoneyCharts
from stuurknop.engine import Analysis
from stuurknop.engine.effect_report import effect_report
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.balance import (
    caveat,
    compared,
    findings,
    how_value_shares,
    in_line,
    weighting_notes,
)
from stuurknop.presentation.blocks import Block, Facts, Paragraph, Section
from stuurknop.presentation.commitments import cliff_split
from stuurknop.presentation.effects import effect_section
from stuurknop.presentation.money import (
    balance_figures,
    coverage_notes,
    party_figures,
    party_year_tables,
    per_year_figure,
)
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.plan_words import STATUS_WORDS


def money_sections(
    document: ProjectDocument, analysis: Analysis, charts: MoneyCharts
) -> list[Section]:
    """ "Geld over de jaren" with the cliff, and "Geld per partij" with a table per party."""
    money = analysis.money
    statuses = {s.value: w for s, w in STATUS_WORDS.items()}
    facts = [
        ("Kosten over de looptijd", euro(money.total_costs)),
        ("Financiering", euro(money.total_funding)),
        *(
            (f"… waarvan {statuses[status]}", euro(amount))
            for status, amount in money.funding_by_status.items()
        ),
        ("Tekort (kosten zonder dekking)", euro(money.total_shortfall)),
        (
            "Doorlopende kosten op structureel geld",
            f"{percent(money.structural_share)} ({euro(money.recurring_on_structural)} van "
            f"{euro(money.recurring_costs)})",
        ),
    ]
    if money.total_timing_gap:
        facts.append(("Geld komt later dan de kosten", euro(money.total_timing_gap)))
    if money.total_surplus:
        facts.append(("Financiering boven de kosten uit", euro(money.total_surplus)))
    model, scenario = load_model(analysis.model_version), document.scenario(analysis.scenario)
    # Of the money that stops: what the parties confirmed apart from what was recorded for them.
    splits = {c.year: cliff_split(model, scenario, c) for c in money.cliffs}
    cliffs: list[Block] = [
        Paragraph(
            f"Klif in {c.year}: {reason_text(c.reason)}."
            + (f" {splits[c.year]}." if splits[c.year] else ""),
            "warning",
        )
        for c in money.cliffs_largest_first
    ] or [Paragraph("Geen klif: er stopt geen tijdelijk geld onder doorlopende kosten.")]
    years: list[Block] = [
        Paragraph(
            "Per jaar wat nodig is, waaruit het betaald wordt en wat nog niet gedekt is. Een "
            "klif is een jaar waarin tijdelijk geld stopt terwijl de kosten doorlopen."
        ),
        Facts(tuple(facts)),
        *(Paragraph(note, "warning") for note in coverage_notes(money)),
        *cliffs,
        per_year_figure(charts),
    ]
    parties: list[Block] = [
        Paragraph(
            "Kosten liggen bij de partij van de kostenpost, anders bij de trekker van de "
            "stuurknop. Betaalt: wat een partij bijdraagt, aan welke kosten ook."
        ),
        *party_figures(charts),
        *party_year_tables(money),
    ]
    return [
        Section("geld", "Geld over de jaren", 1, tuple(years), page_break=True),
        Section("geld-partijen", "Geld per partij per jaar", 2, tuple(parties)),
    ]


def balance_section(analysis: Analysis, charts: MoneyCharts) -> Section:
    """Each party's part of the funded total against its share of the value, with the verdicts
    taken from the same figures as the table."""
    balance = analysis.balance
    blocks: list[Block] = [
        Paragraph(
            "Het model begint bij de zorg dat de woningcorporatie betaalt en de baten elders "
            "landen. " + compared(balance)
        ),
        Paragraph(how_value_shares(balance)),
        Paragraph(caveat(balance), "note"),
    ]
    if not balance.value_known:
        blocks.append(
            Paragraph(
                "Nog geen waarde bij een partij: vul bij Waarden en routes in welke waarden voor "
                "elke partij tellen.",
                "note",
            )
        )
    blocks += [Paragraph(line, "warning") for line in findings(balance)]
    blocks += [Paragraph(line) for line in (in_line(balance),) if line]
    blocks += [Paragraph(line, "note") for line in weighting_notes(balance)]
    blocks += balance_figures(balance, charts)
    return Section("balans", "Balans tussen partijen", 1, tuple(blocks), page_break=True)


def effects_sections(
    model: Model, document: ProjectDocument, scenario: Scenario, analysis: Analysis
) -> list[Section]:
    """The chapter "Waarde tegenover kosten, in geld" when the scenario has effect estimates:
    the blocks of :mod:`stuurknop.presentation.effects`, as on the effects page."""
    if not scenario.effects:
        return []
    report = effect_report(model, document, scenario, money=analysis.money)
    return [replace(effect_section(model, document, scenario, report), page_break=True)]
