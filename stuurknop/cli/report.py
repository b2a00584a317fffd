"""The analysis as a readable Dutch report: aligned tables in the terminal, or Markdown.

One list of sections feeds both renderers, so the two never differ in what they show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tabulate import tabulate

from stuurknop.engine.analysis import Analysis
from stuurknop.engine.compare import Comparison
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text

Cell = str | int


@dataclass
class Section:
    title: str
    headers: Sequence[str] = ()
    rows: list[Sequence[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    align: Sequence[str] = ()  # "left" / "right" per column


def fraction(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def analysis_sections(model: Model, analysis: Analysis) -> list[Section]:
    """The report's sections, in the order a project team reads them."""
    a = analysis
    sections = [
        Section(
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
        Section(
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
        Section(
            "Waarde per partij",
            ("Partij", *[v.name for v in model.values], "Score", "Aandeel"),
            [
                (p.name, *[w for _, w in p.weights], fraction(p.score), percent(p.share))
                for p in a.party_values
            ],
            ["Belang per waarde (0–3) × potentieel, opgeteld; aandeel = deel van alle scores."],
            ("left", *["right"] * (len(model.values) + 2)),
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
    if m.total_surplus:
        notes.append(f"Financiering boven de kosten uit: {euro(m.total_surplus)}.")
    notes += [f"Klif {c.year}: {text(c.reason)}." for c in m.cliffs] or [
        "Geen klif: er stopt geen tijdelijk geld onder doorlopende kosten."
    ]
    return Section(
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
    return Section(
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
    notes = [
        "Verdeling naar waarde: ieder betaalt de totale kosten naar zijn waardeaandeel. "
        "Een begin voor het gesprek, geen advies."
    ]
    if not b.value_known:
        notes.append("Nog geen belangen ingevuld: het waardeaandeel is onbekend.")
    notes += [
        f"{p.name} betaalt duidelijk meer dan het deel van de waarde dat daar landt."
        for p in b.parties
        if b.value_known and p.pays_more_than_it_gains
    ]
    return Section(
        "Balans tussen partijen",
        ("Partij", "Betaalt", "Aandeel financiering", "Aandeel waarde", "Naar waarde", "Verschil"),
        [
            (
                p.name,
                euro(p.paid),
                percent(p.funding_share),
                percent(p.value_share),
                euro(p.proportional),
                euro(p.difference),
            )
            for p in b.parties
        ],
        notes,
        ("left", "right", "right", "right", "right", "right"),
    )


def _checklist(a: Analysis) -> Section:
    c = a.checklist
    return Section(
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
    return Section("Controles", notes=notes or ["Geen van de controles slaat aan."])


def _divergence(a: Analysis) -> Section:
    d = a.divergence
    if not d.parties:
        return Section("Verschil in perspectieven", notes=["Nog geen perspectieven ingevuld."])
    return Section(
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
        Section(
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
        Section(
            "Routes",
            ("Route", c.a, c.b, "Verschil"),
            [(r.name, fraction(r.a), fraction(r.b), sign(r.delta)) for r in c.routes],
            align=("left", "right", "right", "right"),
        ),
        Section(
            "Waarden",
            ("Waarde", c.a, c.b, "Verschil"),
            [(v.name, fraction(v.a), fraction(v.b), sign(v.delta)) for v in c.values],
            align=("left", "right", "right", "right"),
        ),
        Section(
            "Geld",
            ("", c.a, c.b, "Verschil"),
            [(m.name, euro(m.a), euro(m.b), euro(m.delta)) for m in c.money],
            [f"Checklist: {c.checklist.a:g}% en {c.checklist.b:g}% gereed."],
            ("left", "right", "right", "right"),
        ),
        Section(
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
        if s.headers and s.rows:
            out.append(
                tabulate(
                    s.rows,
                    headers=list(s.headers),
                    tablefmt="simple",
                    colalign=list(s.align) or None,
                    disable_numparse=True,
                )
            )
        out += s.notes
        out.append("")
    return "\n".join(out)


def render_markdown(title: str, sections: list[Section]) -> str:
    out = [f"# {title}", ""]
    for s in sections:
        out += [f"## {s.title}", ""]
        if s.headers and s.rows:
            rows = [[str(c).replace("|", "\\|") for c in row] for row in s.rows]
            out.append(
                tabulate(
                    rows,
                    headers=list(s.headers),
                    tablefmt="github",
                    colalign=list(s.align) or None,
                    disable_numparse=True,
                )
            )
            out.append("")
        for note in s.notes:
            out.append(note.strip() if note.startswith("    ") else note)
            out.append("")
    return "\n".join(out)
