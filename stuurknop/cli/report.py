"""The analysis as a readable Dutch report: aligned tables in the terminal, or Markdown.

The report is made of the blocks every face shares (:mod:`stuurknop.presentation.blocks`):
one list of sections feeds both renderers, so the two never differ in what they show, and a
table here is the same kind of table as in the plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tabulate import tabulate

from stuurknop.charts.balance import shares_table, split_table
from stuurknop.engine.analysis import Analysis
from stuurknop.engine.compare import Comparison
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
from stuurknop.presentation.blocks import (
    Align,
    Block,
    Bullets,
    Facts,
    Paragraph,
    PlanTable,
    Section,
)
from stuurknop.presentation.commitments import committed_split
from stuurknop.presentation.money import coverage_notes
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text

Cell = str | int
RIGHT: Align = "right"
NO_VALUE = "Nog geen waarde bij een partij: het deel van de waarde is onbekend."


def _section(
    title: str,
    headers: Sequence[str] = (),
    rows: Sequence[Sequence[Cell]] = (),
    notes: Sequence[str] = (),
    align: Sequence[Align] = (),
) -> Section:
    """A section of the report: a table (when it has rows) and then its notes."""
    table = PlanTable(
        "", tuple(headers), tuple(tuple(str(c) for c in r) for r in rows), tuple(align)
    )
    blocks: list[Block] = [table] if headers and rows else []
    blocks += [Paragraph(note) for note in notes]
    anchor = re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
    return Section(anchor, title, 1, tuple(blocks))


def fraction(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def analysis_sections(model: Model, analysis: Analysis) -> list[Section]:
    """The report's sections, in the order a project team reads them."""
    a = analysis
    sections = [
        _section(
            "Routes naar waarde",
            ("Route", "Activering", "Uit stuurknoppen (stand)"),
            [
                (
                    r.name,
                    fraction(r.activation),
                    ", ".join(f"{c.knob} ({c.opening})" for c in r.contributions) or "—",
                )
                for r in a.routes
            ],
            [
                "Activering: som van de standen van de stuurknoppen die aan staan, gedeeld "
                "door 3 × het aantal stuurknoppen dat via de route kan werken (0 = niets, "
                "1 = alles vol open). Dit is een rangorde, geen geldbedrag."
            ],
            ("left", "right", "left"),
        ),
        _section(
            "Waarden",
            ("Waarde", "Potentieel", "Via routes"),
            [
                (
                    v.name,
                    fraction(v.potential),
                    ", ".join(f"{model.route(r).name} {fraction(x)}" for r, x in v.routes),
                )
                for v in a.values
            ],
            ["Potentieel: gemiddelde activering van de routes die naar de waarde leiden."],
            ("left", "right", "left"),
        ),
        _section(
            "Waarde per partij",
            ("Partij", *[v.name for v in model.values], "Score", "Aandeel"),
            [
                (p.name, *[w for _, w in p.weights], fraction(p.score), percent(p.share))
                for p in a.party_values
            ],
            [
                "Belang per waarde (0–3) × potentieel, opgeteld. Aandeel: deel van de waarde, "
                "met de gewichten van elke partij als delen van hetzelfde totaal."
            ],
            ("left", *[RIGHT] * (len(model.values) + 2)),
        ),
        _money_by_year(a),
        _money_by_party(a),
        _balance(a),
        _checklist(a),
        _checks(a),
        _divergence(a),
    ]
    return sections


def _money_by_year(a: Analysis) -> Section:
    m = a.money
    rows: list[Sequence[Cell]] = [
        (
            r.year,
            euro(r.costs),
            euro(r.funding),
            euro(r.uncovered),
            euro(r.committed),
            euro(r.temporary),
            " ".join(f"{k}:{euro(v)}" for k, v in r.by_source.items()) or "—",
        )
        for r in m.years
    ]
    rows.append(
        (
            "Totaal",
            euro(m.total_costs),
            euro(m.total_funding),
            euro(m.total_uncovered),
            euro(m.committed),
            "",
            "",
        )
    )
    notes = [
        f"Doorlopende kosten op structurele bronnen: {percent(m.structural_share)} "
        f"({euro(m.recurring_on_structural)} van {euro(m.recurring_costs)}).",
        "Financiering naar status: "
        + ", ".join(
            f"{status.replace('_', ' ')} {euro(amount)}"
            for status, amount in m.funding_by_status.items()
        )
        + ".",
    ]
    notes.append(f"Toegezegd: {committed_split(load_model(a.model_version), m)}.")
    notes.append(
        f"Tekort over de looptijd (geld dat niet komt): {euro(m.total_shortfall)}; "
        f"geld dat later komt dan de kosten: {euro(m.total_timing_gap)}."
    )
    notes += coverage_notes(m)
    if m.total_surplus:
        notes.append(f"Financiering boven de kosten uit: {euro(m.total_surplus)}.")
    notes += [f"Klif {c.year}: {text(c.reason)}." for c in m.cliffs_largest_first] or [
        "Geen klif: er stopt geen tijdelijk geld onder doorlopende kosten."
    ]
    return _section(
        "Geld per jaar",
        ("Jaar", "Kosten", "Financiering", "Tekort", "Toegezegd", "Tijdelijk", "Per bron"),
        rows,
        notes,
        ("left", "right", "right", "right", "right", "right", "left"),
    )


def _money_by_party(a: Analysis) -> Section:
    rows: list[Sequence[Cell]] = [
        (
            p.name,
            euro(p.costs),
            euro(p.costs - p.uncovered),
            euro(p.uncovered),
            euro(p.paid),
            ", ".join(f"{k} {euro(v)}" for k, v in p.by_source.items()) or "—",
        )
        for p in a.money.parties
    ]
    gaps = []
    for p in a.money.parties:
        years = [f"{y.year} {euro(y.uncovered)}" for y in p.years if y.uncovered]
        if years:
            gaps.append(f"Tekort bij {p.name}: " + ", ".join(years) + ".")
    return _section(
        "Geld per partij (over de looptijd)",
        ("Partij", "Kosten", "Gedekt", "Tekort", "Betaalt", "Betaalt uit bron"),
        rows,
        [
            "Kosten liggen bij de partij van de kostenpost, anders bij de trekker van de "
            "stuurknop.",
            *gaps,
        ],
        ("left", "right", "right", "right", "right", "left"),
    )


def _balance(a: Analysis) -> Section:
    b = a.balance
    blocks: list[Block] = [
        Paragraph(compared(b)),
        Paragraph(how_value_shares(b)),
        Paragraph(caveat(b)),
    ]
    if not b.value_known:
        blocks.append(
            Paragraph("Nog geen waarde bij een partij: het deel van de waarde is onbekend.")
        )
    blocks += [Paragraph(line) for line in (*findings(b), in_line(b)) if line]
    blocks += [Paragraph(line) for line in weighting_notes(b)]
    for table, total in ((shares_table(b), False), (split_table(b), True)):
        if table.rows:
            align: tuple[Align, ...] = ("left", *(RIGHT,) * (len(table.columns) - 1))
            blocks.append(PlanTable("", table.columns, table.rows, align, total=total))
    return Section("balans-tussen-partijen", "Balans tussen partijen", 1, tuple(blocks))


def _checklist(a: Analysis) -> Section:
    c = a.checklist
    return _section(
        f"Checklist: {c.percentage}% gereed ({c.done} van {len(c.items)})",
        ("Open punt",),
        [(text(i.open_point),) for i in c.open_points if i.open_point],
        [] if c.open_points else ["Alles op de checklist is afgerond."],
    )


def _checks(a: Analysis) -> Section:
    notes = []
    for check in a.checks:
        notes.append(f"[{check.severity.value}] {check.title}")
        notes.append(f"    {check.message}")
        notes += [f"    - {text(finding)}" for finding in check.reasons]
        section = f", {check.source.section}" if check.source.section else ""
        notes.append(f"    Bron: {check.source.file}{section}")
    return _section("Controles", notes=notes or ["Geen van de controles slaat aan."])


def _divergence(a: Analysis) -> Section:
    d = a.divergence
    if not d.parties:
        return _section("Verschil in perspectieven", notes=["Nog geen perspectieven ingevuld."])
    return _section(
        "Verschil in perspectieven (grootste verschil eerst)",
        ("Onderwerp", "Spreiding", "Laagst", "Hoogst"),
        [
            (
                i.name,
                f"{i.spread:g}".replace(".", ","),
                f"{i.views and min(v.score for v in i.views):g} {', '.join(i.lowest)}",
                f"{max(v.score for v in i.views):g} {', '.join(i.highest)}",
            )
            for i in d.largest
        ],
        [f"Perspectieven van: {', '.join(d.parties)}."],
        ("left", "right", "left", "left"),
    )


def comparison_sections(c: Comparison) -> list[Section]:
    def sign(x: float) -> str:
        return f"{x:+.2f}".replace(".", ",")

    return [
        _section(
            "Stuurknoppen die verschillen",
            ("Stuurknop", c.a, c.b),
            [
                (
                    f"{k.knob}: {k.name}",
                    f"{k.a_status} {k.a or ''}".strip(),
                    f"{k.b_status} {k.b or ''}".strip(),
                )
                for k in c.knobs
            ],
            [] if c.knobs else ["De stuurknoppen staan in beide scenario's gelijk."],
        ),
        _section(
            "Routes",
            ("Route", c.a, c.b, "Verschil"),
            [(r.name, fraction(r.a), fraction(r.b), sign(r.delta)) for r in c.routes],
            align=("left", "right", "right", "right"),
        ),
        _section(
            "Waarden",
            ("Waarde", c.a, c.b, "Verschil"),
            [(v.name, fraction(v.a), fraction(v.b), sign(v.delta)) for v in c.values],
            align=("left", "right", "right", "right"),
        ),
        _section(
            "Geld",
            ("", c.a, c.b, "Verschil"),
            [(m.name, euro(m.a), euro(m.b), euro(m.delta)) for m in c.money],
            [f"Checklist: {c.checklist.a:g}% en {c.checklist.b:g}% gereed."],
            ("left", "right", "right", "right"),
        ),
        _section(
            "Controles",
            notes=[
                *(f"Alleen in {c.a}: {t}" for t in c.checks_only_a),
                *(f"Alleen in {c.b}: {t}" for t in c.checks_only_b),
            ]
            or ["Dezelfde controles slaan aan."],
        ),
    ]


def render_text(title: str, sections: list[Section]) -> str:
    out = [title, "=" * len(title), ""]
    for s in sections:
        out += [s.title, "-" * len(s.title)]
        for block in s.blocks:
            out += _text_lines(block)
        out.append("")
    return "\n".join(out)


def render_markdown(title: str, sections: list[Section]) -> str:
    out = [f"# {title}", ""]
    for s in sections:
        out += [f"## {s.title}", ""]
        for block in s.blocks:
            out += _markdown_lines(block)
    return "\n".join(out)


def _text_lines(block: Block) -> list[str]:
    if isinstance(block, PlanTable):
        return [_table(block, "simple", block.rows)] if block.rows else []
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Bullets):
        return [f"- {item}" for item in block.items]
    if isinstance(block, Facts):
        return [f"{label}: {value}" for label, value in block.items]
    # a Figure: in words, its text alternative and the table of its figures
    return [block.chart.description, *(_text_lines(block.table) if block.table else [])]


def _markdown_lines(block: Block) -> list[str]:
    if isinstance(block, PlanTable):
        if not block.rows:
            return []
        rows = tuple(tuple(c.replace("|", "\\|") for c in row) for row in block.rows)
        return [_table(block, "github", rows), ""]
    if isinstance(block, Paragraph):
        text = block.text
        return [text.strip() if text.startswith("    ") else text, ""]
    return [*_text_lines(block), ""]


def _table(table: PlanTable, style: str, rows: tuple[tuple[str, ...], ...]) -> str:
    return tabulate(
        rows,
        headers=list(table.columns),
        tablefmt=style,
        colalign=list(table.align) or None,
        disable_numparse=True,
    )
