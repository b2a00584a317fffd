"""Effects in money said once, as blocks: the per-party table (present values, net present
value, benefit–cost ratio, payback, P10/P50/P90 and the chance of coming out ahead), a chart
with its table, "wie betaalt, wie baat" per year, the tornado of the project and of each party
(chart and table), the redistribution proposal and the effect estimates themselves. The pages,
the plan (PDF and Word) and the command line render these blocks; present values are rounded
here, once."""

from __future__ import annotations

from decimal import Decimal

from stuurknop.charts.bars import grouped_bar_chart
from stuurknop.engine.effect_report import EffectReport
from stuurknop.engine.effect_uncertainty import PartyTornado, TornadoBar
from stuurknop.engine.effects import TOTAL, PartyEffects
from stuurknop.engine.money import UNASSIGNED
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Align, Block, Figure, Paragraph, PlanTable, Section
from stuurknop.presentation.numbers import decimal, euro, measured, percent
from stuurknop.presentation.proxies import effect_amount, model_library, used_proxy_blocks
from stuurknop.projectfile.schema import ProjectDocument, Scenario

RIGHT: tuple[Align] = ("right",)
NO_EFFECTS = (
    "Dit scenario heeft nog geen effectschattingen in geld. Vul per effect in wie de baat "
    "heeft, hoeveel per jaar (laag, verwacht, hoog) en vanaf wanneer."
)


def pv(amount: float) -> str:
    """A present value, rounded to whole euros here (and only here)."""
    return euro(Decimal(repr(amount)))


def rate_text(rate: float) -> str:
    return f"{decimal(rate * 100)}%"


def party_name(row: PartyEffects) -> str:
    if row.party == TOTAL:
        return "Project als geheel"
    return row.name or "Nog niemand (kosten zonder betaler)"


def method_paragraph(report: EffectReport) -> Paragraph:
    r, u = report.result, report.uncertainty
    draws = f"{u.draws:,}".replace(",", ".")
    return Paragraph(
        f"Contante waarden in prijzen van nu, teruggerekend naar {r.base_year} tegen een "
        f"reële discontovoet van {rate_text(r.rate)} (de standaard is 2,25%, Werkgroep "
        "Discontovoet 2020; een effect dat als risicovrij is gemarkeerd: −1%). Onzekerheid: "
        f"{draws} trekkingen (PERT-verdeling over laag, verwacht en hoog; vaste startwaarde "
        f"{u.seed}). P10 betekent: in 1 op de 10 trekkingen komt het lager uit.",
        tone="note",
    )


def party_table(report: EffectReport) -> PlanTable:
    r, u = report.result, report.uncertainty
    rows = []
    for row in (*r.parties, r.total):
        spread = u.of(row.party)
        payback = r.payback[row.party]
        rows.append(
            (
                party_name(row),
                pv(row.pv_paid),
                pv(row.pv_benefits),
                pv(row.npv),
                decimal(row.bcr) if row.bcr is not None else "–",
                str(payback) if payback is not None else "–",
                pv(spread.p10),
                pv(spread.p50),
                pv(spread.p90),
                percent(spread.ahead),
            )
        )
    return PlanTable(
        "Per partij: wat zij betaalt en wat bij haar landt (contante waarde)",
        (
            "Partij",
            "Betaalt",
            "Baten",
            "Netto",
            "Baten per euro",
            "Terugverdiend in",
            "P10",
            "P50",
            "P90",
            "Kans op winst",
        ),
        tuple(rows),
        ("left", *RIGHT * 9),
        total=True,
    )


def party_figure(report: EffectReport) -> Figure:
    rows = report.result.parties
    chart = grouped_bar_chart(
        [party_name(p) for p in rows],
        {
            "Betaalt": [Decimal(repr(round(p.pv_paid))) for p in rows],
            "Baten": [Decimal(repr(round(p.pv_benefits))) for p in rows],
        },
        title="Betaalt en baten per partij (contante waarde)",
        description="Per partij de contante waarde van wat zij betaalt en van de baten die bij "
        "haar landen; de tabel eronder geeft dezelfde bedragen.",
        value_format=euro,
        id_prefix="effects-parties",
        label_heading="Partij",
    )
    return Figure(chart, PlanTable.of_chart(chart.table))


def year_table(report: EffectReport) -> PlanTable:
    r = report.result
    rows = []
    for row in (*r.parties, r.total):
        name = party_name(row)
        rows.append((name, "betaalt", *(euro(p) for p in row.paid), euro(row.total_paid)))
        rows.append((name, "baat", *(pv(b) for b in row.benefits), pv(row.total_benefits)))
    return PlanTable(
        "Wie betaalt, wie baat: per partij per jaar (verwacht, niet verdisconteerd)",
        ("Partij", "Wat", *(str(y) for y in r.years), "Totaal"),
        tuple(rows),
        ("left", "left", *RIGHT * (len(r.years) + 1)),
    )


def bar_name(bar: TornadoBar, model: Model, scenario: Scenario) -> str:
    if bar.kind == "rate":
        return "Discontovoet"
    effect = next(e for e in scenario.effects if e.id == bar.key)
    return f"{effect.id} ({model.value(effect.value).name})"


def input_text(bar: TornadoBar, scenario: Scenario, figure: float) -> str:
    """An input's low or high end as the estimate says it: the rate in percent, an amount per
    year in euros, a quantity (of a proxy) as a number."""
    if bar.kind == "rate":
        return rate_text(figure)
    effect = next(e for e in scenario.effects if e.id == bar.key)
    return pv(figure) if effect.proxy is None else measured(Decimal(repr(figure)))


def tornado_figure(
    report: EffectReport, model: Model, scenario: Scenario, party: PartyTornado | None = None
) -> Figure:
    """The tornado as bars: per input the net result (the project's, or ``party``'s) at its low
    and its high end, largest swing first; the table after it (:func:`tornado_table`) holds the
    same figures."""
    bars = report.tornado if party is None else party.bars
    whose = "het project" if party is None else _name_of(report, party.party)
    chart = grouped_bar_chart(
        [bar_name(bar, model, scenario) for bar in bars],
        {
            "Netto bij laag": [Decimal(repr(round(b.npv_low))) for b in bars],
            "Netto bij hoog": [Decimal(repr(round(b.npv_high))) for b in bars],
        },
        title=f"Gevoeligheid van het netto resultaat van {whose}",
        description=f"Per onderdeel het netto resultaat van {whose} (contante waarde) als "
        "dat ene onderdeel laag of hoog uitvalt, de rest verwacht; het grootste verschil eerst. "
        "De tabel eronder geeft dezelfde bedragen.",
        value_format=euro,
        id_prefix="effects-tornado" if party is None else f"effects-tornado-{party.party}",
        label_heading="Onderdeel",
    )
    return Figure(chart, None)


def tornado_table(
    report: EffectReport, model: Model, scenario: Scenario, party: PartyTornado | None = None
) -> PlanTable:
    rows = []
    for bar in report.tornado if party is None else party.bars:
        low, high = (
            input_text(bar, scenario, bar.low_input),
            input_text(bar, scenario, bar.high_input),
        )
        rows.append(
            (
                bar_name(bar, model, scenario),
                low,
                high,
                pv(bar.npv_low),
                pv(bar.npv_high),
                pv(bar.swing),
            )
        )
    whose = "het project" if party is None else _name_of(report, party.party)
    return PlanTable(
        f"Gevoeligheid: het netto resultaat van {whose} als één ding laag of hoog uitvalt",
        ("Onderdeel", "Laag", "Hoog", "Netto bij laag", "Netto bij hoog", "Verschil"),
        tuple(rows),
        ("left", "right", "right", "right", "right", "right"),
    )


def _name_of(report: EffectReport, party: str) -> str:
    return party_name(report.result.of(party))


def party_tornado_blocks(
    report: EffectReport, model: Model, scenario: Scenario
) -> tuple[Block, ...]:
    """Per party that pays or gains: its own tornado. An effect moves only the net result of
    the party it lands with; the discount rate moves every party's. A party that gains from
    an effect gets a chart and a table; for the parties that only pay, the rate is the one
    input, said in one table."""
    if not report.party_tornados:
        return ()
    blocks: list[Block] = [
        Paragraph("Gevoeligheid per partij", tone="lead"),
        Paragraph(
            "Voor elke partij die betaalt of baat heeft: haar eigen netto resultaat als één "
            "effect dat bij haar landt, of de discontovoet, laag of hoog uitvalt. Zo ziet elke "
            "partij waar haar eigen uitkomst het meest van afhangt."
        ),
    ]
    paying_only = []
    for party in report.party_tornados:
        if all(bar.kind == "rate" for bar in party.bars):
            paying_only.append(party)
            continue
        blocks += [
            tornado_figure(report, model, scenario, party),
            tornado_table(report, model, scenario, party),
        ]
    if paying_only:
        blocks.append(rate_only_table(report, paying_only))
    return tuple(blocks)


def rate_only_table(report: EffectReport, parties: list[PartyTornado]) -> PlanTable:
    """The parties no effect lands with: their net result at the rate's low and high end."""
    rows = []
    for party in parties:
        (bar,) = party.bars
        rows.append(
            (
                _name_of(report, party.party),
                pv(party.npv),
                pv(bar.npv_low),
                pv(bar.npv_high),
                pv(bar.swing),
            )
        )
    low, high = (
        rate_text(x) for x in (parties[0].bars[0].low_input, parties[0].bars[0].high_input)
    )
    return PlanTable(
        "Gevoeligheid van partijen zonder eigen baten: alleen de discontovoet telt",
        ("Partij", "Netto", f"Netto bij {low}", f"Netto bij {high}", "Verschil"),
        tuple(rows),
        ("left", "right", "right", "right", "right"),
    )


def redistribution_blocks(report: EffectReport, doc: ProjectDocument) -> tuple[Block, ...]:
    proposal = report.redistribution
    names = {p.id: p.name for p in doc.parties}
    unpaid = [p for p in report.result.parties if p.party == UNASSIGNED and p.pv_paid > 0]
    outside: tuple[Block, ...] = tuple(
        Paragraph(
            f"Kosten waar nog niemand voor betaalt ({pv(p.pv_paid)}, contante waarde) blijven "
            "buiten dit voorstel: eerst moet iemand ze dragen.",
            tone="note",
        )
        for p in unpaid
    )
    if not proposal.deficits:
        return (
            Paragraph("Geen partij staat verwacht op verlies: herverdelen is niet nodig."),
            *outside,
        )
    if not proposal.possible:
        return (
            Paragraph(
                "Herverdelen lukt niet: samen komen de partijen verwacht "
                f"{pv(proposal.shortfall)} tekort. Ook als wie vooruitgaat zijn hele voordeel "
                f"afstaat ({pv(proposal.surpluses)} samen), blijven de tekorten "
                f"({pv(proposal.deficits)} samen) niet gedekt. Er is meer baat of minder kosten "
                "nodig."
            ),
            *outside,
        )
    rows = tuple(
        (names.get(t.payer, t.payer), names.get(t.receiver, t.receiver), pv(t.amount))
        for t in proposal.transfers
    )
    return (
        *outside,
        Paragraph(
            "Een startpunt voor het gesprek (gedeelde besparingen): met deze overdrachten "
            "staat geen partij verwacht op verlies. Samen gaat er "
            f"{pv(proposal.total)} over, precies de tekorten opgeteld: minder kan niet. Wie "
            "vooruitgaat, draagt bij naar verhouding van zijn voordeel."
        ),
        PlanTable(
            "Voorstel voor overdrachten (contante waarde)",
            ("Van", "Aan", "Bedrag"),
            rows,
            ("left", "left", "right"),
        ),
    )


def estimates_table(model: Model, doc: ProjectDocument, scenario: Scenario) -> PlanTable:
    names = {p.id: p.name for p in doc.parties}
    library = model_library(model.version)
    rows = []
    for e in scenario.effects:
        per_year = effect_amount(e, library, doc.effect_settings)
        span = (
            f"vanaf {e.first_year}"
            if e.years is None
            else (f"{e.first_year}–{e.first_year + e.years - 1}")
        )
        rows.append(
            (
                e.id,
                model.value(e.value).name,
                model.route(e.route).name,
                names.get(e.beneficiary, e.beneficiary),
                per_year,
                span,
                f"{e.drop_off}% / {e.deadweight}% / {e.attribution}% / {e.displacement}%",
            )
        )
    return PlanTable(
        "Effectschattingen",
        (
            "Effect",
            "Waarde",
            "Route",
            "Baat voor",
            "Per jaar: laag / verwacht / hoog",
            "Jaren",
            "Afname / toch gebeurd / anderen / verplaatst",
        ),
        tuple(rows),
    )


def effect_blocks(
    model: Model, doc: ProjectDocument, scenario: Scenario, report: EffectReport
) -> tuple[Block, ...]:
    if not scenario.effects:
        return (Paragraph(NO_EFFECTS),)
    return (
        method_paragraph(report),
        party_table(report),
        party_figure(report),
        year_table(report),
        tornado_figure(report, model, scenario),
        tornado_table(report, model, scenario),
        *party_tornado_blocks(report, model, scenario),
        *redistribution_blocks(report, doc),
        estimates_table(model, doc, scenario),
        *used_proxy_blocks(
            model_library(model.version),
            doc.effect_settings,
            (e.proxy for e in scenario.effects if e.proxy is not None),
        ),
    )


def effect_section(
    model: Model, doc: ProjectDocument, scenario: Scenario, report: EffectReport
) -> Section:
    return Section(
        "effecten-in-geld",
        "Waarde tegenover kosten, in geld",
        1,
        effect_blocks(model, doc, scenario, report),
    )
