"""The model map: the ten stuurknoppen → the five routes → the four values, for one scenario.

Drawn by our own code (no chart library draws a three-column flow like this one well), as plain
SVG that is safe under a strict Content-Security-Policy: presentation attributes only, no
``style`` and no script, ids prefixed so that several maps can share a page. The figures are the
engine's: a knob → route link is as strong as the knob is opened (0–3, its part of the route's
activation is that opening over the route's maximum); a route → value link is as strong as the
route is activated (0–1), and a value's potential is the mean of its routes. Knobs that are not
on, and links that carry nothing, are drawn dashed and thin, so they differ by shape, not only
by colour.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.model_map_links import Link, knob_links, knob_openings, route_links

# Re-exported: the pages, the poster and their tests import it from here.
from stuurknop.charts.model_map_links import decimal as decimal
from stuurknop.charts.xml_text import xml_attribute, xml_escape
from stuurknop.engine import Analysis
from stuurknop.engine.routes import MAX_OPENING
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import KnobStatus, Scenario

# The words are the model's (scales.yaml), from the default version: every shipped version has
# the same keys (tests/gespreksmodel/test_vocabulary.py).
_MODEL = load_model()
OPENING_WORDS = {key: _MODEL.scale("opening").word(key) for key in range(1, MAX_OPENING + 1)}
STATUS_WORDS = {status: _MODEL.word("knob_status", status.value) for status in KnobStatus}

# Geometry of the drawing, in viewBox units. The SVG scales to its container.
WIDTH = 1040
TOP = 44  # below the column headings
KNOB_X, KNOB_W, KNOB_H, KNOB_STEP = 10, 340, 52, 58
ROUTE_X, ROUTE_W, ROUTE_H = 480, 230, 76
VALUE_X, VALUE_W, VALUE_H = 820, 210, 76
COLUMN_BOTTOM = TOP + 9 * KNOB_STEP + KNOB_H
LEGEND_Y = COLUMN_BOTTOM + 34
HEIGHT = LEGEND_Y + 16
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

# Colours: text #1b1b1b on every fill has a contrast above 12:1; the idle grey #6b6b6b has
# 5.3:1 against white, above the 3:1 that lines and borders need (WCAG 1.4.11).
INK = "#1b1b1b"
IDLE = "#6b6b6b"
KNOB_LINK = "#005a9c"
VALUE_LINK = "#1d6b35"
DASH = "6 4"


@dataclass(frozen=True)
class ModelMap(Chart):
    """A :class:`Chart` whose ``table`` holds knob → route strengths; ``route_table`` holds
    route → value, and ``links`` every line as data.

    There is no drawing to render again with a chart library: the SVG is the map.
    """

    route_table: Table = field(default_factory=lambda: Table("", (), ()))
    links: tuple[Link, ...] = ()


def model_map(
    model: Model, scenario: Scenario, analysis: Analysis, *, id_prefix: str = "modelkaart"
) -> ModelMap:
    """The model map of ``scenario``, from the engine's ``analysis`` of that same scenario."""
    openings = knob_openings(analysis.routes)
    links = knob_links(model, analysis, openings) + route_links(model, analysis)
    title = f"Kaart van het model: stuurknoppen, routes en waarden in scenario {scenario.name}"
    return ModelMap(
        title=title,
        description=_description(model, scenario, analysis),
        svg=_svg(model, scenario, analysis, links, title, id_prefix),
        table=_knob_table(model, scenario, analysis, openings),
        route_table=_route_table(model, analysis),
        links=links,
    )


def knob_state(scenario: Scenario, knob: int) -> str:
    """How a knob stands, in words: ``aan, 2 van 3 (gemiddeld)``, ``bewust uit`` …"""
    setting = scenario.setting(knob)
    if setting.status is KnobStatus.AAN:
        if setting.opening is None:
            return "aan, maar niet ingevuld hoe ver"
        word = OPENING_WORDS[setting.opening]
        return f"aan, {setting.opening} van {MAX_OPENING} ({word})"
    return STATUS_WORDS[setting.status]


def _description(model: Model, scenario: Scenario, analysis: Analysis) -> str:
    on = [k for k in model.knobs if scenario.setting(k.number).status is KnobStatus.AAN]
    knobs = (
        "; ".join(f"stuurknop {k.number} {k.name}: {knob_state(scenario, k.number)}" for k in on)
        if on
        else "geen enkele stuurknop staat aan"
    )
    routes = "; ".join(f"{r.name} {decimal(r.activation)}" for r in analysis.routes)
    values = "; ".join(f"{v.name} {decimal(v.potential)}" for v in analysis.values)
    return (
        f"De kaart toont hoe de {len(model.knobs)} stuurknoppen via {len(model.routes)} routes "
        f"bijdragen aan {len(model.values)} waarden. Elke lijn is een werking uit het model; "
        "hoe dikker de lijn, hoe sterker. Stippellijnen dragen nu niets bij. "
        f"Aan in dit scenario: {knobs}. "
        f"Activering van de routes (0 tot 1): {routes}. "
        f"Potentieel van de waarden (0 tot 1): {values}. "
        "De tabellen bij de kaart geven dezelfde cijfers."
    )


def _knob_table(
    model: Model, scenario: Scenario, analysis: Analysis, openings: dict[int, int]
) -> Table:
    columns = ("Stuurknop", "Stand", *(r.name for r in analysis.routes))
    rows = []
    for knob in model.knobs:
        cells = []
        for route in analysis.routes:
            if route.route not in knob.route_ids():
                cells.append("–")
            else:
                cells.append(str(openings.get(knob.number, 0)))
        rows.append((f"{knob.number}. {knob.name}", knob_state(scenario, knob.number), *cells))
    rows.append(
        (
            "Activering van de route",
            "",
            *(f"{r.achieved} van {r.maximum} = {decimal(r.activation)}" for r in analysis.routes),
        )
    )
    return Table(
        caption=(
            "Hoe ver elke stuurknop is opengedraaid (0 tot 3) per route waarlangs hij werkt "
            "(– : werkt niet via die route), en de activering van elke route"
        ),
        columns=columns,
        rows=tuple(rows),
    )


def _route_table(model: Model, analysis: Analysis) -> Table:
    potential = {v.value: v for v in analysis.values}
    rows = []
    for route in analysis.routes:
        leads_to = model.route(route.route).values
        rows.append(
            (
                route.name,
                decimal(route.activation),
                *(decimal(route.activation) if v.id in leads_to else "–" for v in model.values),
            )
        )
    rows.append(
        (
            "Potentieel van de waarde (gemiddelde)",
            "",
            *(decimal(potential[v.id].potential) for v in model.values),
        )
    )
    return Table(
        caption=(
            "Activering van elke route (0 tot 1) bij de waarden waaraan hij bijdraagt "
            "(– : draagt niet bij), en het potentieel van elke waarde"
        ),
        columns=("Route", "Activering", *(v.name for v in model.values)),
        rows=tuple(rows),
    )


# --- drawing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    w: float
    h: float

    def port(self, side: str, index: int, count: int) -> tuple[float, float]:
        """Where the ``index``-th of ``count`` lines meets the left or right side."""
        x = self.x if side == "left" else self.x + self.w
        margin = min(10.0, self.h / 4)
        if count == 1:
            return x, self.y + self.h / 2
        return x, self.y + margin + (self.h - 2 * margin) * index / (count - 1)


def _spread(count: int, height: float) -> list[float]:
    """Tops of ``count`` boxes of ``height`` spread evenly over the column."""
    if count == 1:
        return [TOP + (COLUMN_BOTTOM - TOP - height) / 2]
    step = (COLUMN_BOTTOM - TOP - height) / (count - 1)
    return [TOP + i * step for i in range(count)]


def _n(number: float) -> str:
    """A coordinate, rounded so that the SVG is the same on every machine."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attrs(**attributes: str | float) -> str:
    parts = []
    for name, value in attributes.items():
        text = _n(value) if isinstance(value, float | int) else value
        parts.append(f"{name.rstrip('_').replace('_', '-')}={xml_attribute(text)}")
    return " ".join(parts)


def _wrap(text: str, width: int) -> list[str]:
    """Words on lines of at most ``width`` characters (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _text(x: float, y: float, text: str, *, size: int = 13, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    look = _attrs(x=x, y=y, font_size=size)
    return f'<text {look}{weight} fill="{INK}">{xml_escape(text)}</text>'


def _svg(
    model: Model,
    scenario: Scenario,
    analysis: Analysis,
    links: tuple[Link, ...],
    title: str,
    prefix: str,
) -> str:
    knob_boxes = {
        f"knob:{k.number}": _Box(KNOB_X, TOP + i * KNOB_STEP, KNOB_W, KNOB_H)
        for i, k in enumerate(model.knobs)
    }
    route_boxes = {
        f"route:{r.id}": _Box(ROUTE_X, y, ROUTE_W, ROUTE_H)
        for r, y in zip(model.routes, _spread(len(model.routes), ROUTE_H), strict=True)
    }
    value_boxes = {
        f"value:{v.id}": _Box(VALUE_X, y, VALUE_W, VALUE_H)
        for v, y in zip(model.values, _spread(len(model.values), VALUE_H), strict=True)
    }
    boxes = knob_boxes | route_boxes | value_boxes
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {_attrs(viewBox=f"0 0 {WIDTH} {HEIGHT}")} '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'preserveAspectRatio="xMidYMin meet" font-family={xml_attribute(FONT)}>',
        f'<title id="{prefix}-title">{xml_escape(title)}</title>',
        f'<desc id="{prefix}-desc">{xml_escape(_description(model, scenario, analysis))}</desc>',
        _text(KNOB_X, 24, "Stuurknoppen", size=16, bold=True),
        _text(ROUTE_X, 24, "Routes", size=16, bold=True),
        _text(VALUE_X, 24, "Waarden", size=16, bold=True),
        '<g fill="none">',
        *_link_paths(links, boxes, _names(model)),
        "</g>",
    ]
    for knob in model.knobs:
        box = knob_boxes[f"knob:{knob.number}"]
        setting = scenario.setting(knob.number)
        on = setting.status is KnobStatus.AAN and bool(setting.opening)
        lines = _wrap(f"{knob.number}. {knob.name}", 38)[:2]
        lines.append(knob_state(scenario, knob.number))
        parts.append(_node(box, lines, on=on, fill="#e6f0f8", stroke=KNOB_LINK))
    by_route = {r.route: r for r in analysis.routes}
    for route in model.routes:
        activation = by_route[route.id].activation
        lines = [*_wrap(route.name, 24)[:2], f"activering {decimal(activation)}"]
        box = route_boxes[f"route:{route.id}"]
        parts.append(_node(box, lines, on=activation > 0, fill="#f2f2f2", stroke=INK))
    by_value = {v.value: v for v in analysis.values}
    for value in model.values:
        potential = by_value[value.id].potential
        lines = [*_wrap(value.name, 20)[:2], f"potentieel {decimal(potential)}"]
        box = value_boxes[f"value:{value.id}"]
        parts.append(_node(box, lines, on=potential > 0, fill="#e7f4ea", stroke=VALUE_LINK))
    parts.extend(_legend())
    parts.append("</svg>")
    return "\n".join(parts)


def _names(model: Model) -> dict[str, str]:
    """The Dutch name of every node of the map, by its link id."""
    return (
        {f"knob:{k.number}": f"stuurknop {k.number} {k.name}" for k in model.knobs}
        | {f"route:{r.id}": r.name for r in model.routes}
        | {f"value:{v.id}": v.name for v in model.values}
    )


def _link_paths(
    links: tuple[Link, ...], boxes: dict[str, _Box], names: dict[str, str]
) -> Iterator[str]:
    """Idle links first, so that the lines that carry something are drawn on top."""
    outgoing: dict[str, list[Link]] = {}
    incoming: dict[str, list[Link]] = {}
    for link in links:
        outgoing.setdefault(link.source, []).append(link)
        incoming.setdefault(link.target, []).append(link)
    # Sorting the ports by the other end's height keeps the lines from crossing at a box.
    for group in (*outgoing.values(), *incoming.values()):
        group.sort(key=lambda link: (boxes[link.target].y, boxes[link.source].y))
    for link in sorted(links, key=lambda link: link.active):
        sources, targets = outgoing[link.source], incoming[link.target]
        x1, y1 = boxes[link.source].port("right", sources.index(link), len(sources))
        x2, y2 = boxes[link.target].port("left", targets.index(link), len(targets))
        bend = (x2 - x1) / 2
        d = (
            f"M{_n(x1)} {_n(y1)} C{_n(x1 + bend)} {_n(y1)} "
            f"{_n(x2 - bend)} {_n(y2)} {_n(x2)} {_n(y2)}"
        )
        knob_link = link.source.startswith("knob:")
        if link.active:
            width = 1 + 2 * MAX_OPENING * link.strength if knob_link else 1.5 + 8 * link.strength
            colour = KNOB_LINK if knob_link else VALUE_LINK
            look = _attrs(stroke=colour, stroke_width=width, stroke_opacity="0.6")
        else:
            look = _attrs(stroke=IDLE, stroke_width=1.0, stroke_dasharray=DASH)
        name = f"{names[link.source]} → {names[link.target]}: {link.label}"
        yield f"<path {_attrs(d=d)} {look}><title>{xml_escape(name)}</title></path>"


def _node(box: _Box, lines: list[str], *, on: bool, fill: str, stroke: str) -> str:
    if on:
        look = _attrs(fill=fill, stroke=stroke, stroke_width=2.0)
    else:
        look = _attrs(fill="#ffffff", stroke=IDLE, stroke_width=1.5, stroke_dasharray=DASH)
    rect = f"<rect {_attrs(x=box.x, y=box.y, width=box.w, height=box.h, rx=6.0)} {look}/>"
    line_height = 15
    first = box.y + (box.h - line_height * len(lines)) / 2 + 12
    texts = [
        _text(box.x + 10, first + i * line_height, line, bold=(i < len(lines) - 1))
        for i, line in enumerate(lines)
    ]
    return "<g>" + rect + "".join(texts) + "</g>"


def _legend() -> list[str]:
    y = LEGEND_Y
    return [
        f"<path {_attrs(d=f'M{KNOB_X} {y} h40')} {_attrs(stroke=KNOB_LINK, stroke_width=5.0)}/>",
        _text(KNOB_X + 50, y + 4, "werkt mee: hoe dikker, hoe sterker"),
        f"<path {_attrs(d=f'M{ROUTE_X} {y} h40')} "
        f"{_attrs(stroke=IDLE, stroke_width=1.0, stroke_dasharray=DASH)}/>",
        _text(ROUTE_X + 50, y + 4, "stippellijn: draagt nu niets bij (uit of niet besproken)"),
    ]
