"""A version of the partners' agreement in words, as blocks for the page, the PDF and Word.

Per party what it commits (money per year or once, source, how it was committed; hours; the
knobs it leads; its actions), for how long, the review dates and how the partners decide on
changes; then the confirmations and the fingerprint, and the differences from the last
confirmed version.
"""

from __future__ import annotations

import datetime as dt

from stuurknop.engine.agreement import differences
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import (
    Block,
    Bullets,
    Facts,
    Paragraph,
    Plan,
    PlanTable,
    Section,
    paragraphs,
)
from stuurknop.presentation.numbers import dutch_date, dutch_datetime, euro
from stuurknop.presentation.reasons import capitalised
from stuurknop.projectfile.agreement import Agreement, AgreementParty
from stuurknop.projectfile.schema import CostKind, ProjectDocument

__all__ = ["agreement_plan", "difference_lines", "party_blocks", "status_text"]


def status_text(agreement: Agreement, *, draft: bool = False) -> str:
    """Vastgesteld, or how many of the parties at the table confirmed."""
    if draft:
        return "Ontwerp: nog niet opgesteld, nog door niemand bevestigd"
    if agreement.frozen:
        return "Vastgesteld: alle partijen aan tafel hebben bevestigd"
    table = [p for p in agreement.content.parties if p.at_table]
    done = sum(1 for p in table if p.party in agreement.confirmed_parties)
    return f"Concept: {done} van {len(table)} partijen aan tafel hebben bevestigd"


def difference_lines(agreement: Agreement, previous: Agreement | None) -> tuple[str, ...]:
    """The differences of ``agreement`` from ``previous`` (the last confirmed version)."""
    if previous is None or previous.number == agreement.number:
        return ()
    return tuple(capitalised(r) for r in differences(previous.content, agreement.content))


def party_blocks(model: Model, party: AgreementParty) -> tuple[Block, ...]:
    """What one party commits."""
    blocks: list[Block] = []
    if not party.at_table:
        blocks.append(Paragraph("Niet aan tafel; genoemd omdat deze partij meebetaalt.", "note"))
    rows = []
    for m in party.money:
        until = "doorlopend" if m.years is None else str(m.first_year + m.years - 1)
        status = model.word("funding_status", m.status.value)
        if m.committed_how is not None:
            status = f"{status}, {model.word('commitment_how', m.committed_how.value)}"
        rows.append(
            (
                m.cost_item,
                f"{m.knob}",
                m.source,
                f"{euro(m.amount)} {model.word('cost_kind', m.kind.value)}",
                f"{m.first_year}–{until}" if m.kind is CostKind.JAARLIJKS else str(m.first_year),
                status,
            )
        )
    blocks.append(
        PlanTable(
            f"Geld van {party.name}",
            ("Kostenpost", "Stuurknop", "Bron", "Bedrag", "Jaren", "Status"),
            tuple(rows),
            ("left", "right", "left", "right", "left", "left"),
            empty="Geen geld in deze afspraak.",
        )
    )
    facts = [
        (
            "Uren per jaar",
            "niet ingevuld" if party.hours_per_year is None else f"{party.hours_per_year} uur",
        ),
        (
            "Trekker van stuurknop",
            ", ".join(str(k) + ". " + model.knob(k).name for k in party.knobs) or "geen",
        ),
    ]
    blocks.append(Facts(tuple(facts)))
    if party.actions:
        blocks.append(Paragraph("Acties", "lead"))
        blocks.append(
            Bullets(
                tuple(
                    a.title + (f" (klaar op {dutch_date(a.due)})" if a.due else "")
                    for a in party.actions
                )
            )
        )
    if party.commitment:
        blocks += [Paragraph("Inzet in eigen woorden", "lead"), *paragraphs(party.commitment)]
    return tuple(blocks)


def agreement_plan(
    model: Model,
    document: ProjectDocument,
    agreement: Agreement,
    *,
    previous: Agreement | None,
    today: dt.date,
    draft: bool = False,
) -> Plan:
    """The whole agreement version as a document: cover and sections. ``draft``: not a saved
    version but what one would hold now (no version number, no confirmations)."""
    content = agreement.content
    cover = (
        ("Project", document.project.name),
        ("Gemeente", document.project.municipality),
        ("Versie", "ontwerp" if draft else str(agreement.number)),
        ("Scenario", content.scenario),
        ("Looptijd", f"{content.first_year}–{content.last_year}"),
        ("Status", status_text(agreement, draft=draft)),
        ("Datum", dutch_date(today)),
    )
    reviews = ", ".join(dutch_date(d) for d in content.review_dates) or "nog geen datum"
    intro: list[Block] = [
        Paragraph(
            "De partners spreken af wat ieder inbrengt in dit project: geld, mensen, het "
            "trekken van stuurknoppen en acties. Zo weet iedereen wat hij van de ander kan "
            "verwachten."
        ),
        Facts(
            (
                ("Looptijd", f"{content.first_year} tot en met {content.last_year}"),
                ("Opnieuw bekijken op", reviews),
                (
                    "Opgesteld",
                    "nog niet"
                    if draft
                    else f"{dutch_datetime(agreement.created_at)} door {agreement.created_by}",
                ),
            )
        ),
        Paragraph("Hoe we besluiten over wijzigingen", "lead"),
        *(paragraphs(content.changes) or (Paragraph("Nog niet beschreven.", "note"),)),
    ]
    sections = [Section("afspraak", "De afspraak", 1, tuple(intro))]
    sections += [
        Section(f"partij-{p.party}", p.name, 2, party_blocks(model, p)) for p in content.parties
    ]
    names = {p.party: p.name for p in content.parties}
    confirmations = PlanTable(
        "Bevestigingen",
        ("Partij", "Bevestigd door", "Organisatie", "Op"),
        tuple(
            (
                names.get(c.party, c.party),
                f"{c.by} (uit een ingelezen bestand)" if c.imported else c.by,
                c.organisation,
                dutch_datetime(c.at),
            )
            for c in agreement.confirmations
        ),
        empty="Nog geen partij heeft bevestigd.",
    )
    sections.append(
        Section(
            "bevestigingen",
            "Bevestigingen",
            1,
            (
                Paragraph(status_text(agreement, draft=draft)),
                confirmations,
                Facts((("Vingerafdruk (SHA-256)", agreement.fingerprint),)),
                Paragraph(
                    "De vingerafdruk hoort bij precies deze inhoud. Verandert er iets, dan "
                    "verandert de vingerafdruk.",
                    "note",
                ),
            ),
        )
    )
    lines = difference_lines(agreement, previous)
    if previous is not None and previous.number != agreement.number:
        sections.append(
            Section(
                "verschillen",
                f"Verschillen met versie {previous.number}",
                1,
                (Bullets(lines),) if lines else (Paragraph("Geen verschillen."),),
            )
        )
    return Plan(
        title=f"Samenwerkingsafspraak {document.project.name}",
        project=document.project.name,
        scenario=content.scenario,
        date=dutch_date(today),
        model_version=document.model_version,
        cover=cover,
        sections=tuple(sections),
    )
