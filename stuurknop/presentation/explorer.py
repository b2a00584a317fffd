"""The explorer in words: a design, a change of knobs, the front and the nearest better designs.

Every face (the page, the command line's text and JSON) says the explorer through these
functions. Knob names come from the model, opening words from ``scales.yaml``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np

from stuurknop.charts.explorer_chart import FrontChart, FrontPoint, front_chart
from stuurknop.engine.explorer import Exploration, figures, robust
from stuurknop.engine.explorer_effort import NONE, TYPICAL, EffortTable
from stuurknop.engine.explorer_nearest import BetterDesign, KnobChange
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Bullets, Figure, Paragraph, PlanTable, Section
from stuurknop.presentation.numbers import decimal, euro

FAIR = (
    "Eerlijk: elke partij die in het ontwerp betaalt, krijgt minstens zo'n groot deel van de "
    "waarde als haar deel van de kosten."
)
PER = 10_000  # value per € 10.000 a year: a figure people can read
NOW = "nu"  # the current setting's label in the chart and the table


def money(amount: float) -> str:
    return euro(Decimal(round(amount)))


def opening(model: Model, level: int) -> str:
    """``2 – gemiddeld``; ``uit`` for 0."""
    return model.word("opening", level) if level == 0 else model.scale("opening").numbered(level)


def knob_label(model: Model, knob: int) -> str:
    return f"stuurknop {knob} ({model.knob(knob).name})"


def change_words(model: Model, change: KnobChange) -> str:
    if change.after == 0:
        return f"{knob_label(model, change.knob)} {model.word('opening', 0)}"
    return (
        f"{knob_label(model, change.knob)} van {opening(model, change.before)} "
        f"naar {opening(model, change.after)}"
    )


def changes_words(model: Model, changes: tuple[KnobChange, ...]) -> str:
    """``zet stuurknop 6 (…) van 1 – licht naar 2 – gemiddeld en stuurknop 3 (…) uit``."""
    return "zet " + " en ".join(change_words(model, c) for c in changes)


def setting_words(model: Model, openings: tuple[int, ...]) -> str:
    """A design in short: ``1: 2 · 2: uit · …`` (knob number: opening)."""
    return " · ".join(
        f"{k.number}: {model.word('opening', 0) if o == 0 else o}"
        for k, o in zip(model.knobs, openings, strict=True)
    )


def better_sentence(model: Model, design: BetterDesign) -> str:
    """One nearest better design as a sentence."""
    head = changes_words(model, design.changes)
    gain = f"{decimal(design.value_gain)} meer waarde (tot {decimal(design.value)})"
    if design.effort_change > 0.5:
        cost = f"voor {money(design.effort_change)} per jaar meer"
        rate = f"; {decimal(design.value_gain / design.effort_change * PER)} waarde per € 10.000"
    elif design.effort_change < -0.5:
        cost, rate = f"en {money(-design.effort_change)} per jaar goedkoper", ""
    else:
        cost, rate = "zonder extra kosten", ""
    fair = (
        "elke partij die betaalt krijgt minstens haar deel van de kosten aan waarde"
        if design.robust
        else "niet elke partij die betaalt krijgt haar deel van de kosten aan waarde"
    )
    return f"{head[0].upper()}{head[1:]}: {gain} {cost}{rate}; {fair}."


def objective_words(model: Model, exploration: Exploration) -> str:
    if exploration.value is not None:
        return f"de kans op waarde voor {model.value(exploration.value).name} (0–1)"
    if exploration.tables.weighted:
        return "de waarde gewogen naar wat elke partij belangrijk vindt"
    return "de kans op waarde, alle waarden even zwaar (nog geen partij gaf belangen op)"


def assumption_lines(model: Model, effort: EffortTable) -> tuple[str, ...]:
    """What the effort rests on, per knob that is not plainly costed."""
    lines = []
    for knob in effort.knobs:
        if knob.basis == TYPICAL:
            lines.append(
                f"{knob_label(model, knob.knob)}: geen kostenposten; gerekend met de investering "
                f"die het model als voorbeeld noemt, {money(knob.base)} per jaar bij stand "
                f"{knob.reference}."
            )
        elif knob.basis == NONE:
            lines.append(
                f"{knob_label(model, knob.knob)}: geen kostenposten en het model noemt geen "
                "bedrag; telt als € 0."
            )
        if knob.exponent != 1.0:
            lines.append(
                f"{knob_label(model, knob.knob)}: kosten schalen met (stand ÷ {knob.reference}) "
                f"tot de macht {decimal(knob.exponent)}."
            )
    return tuple(lines)


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def allowed_count(exploration: Exploration) -> int:
    """How many settings meet the constraints."""
    mask = exploration.mask
    return len(exploration.effort) if mask is None else int(mask.sum())


def current_robust(exploration: Exploration) -> bool:
    """Whether the scenario as it is now is fair (every paying party gets its cost share)."""
    t = exploration.tables
    now = figures(t, np.array([t.current], dtype=np.int8))
    return bool(robust(now)[0])


def yes_no(flag: bool) -> str:
    return "ja" if flag else "nee"


def front_table(model: Model, exploration: Exploration) -> PlanTable:
    """The front's designs and, last, the scenario as it is now: the figures of the chart."""
    d, t = exploration.designs, exploration.tables
    fair = robust(d)
    value = d.objective(t, exploration.value)
    rows = [
        (
            str(i + 1),
            setting_words(model, tuple(int(o) for o in d.openings[i])),
            money(float(d.effort[i])),
            decimal(float(value[i])),
            yes_no(bool(fair[i])),
        )
        for i in range(len(d.effort))
    ]
    now = exploration.current
    rows.append(
        (
            NOW,
            setting_words(model, t.current),
            money(float(exploration.effort[now])),
            decimal(float(exploration.objective[now])),
            yes_no(current_robust(exploration)),
        )
    )
    return PlanTable(
        caption="Beste ontwerpen en het scenario nu: het meeste waarde voor de moeite",
        columns=("Ontwerp", "Stand per stuurknop", "Moeite per jaar", "Waarde", "Eerlijk"),
        rows=tuple(rows),
        align=("right", "left", "right", "right", "left"),
    )


def front_figure(model: Model, exploration: Exploration, *, id_prefix: str) -> FrontChart:
    """The front as a chart (wide and for a phone): the same designs, numbers and words as
    :func:`front_table`, with the scenario as it is now."""
    d, t = exploration.designs, exploration.tables
    value = d.objective(t, exploration.value)
    fair = robust(d)
    points = [
        FrontPoint(
            str(i + 1),
            float(d.effort[i]),
            float(value[i]),
            money(float(d.effort[i])),
            decimal(float(value[i])),
            yes_no(bool(fair[i])),
        )
        for i in range(len(d.effort))
    ]
    now = exploration.current
    current = FrontPoint(
        NOW,
        float(exploration.effort[now]),
        float(exploration.objective[now]),
        money(float(exploration.effort[now])),
        decimal(float(exploration.objective[now])),
        yes_no(current_robust(exploration)),
    )
    description = (
        f"{len(points)} beste ontwerpen van {thousands(allowed_count(exploration))} toegestane "
        f"standen: hoe meer moeite per jaar, hoe meer waarde "
        f"({objective_words(model, exploration)}). Het scenario nu kost "
        f"{current.effort_text} per jaar voor waarde {current.value_text}."
    )
    return front_chart(points, current, id_prefix=id_prefix, description=description)


def explorer_sections(
    model: Model,
    exploration: Exploration,
    nearest: tuple[BetterDesign, ...],
    *,
    id_prefix: str = "verkenner",
) -> tuple[Section, ...]:
    """The front (chart, then the table of its figures) and the nearest better designs in
    words: the chapter of the plan and the command line's report."""
    current = exploration.tables.current
    intro = (
        Paragraph(
            f"Alle {thousands(len(exploration.effort))} standen van de tien stuurknoppen "
            f"doorgerekend; {thousands(allowed_count(exploration))} voldoen aan de voorwaarden."
        ),
        Paragraph(
            f"Waarde is {objective_words(model, exploration)}. Moeite is wat de knoppen per jaar "
            "kosten volgens de kostenposten van het scenario, naar rato van de stand."
        ),
        Paragraph(f"Nu: {setting_words(model, current)}."),
    )
    chart = front_figure(model, exploration, id_prefix=id_prefix).chart
    notes = assumption_lines(model, exploration.tables.effort)
    return (
        Section(
            "verkenner",
            "Verkenner: alle standen van de stuurknoppen",
            1,
            (
                *intro,
                # the table after the chart holds its figures and each design's setting too
                *(
                    ()
                    if len(exploration.designs.effort)
                    else (Paragraph("Geen ontwerp voldoet aan de voorwaarden."),)
                ),
                Figure(chart, None),
                front_table(model, exploration),
                Paragraph(FAIR, tone="note"),
            )
            + ((Bullets(notes),) if notes else ()),
        ),
        Section(
            "dichtbij-beter",
            "Dichtbij en beter: één of twee knoppen anders",
            2,
            (Bullets(tuple(better_sentence(model, n) for n in nearest)),)
            if nearest
            else (Paragraph("Geen verandering van één of twee knoppen geeft meer waarde."),),
        ),
    )


def explorer_data(
    model: Model, exploration: Exploration, nearest: tuple[BetterDesign, ...]
) -> dict[str, Any]:
    """The front and the nearest better designs as JSON data (figures and their words)."""
    t, d = exploration.tables, exploration.designs
    value = d.objective(t, exploration.value)
    fair = robust(d)
    return {
        "settings": len(exploration.effort),
        "allowed": allowed_count(exploration),
        "objective": exploration.value or "gewogen",
        "objective_text": objective_words(model, exploration),
        "current": {
            "openings": list(t.current),
            "text": setting_words(model, t.current),
            "effort_per_year": round(float(exploration.effort[exploration.current]), 2),
            "value": float(exploration.objective[exploration.current]),
            "robust": current_robust(exploration),
        },
        "front": [
            {
                "openings": [int(o) for o in d.openings[i]],
                "effort_per_year": round(float(d.effort[i]), 2),
                "value": float(value[i]),
                "potentials": dict(zip(t.values, map(float, d.potential[i]), strict=True)),
                "value_shares": dict(zip(t.parties, map(float, d.share[i]), strict=True)),
                "costs_per_party": dict(
                    zip(t.parties, (round(float(c), 2) for c in d.party_cost[i]), strict=True)
                ),
                "robust": bool(fair[i]),
            }
            for i in range(len(d.effort))
        ],
        "nearest": [
            {
                "changes": [{"knob": c.knob, "from": c.before, "to": c.after} for c in n.changes],
                "openings": list(n.openings),
                "value_gain": n.value_gain,
                "effort_change_per_year": round(n.effort_change, 2),
                "robust": n.robust,
                "text": better_sentence(model, n),
            }
            for n in nearest
        ],
        "effort": [
            {
                "knob": k.knob,
                "basis": k.basis,
                "per_year_at_reference": round(k.base, 2),
                "reference_opening": k.reference,
                "exponent": k.exponent,
            }
            for k in t.effort.knobs
        ],
        "assumptions": list(assumption_lines(model, t.effort)),
    }
