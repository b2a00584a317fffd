"""The plan's money chapters: per year with the cliff, per party per year, and the balance.

The charts are :mod:`stuurknop.charts.money`'s, each with the table of its own figures; the
tables per party add in which year a cliff hits the costs that party carries.
"""

from __future__ import annotations

from typing import Final

from stuurknop.charts.money import MoneyCharts
from stuurknop.engine import Analysis
from stuurknop.engine.money import ZERO, MoneyOverTime, PartyMoney
from stuurknop.presentation.blocks import Block, Facts, Figure, Paragraph, PlanTable, Section
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.projectfile.schema import ProjectDocument
from stuurknop.reports.plan_words import STATUS_WORDS

RIGHT: Final = "right"


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
        ("Tekort (kosten zonder dekking)", euro(money.total_uncovered)),
        (
            "Doorlopende kosten op structureel geld",
            f"{percent(money.structural_share)} ({euro(money.recurring_on_structural)} van "
            f"{euro(money.recurring_costs)})",
        ),
    ]
    if money.total_surplus:
        facts.append(("Financiering boven de kosten uit", euro(money.total_surplus)))
    cliffs: list[Block] = [
        Paragraph(f"Klif in {c.year}: {reason_text(c.reason)}.", "warning") for c in money.cliffs
    ] or [Paragraph("Geen klif: er stopt geen tijdelijk geld onder doorlopende kosten.")]
    per_year = charts.per_year
    years: list[Block] = [
        Paragraph(
            "Per jaar wat nodig is, waaruit het betaald wordt en wat nog niet gedekt is. Een "
            "klif is een jaar waarin tijdelijk geld stopt terwijl de kosten doorlopen."
        ),
        Facts(tuple(facts)),
        *cliffs,
        Figure(per_year, PlanTable.of_chart(per_year.table)),
    ]
    parties: list[Block] = [
        Paragraph(
            "Kosten liggen bij de partij van de kostenpost, anders bij de trekker van de "
            "stuurknop. Betaalt: wat een partij bijdraagt, aan welke kosten ook."
        ),
        Figure(charts.per_party, PlanTable.of_chart(charts.per_party.table)),
        Figure(charts.gap_per_party, PlanTable.of_chart(charts.gap_per_party.table)),
    ]
    parties += [_party_years(party, money) for party in money.parties if party.costs or party.paid]
    return [
        Section("geld", "Geld over de jaren", 1, tuple(years), page_break=True),
        Section("geld-partijen", "Geld per partij per jaar", 2, tuple(parties)),
    ]


def _party_years(party: PartyMoney, money: MoneyOverTime) -> PlanTable:
    """One party's money per year, with the year a cliff hits the costs it carries."""
    carried = {i.cost_item for i in money.cost_items if i.party == party.party}
    notes = {
        c.year: f"klif: tijdelijk geld stopt ({euro(c.drop)} per jaar)"
        for c in money.cliffs
        if carried.intersection(c.cost_items)
    }
    rows = [
        (
            str(y.year),
            euro(y.costs),
            euro(y.received),
            euro(y.uncovered),
            euro(y.paid),
            notes.get(y.year, ""),
        )
        for y in party.years
    ]
    received = sum((y.received for y in party.years), ZERO)
    rows.append(
        ("Totaal", euro(party.costs), euro(received), euro(party.uncovered), euro(party.paid), "")
    )
    return PlanTable(
        f"{party.name}: geld per jaar",
        ("Jaar", "Kosten die zij draagt", "Gedekt", "Tekort", "Betaalt zelf", "Opmerking"),
        tuple(rows),
        ("left", RIGHT, RIGHT, RIGHT, RIGHT, "left"),
        total=True,
    )


def balance_section(analysis: Analysis, charts: MoneyCharts) -> Section:
    """Each party's share of the funding against its share of the value."""
    balance = analysis.balance
    blocks: list[Block] = [
        Paragraph(
            "Het model begint bij de zorg dat de woningcorporatie betaalt en de baten elders "
            "landen. Hier staat per partij haar deel van de financiering naast haar deel van "
            "de waarde. De verdeling naar waarde is een begin voor het gesprek, geen advies: "
            "waardeaandelen zijn een rangorde, geen geld."
        )
    ]
    table = PlanTable(
        charts.balance_table.caption,
        charts.balance_table.columns,
        charts.balance_table.rows,
        ("left", RIGHT, RIGHT, RIGHT, RIGHT, RIGHT),
        empty="Er zijn nog geen partijen ingevuld.",
    )
    if balance.value_known and charts.balance_shares and charts.balance_split:
        # The balance table holds the figures of both charts: one table after the two.
        blocks += [Figure(charts.balance_shares, None), Figure(charts.balance_split, table)]
    else:
        blocks.append(
            Paragraph("Nog geen belangen ingevuld: het aandeel in de waarde is onbekend.", "note")
        )
        blocks.append(table)
    blocks += [
        Paragraph(
            f"{p.name} betaalt {percent(p.funding_share)} van de financiering en krijgt "
            f"{percent(p.value_share)} van de waarde: duidelijk meer dan haar deel.",
            "warning",
        )
        for p in balance.parties
        if balance.value_known and p.pays_more_than_it_gains
    ]
    return Section("balans", "Balans tussen partijen", 1, tuple(blocks), page_break=True)
