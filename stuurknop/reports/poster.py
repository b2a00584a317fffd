"""A poster of the model map for one scenario: A3 or A1 landscape, to hang on the wall.

The map is :func:`stuurknop.charts.model_map.model_map` (the same SVG as the web app's values
and routes page), scaled to the paper; beside it a legend in words and what the figures mean,
so that the poster reads without colour and without the app. The figures are the engine's.
Typeset by Typst from ``templates/poster.typ`` with everything it prints as data
(:mod:`stuurknop.reports.typesetting`), PDF/UA-1: the map carries its text alternative.
"""

from __future__ import annotations

from typing import Any

from stuurknop.charts.model_map import decimal, model_map
from stuurknop.engine import analyse
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import KnobStatus, ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.typesetting import typeset

# Root font size (pt) per paper: A1 is twice A3 in each direction, so everything doubles.
FONT_SIZE = {"A3": 9.5, "A1": 19.0, "A4": 7.0}
# The poster is one page. Names are at most 200 characters each (the document schema); a
# neighbourhood may be longer and is shortened. A subtitle longer than this runs over more than
# two lines: the strip of route summaries (model text, also in the app) then makes way.
NEIGHBOURHOOD_CHARS = 120
SUBTITLE_WITH_ROUTES = 250

# The legend: what shape and thickness mean, in words (a lead in bold, then the rest).
LEGEND = (
    (
        "Links",
        "de {knobs} stuurknoppen, met hoe ver ze in dit scenario openstaan: stand 1 "
        "({opening_1}), 2 ({opening_2}) of 3 ({opening_3}).",
    ),
    ("In het midden", "de {routes} routes waarlangs een knop waarde oplevert."),
    ("Rechts", "de {values} waarden waar het project om draait."),
    (
        "Een doorgetrokken lijn",
        "werkt mee: hoe dikker de lijn, hoe verder de knop openstaat of "
        "hoe sterker de route werkt.",
    ),
    (
        "Een stippellijn",
        "of een vak met een stippelrand draagt nu niets bij: de knop staat uit "
        "of is nog niet besproken.",
    ),
    (
        "Activering",
        "(0 tot 1): hoeveel van wat een route kan opleveren de knoppen nu in gang "
        "zetten. Potentieel (0 tot 1): het gemiddelde van de routes naar een waarde.",
    ),
    (
        "",
        "Dit zijn geen geldbedragen. De cijfers laten zien welke werkingen het scenario in "
        "gang zet, niet hoeveel ze opleveren.",
    ),
)


def render_map_poster(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The model map of ``scenario`` on ``options.paper`` (A3 or A1), landscape."""
    analysis = analyse(model, document, scenario)
    chart = model_map(model, scenario, analysis, id_prefix="poster")
    on = [k for k in model.knobs if scenario.setting(k.number).status is KnobStatus.AAN]
    values = {v.value: v for v in analysis.values}
    project = document.project
    neighbourhood = project.neighbourhood
    if len(neighbourhood) > NEIGHBOURHOOD_CHARS:
        neighbourhood = neighbourhood[: NEIGHBOURHOOD_CHARS - 1].rstrip() + "…"
    subtitle = len(project.name) + len(project.municipality) + len(neighbourhood)
    place = project.municipality + (f" ({neighbourhood})" if neighbourhood else "")
    counts = {
        "knobs": len(model.knobs),
        "routes": len(model.routes),
        "values": len(model.values),
        **{f"opening_{key}": model.scale("opening").word(key) for key in (1, 2, 3)},
    }
    show_routes = subtitle + len(scenario.name) <= SUBTITLE_WITH_ROUTES
    data: dict[str, Any] = {
        "title": f"Kaart van het model – {project.name} – {scenario.name}",
        "description": chart.description,
        "paper": options.paper.lower(),
        "size": FONT_SIZE[options.paper],
        "kicker": f"{model.title} · modelversie {model.version}",
        "project": project.name,
        "place": place,
        "scenario": scenario.name,
        "chosen": scenario.chosen,
        "today": dutch_date(options.today),
        # The SVG is built by our own code with every text escaped (charts.model_map).
        "svg": chart.svg,
        "alt": chart.description,
        "caption": f"{len(on)} van de {len(model.knobs)} stuurknoppen staan aan in dit scenario.",
        "legend": [[lead, rest.format(**counts)] for lead, rest in LEGEND],
        "routes": [
            {
                "name": r.name,
                "figure": decimal(r.activation),
                "note": f"{r.achieved} van {r.maximum}"
                + (
                    f", van knoppen {', '.join(str(c.knob) for c in r.contributions)}"
                    if r.contributions
                    else ""
                ),
            }
            for r in analysis.routes
        ],
        "values": [
            {"name": v.name, "figure": decimal(values[v.id].potential), "note": ""}
            for v in model.values
        ],
        "route_summaries": [[r.name, r.summary] for r in model.routes] if show_routes else [],
        "footer": f"Gemaakt met Stuurknop op {dutch_date(options.today)} · kaart "
        f"volgens het {model.title} ({model.version})",
    }
    content = typeset("poster.typ", data, today=options.today)
    stem = file_stem("stuurknop-kaart", document.project.name, scenario.name, options.paper)
    return Rendered(f"{stem}.pdf", "application/pdf", content)
