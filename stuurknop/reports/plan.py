"""The plan of a scenario as plain data, built once from the engine for both the PDF and Word.

The model calls the outcome of the partners' conversation "a plan": which party delivers
which investment, for how long and how; which values will arise; which evidence is needed
before the decision and what is monitored during execution (seed 001, "Mogelijk gebruik").
:func:`build_plan` puts that in chapters of :mod:`~stuurknop.presentation.blocks`. Every
figure is the engine's (:func:`stuurknop.engine.analyse`, :func:`key_figures`), every name
of a knob, route, value or source the model's; this module only chooses and formats.
"""

from __future__ import annotations

import datetime as dt

from stuurknop.charts.model_map import model_map
from stuurknop.charts.money import money_charts
from stuurknop.engine import Analysis, analyse
from stuurknop.engine.checklist import aimed_values
from stuurknop.engine.follow_up import follow_up
from stuurknop.engine.money import ZERO
from stuurknop.engine.summary import KeyFigures, key_figures
from stuurknop.gespreksmodel.schema import Model, Severity
from stuurknop.presentation.blocks import (
    Align,
    Block,
    Bullets,
    Facts,
    Paragraph,
    Plan,
    PlanTable,
    Section,
    paragraphs,
)
from stuurknop.presentation.commitments import committed_split
from stuurknop.presentation.meetings import follow_up_sentences
from stuurknop.presentation.numbers import decimal, euro, percent
from stuurknop.presentation.reasons import sentence
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.presentation.values import map_figure, potentials_table
from stuurknop.projectfile.schema import (
    KnobStatus,
    ProjectDocument,
    Scenario,
)
from stuurknop.reports.plan_decisions import decisions_sections
from stuurknop.reports.plan_evidence import evidence_sections
from stuurknop.reports.plan_explorer import explorer_chapter
from stuurknop.reports.plan_followup import (
    checklist_sections,
    log_section,
    sources_section,
)
from stuurknop.reports.plan_knobs import knob_sections
from stuurknop.reports.plan_money import balance_section, effects_sections, money_sections
from stuurknop.reports.plan_words import (
    PHASE_WORDS,
    dutch_date,
)

__all__ = ["Plan", "build_plan"]

RIGHT: tuple[Align] = ("right",)
SUMMARY_PARTIES = 8  # rows of the summary's money table; the rest is summed in one row
SUMMARY_POINTS = 6  # open points on the summary page; all of them are in the checklist


def build_plan(
    model: Model, document: ProjectDocument, scenario: Scenario, *, today: dt.date
) -> Plan:
    """The plan of ``scenario``: a cover and its chapters, every figure from the engine."""
    analysis = analyse(model, document, scenario)
    figures = key_figures(analysis)
    charts = money_charts(analysis.money, analysis.balance, id_prefix="plan-geld")
    project = document.project
    sections = [
        _summary(model, document, scenario, analysis, figures, today),
        *_project(model, document, scenario, analysis),
        *knob_sections(model, document, scenario, analysis),
        _map(model, scenario, analysis),
        _values(model, document, scenario, analysis),
        *money_sections(document, analysis, charts),
        balance_section(analysis, charts),
        *effects_sections(model, document, scenario, analysis),
        *explorer_chapter(model, document, scenario),
        *evidence_sections(
            model, scenario, analysis, {p.id: p.name for p in document.parties}, today
        ),
        *checklist_sections(model, analysis),
        *decisions_sections(model, document, scenario, today=today),
        sources_section(model, analysis),
        log_section(document),
    ]
    last = project.years[-1]
    return Plan(
        title=f"Plan {project.name}",
        project=project.name,
        scenario=scenario.name,
        date=dutch_date(today),
        model_version=model.version,
        cover=(
            ("Project", project.name),
            ("Gemeente", _place(document)),
            ("Woningen", str(project.homes)),
            ("Fase", PHASE_WORDS[project.phase]),
            ("Looptijd", f"{project.first_year}–{last} ({project.horizon_years} jaar)"),
            ("Scenario", scenario.name),
            ("Datum", dutch_date(today)),
            ("Model", f"{model.title}, versie {model.version}"),
        ),
        sections=tuple(sections),
    )


def _place(document: ProjectDocument) -> str:
    project = document.project
    if project.neighbourhood:
        return f"{project.municipality}, {project.neighbourhood}"
    return project.municipality


def _party_names(document: ProjectDocument) -> dict[str, str]:
    return {p.id: p.name for p in document.parties}


# --- summary ---------------------------------------------------------------------------------


def _summary(
    model: Model,
    document: ProjectDocument,
    scenario: Scenario,
    analysis: Analysis,
    figures: KeyFigures,
    today: dt.date,
) -> Section:
    money = analysis.money
    first, last = money.years[0].year, money.years[-1].year
    strongest = figures.strongest_value
    facts = Facts(
        (
            (f"Kosten {first}–{last}", euro(figures.total_costs)),
            (
                "Financiering",
                f"{euro(figures.total_funding)}, waarvan toegezegd {euro(money.committed)} "
                f"({committed_split(model, money)})",
            ),
            ("Tekort (kosten zonder dekking)", euro(figures.gap)),
            *(
                [("Geld komt later dan de kosten", euro(figures.timing_gap))]
                if figures.timing_gap
                else []
            ),
            (
                "Klif",
                " ".join(sentence(c.reason) for c in figures.cliffs)
                if figures.cliffs
                else "geen: er stopt geen tijdelijk geld onder doorlopende kosten",
            ),
            ("Doorlopende kosten op structureel geld", percent(figures.structural_share)),
            (
                "Waarden in beweging",
                f"{figures.values_in_motion} van {figures.values_total}"
                + (
                    f"; het sterkst: {strongest.name} ({decimal(strongest.potential)})"
                    if strongest
                    else ""
                ),
            ),
            *(
                [("Afspraken", " ".join(follow_up_sentences(follow_up(document, today), today)))]
                if document.actions or document.decisions
                else []
            ),
            (
                "Checklist",
                f"{figures.checklist_percentage}% gereed ({figures.checklist_done} van "
                f"{figures.checklist_total}); "
                + (
                    f"{figures.warnings} waarschuwing"
                    if figures.warnings == 1
                    else f"{figures.warnings} waarschuwingen"
                ),
            ),
        )
    )
    on = [
        f"{k.number}. {k.name} ({scenario.setting(k.number).opening or '?'} van 3)"
        for k in model.knobs
        if scenario.setting(k.number).status is KnobStatus.AAN
    ]
    aimed = aimed_values(scenario)
    potentials = {v.value: v for v in analysis.values}
    values = [
        f"{potentials[v].name} ({decimal(potentials[v].potential)})"
        for v in (v.id for v in model.values)
        if v in aimed
    ]
    blocks: list[Block] = [
        Paragraph(
            f"Scenario {scenario.name} van {document.project.name}: wie betaalt wat en hoe lang, "
            "welke waarden ontstaan, en wat nog open staat. Alle cijfers komen uit het "
            "rekenmodel van Stuurknop.",
        ),
        facts,
        Paragraph("Stuurknoppen die aan staan: " + ("; ".join(on) or "nog geen") + "."),
        Paragraph(
            "Beoogde waarden (potentieel 0 tot 1): "
            + ("; ".join(values) or "nog geen partij heeft belangen ingevuld")
            + "."
        ),
        _summary_money(analysis),
        Paragraph("Belangrijkste open punten", "lead"),
        _open_points(analysis),
    ]
    return Section("samenvatting", "Samenvatting", 1, tuple(blocks), page_break=True)


def _summary_money(analysis: Analysis) -> PlanTable:
    money = analysis.money
    carrying = [p for p in money.parties if p.costs or p.paid]
    carrying.sort(key=lambda p: -(p.costs + p.paid))
    shown, rest = carrying[:SUMMARY_PARTIES], carrying[SUMMARY_PARTIES:]
    rows = [(p.name, euro(p.costs), euro(p.paid), euro(p.uncovered)) for p in shown]
    if rest:
        rows.append(
            (
                f"{len(rest)} andere partijen",
                euro(sum((p.costs for p in rest), ZERO)),
                euro(sum((p.paid for p in rest), ZERO)),
                euro(sum((p.uncovered for p in rest), ZERO)),
            )
        )
    if rows:
        rows.append(
            (
                "Totaal",
                euro(money.total_costs),
                euro(money.total_funding),
                euro(money.total_uncovered),
            )
        )
    return PlanTable(
        "Kosten en financiering per partij, over de hele looptijd",
        ("Partij", "Draagt kosten", "Betaalt", "Tekort"),
        tuple(rows),
        ("left", "right", "right", "right"),
        total=bool(rows),
        empty="Er zijn nog geen kosten of financiering ingevuld.",
    )


def _open_points(analysis: Analysis) -> Block:
    warnings = [
        f"{c.title} (waarschuwing)" for c in analysis.checks if c.severity is Severity.WAARSCHUWING
    ]
    points = warnings + [reason_text(i.open_point) for i in analysis.checklist.open_points]
    if not points:
        return Paragraph("Geen open punten: de checklist is af en geen controle waarschuwt.")
    shown = [p[:1].upper() + p[1:] for p in points[:SUMMARY_POINTS]]
    if len(points) > SUMMARY_POINTS:
        shown.append(
            f"En nog {len(points) - SUMMARY_POINTS} punten: zie het hoofdstuk "
            "Checklist en controles."
        )
    return Bullets(tuple(shown))


# --- the project and the parties -------------------------------------------------------------


def _project(
    model: Model, document: ProjectDocument, scenario: Scenario, analysis: Analysis
) -> list[Section]:
    project = document.project
    blocks: list[Block] = [
        Facts(
            (
                ("Project", project.name),
                ("Gemeente en wijk", _place(document)),
                ("Aantal woningen", str(project.homes)),
                ("Fase", PHASE_WORDS[project.phase]),
                ("Looptijd", f"{project.first_year}–{project.years[-1]}"),
            )
        ),
        *paragraphs(project.description),
    ]
    if scenario.description.strip():
        blocks.append(Paragraph(f"Over scenario {scenario.name}:", "lead"))
        blocks.extend(paragraphs(scenario.description))
    leads: dict[str, list[str]] = {}
    for knob in model.knobs:
        setting = scenario.setting(knob.number)
        if setting.status is KnobStatus.AAN and setting.lead_party:
            leads.setdefault(setting.lead_party, []).append(str(knob.number))
    paid = {p.party: p.paid for p in analysis.money.parties}
    rows = tuple(
        (
            p.name,
            model.party_type(p.party_type).name,
            "ja" if p.at_table else "nee",
            ", ".join(leads.get(p.id, [])) or "–",
            euro(paid.get(p.id, ZERO)),
        )
        for p in document.parties
    )
    absent = [p.name for p in document.parties if not p.at_table and paid.get(p.id)]
    parties: list[Block] = [
        PlanTable(
            "De partijen van het project",
            ("Partij", "Soort partij", "Aan tafel", "Trekker van stuurknop", "Betaalt"),
            rows,
            ("left", "left", "left", "left", "right"),
            empty="Er zijn nog geen partijen ingevuld.",
        )
    ]
    parties += [
        Paragraph(f"{name} betaalt mee maar zit niet aan tafel: uitnodigen?", "warning")
        for name in absent
    ]
    return [
        Section("project", "Het project", 1, tuple(blocks), page_break=True),
        Section("partijen", "De partijen aan tafel", 2, tuple(parties)),
    ]


# --- map and values --------------------------------------------------------------------------


def _map(model: Model, scenario: Scenario, analysis: Analysis) -> Section:
    chart = model_map(model, scenario, analysis, id_prefix="plan-kaart")
    return Section(
        "kaart",
        "Kaart van het model",
        1,
        (
            Paragraph(
                "Hoe de stuurknoppen van dit scenario via de routes bijdragen aan de waarden. "
                "Hoe dikker de lijn, hoe sterker; een stippellijn draagt nu niets bij."
            ),
            *map_figure(chart),
        ),
        page_break=True,
    )


def _values(
    model: Model, document: ProjectDocument, scenario: Scenario, analysis: Analysis
) -> Section:
    potentials = potentials_table(analysis)
    values = model.values
    per_party = PlanTable(
        "Waarde per partij: belang per waarde (0 tot 3) maal potentieel",
        ("Partij", *(v.name for v in values), "Score", "Aandeel", "Bereikt"),
        tuple(
            (
                p.name,
                *(str(w) for _, w in p.weights),
                decimal(p.score),
                percent(p.share),
                percent(p.relative),
            )
            for p in analysis.party_values
        ),
        ("left", *RIGHT * (len(values) + 3)),
        empty="Er zijn nog geen partijen ingevuld.",
    )
    names = _party_names(document)
    reasons = PlanTable(
        "Waarom een waarde ertoe doet, per partij",
        ("Partij", "Waarde", "Belang", "Waarom"),
        tuple(
            (names.get(i.party, i.party), model.value(i.value).name, str(i.weight), i.reason)
            for i in scenario.interests
            if i.weight and i.reason.strip()
        ),
        ("left", "left", "right", "left"),
        empty="Er zijn nog geen redenen ingevuld.",
    )
    return Section(
        "waarden",
        "Waarden per partij",
        1,
        (
            Paragraph(
                "Potentieel en scores zijn een rangorde van de werkingen die het scenario in "
                "gang zet, geen geldbedragen. Bereikt: hoeveel van wat een partij belangrijk "
                "vindt, het scenario in gang zet.",
                "note",
            ),
            potentials,
            per_party,
            reasons,
        ),
        page_break=True,
    )
