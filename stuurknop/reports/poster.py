"""A poster of the model map for one scenario: A3 or A1 landscape, to hang on the wall.

The map is :func:`stuurknop.charts.model_map.model_map` (the same SVG as the web app's values
and routes page), scaled to the paper; beside it a legend in words and what the figures mean,
so that the poster reads without colour and without the app. The figures are the engine's.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from stuurknop.charts.model_map import decimal, model_map
from stuurknop.engine import analyse
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import KnobStatus, ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.printing import render_pdf

# Root font size per paper: A1 is twice A3 in each direction, so everything doubles.
FONT_SIZE = {"A3": "9.5pt", "A1": "19pt", "A4": "7pt"}
# The poster is one page. Names are at most 200 characters each (the document schema); a
# neighbourhood may be longer and is shortened. A subtitle longer than this runs over more than
# two lines: the strip of route summaries (model text, also in the app) then makes way.
NEIGHBOURHOOD_CHARS = 120
SUBTITLE_WITH_ROUTES = 250


@dataclass(frozen=True)
class Figure:
    name: str
    figure: str  # 0–1, Dutch decimal comma
    note: str


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
    context: dict[str, object] = {
        "model": model,
        "project": project,
        "neighbourhood": neighbourhood,
        "scenario": scenario,
        "show_routes": subtitle + len(scenario.name) <= SUBTITLE_WITH_ROUTES,
        "today": options.today.strftime("%d-%m-%Y"),
        "paper": options.paper,
        "font_size": FONT_SIZE[options.paper],
        # The SVG is built by our own code with every text escaped (charts.model_map).
        "svg": Markup(chart.svg),
        "description": chart.description,
        "knobs_on": len(on),
        "routes": [
            Figure(
                r.name,
                decimal(r.activation),
                f"{r.achieved} van {r.maximum}"
                + (
                    f", van knoppen {', '.join(str(c.knob) for c in r.contributions)}"
                    if r.contributions
                    else ""
                ),
            )
            for r in analysis.routes
        ],
        "values": [
            Figure(v.name, decimal(values[v.id].potential), v.summary) for v in model.values
        ],
    }
    content = render_pdf("poster.html", "poster.css", context)
    stem = file_stem("stuurknop-kaart", document.project.name, scenario.name, options.paper)
    return Rendered(f"{stem}.pdf", "application/pdf", content)
