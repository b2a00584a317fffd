"""The explorer's front: effort per year (across) against value (up) of the best designs, a
step line through them, and the scenario's current setting as a diamond, with the table of the
same figures. Drawn straight as SVG, wide for a page and narrow for a phone; designs are told
apart by their number next to the point and the current setting by its shape and the legend,
never by colour alone; every text is at least 12 px."""

from __future__ import annotations

from dataclasses import dataclass

from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.svg import inline_svg
from stuurknop.charts.xml_text import xml_text

WIDE = 640
PHONE = 288
FONT = 13
INK = "#1a1a1a"
FRONT = "#1f4e99"
NOW = "#8a3b00"


@dataclass(frozen=True)
class FrontPoint:
    label: str  # the design's number, as the table says it
    effort: float
    value: float
    effort_text: str
    value_text: str
    robust_text: str


@dataclass(frozen=True)
class FrontChart:
    chart: Chart
    phone_svg: str


def _svg(
    points: list[FrontPoint], current: FrontPoint, width: int, effort_axis: str, value_axis: str
) -> str:
    efforts = [p.effort for p in [*points, current]]
    values = [p.value for p in [*points, current]]
    x_low, x_high = 0.0, max(max(efforts), 1.0)
    y_low, y_high = min(0.0, min(values)), max(max(values), 1e-9)
    left, right, top = (64 if width > PHONE else 44), 20, 34
    plot_h = 220 if width > PHONE else 180
    plot_w = width - left - right
    legend_top = top + plot_h + 52
    height = legend_top + 2 * 22 + 8

    def x(effort: float) -> float:
        return left + plot_w * (effort - x_low) / (x_high - x_low)

    def y(value: float) -> float:
        return top + plot_h * (y_high - value) / (y_high - y_low or 1.0)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="{FONT}px" fill="{INK}">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        f'stroke="#767676"/>',
        f'<text x="{left}" y="{top - 12}">{xml_text(value_axis)}</text>',
        f'<text x="{left - 6}" y="{top + 12}" text-anchor="end">{xml_text(_short(y_high))}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">'
        f"{xml_text(_short(y_low))}</text>",
        f'<text x="{left}" y="{top + plot_h + 18}">€ 0</text>',
        f'<text x="{left + plot_w}" y="{top + plot_h + 18}" text-anchor="end">'
        f"{xml_text(max(points, key=lambda p: p.effort).effort_text if points else '')}</text>",
        f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 38}" text-anchor="middle">'
        f"{xml_text(effort_axis)}</text>",
    ]
    if points:
        steps = []
        for i, p in enumerate(points):
            if i:
                steps.append(f"{x(p.effort):.1f},{y(points[i - 1].value):.1f}")
            steps.append(f"{x(p.effort):.1f},{y(p.value):.1f}")
        parts.append(
            f'<polyline points="{" ".join(steps)}" fill="none" stroke="{FRONT}" stroke-width="2"/>'
        )
        labelled = set(range(len(points))) if len(points) <= 12 else {0, len(points) - 1}
        for i, p in enumerate(points):
            parts.append(
                f'<circle cx="{x(p.effort):.1f}" cy="{y(p.value):.1f}" r="4" fill="{FRONT}" '
                f'stroke="#ffffff" stroke-width="1"/>'
            )
            if i in labelled and width > PHONE:
                parts.append(
                    f'<text x="{x(p.effort) + 6:.1f}" y="{y(p.value) + 16:.1f}">'
                    f"{xml_text(p.label)}</text>"
                )
    cx, cy = x(current.effort), y(current.value)
    parts.append(
        f'<path d="M{cx:.1f} {cy - 7:.1f} L{cx + 7:.1f} {cy:.1f} L{cx:.1f} {cy + 7:.1f} '
        f'L{cx - 7:.1f} {cy:.1f} Z" fill="{NOW}" stroke="#ffffff" stroke-width="1"/>'
    )
    legend = [
        (f'<circle cx="10" cy="0" r="4" fill="{FRONT}"/>', "beste ontwerpen (rand)"),
        (f'<path d="M10 -7 L17 0 L10 7 L3 0 Z" fill="{NOW}"/>', "zoals het scenario nu is"),
    ]
    for i, (mark, label) in enumerate(legend):
        ly = legend_top + i * 22
        parts.append(f'<g transform="translate({left} {ly})">{mark}</g>')
        parts.append(f'<text x="{left + 26}" y="{ly + 5}">{xml_text(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


def front_chart(
    points: list[FrontPoint],
    current: FrontPoint,
    *,
    id_prefix: str,
    description: str,
    effort_axis: str = "moeite in euro per jaar",
    value_axis: str = "waarde",
) -> FrontChart:
    """The front chart, wide with its table, and for a phone."""
    title = "Beste ontwerpen: waarde tegen moeite"
    wide = inline_svg(
        _svg(points, current, WIDE, effort_axis, value_axis),
        id_prefix=id_prefix,
        title=title,
        description=description,
    )
    phone = inline_svg(
        _svg(points, current, PHONE, effort_axis, value_axis),
        id_prefix=f"{id_prefix}-telefoon",
        title=title,
        description=description,
    )
    rows = tuple((p.label, p.effort_text, p.value_text, p.robust_text) for p in [*points, current])
    table = Table(
        "Beste ontwerpen en het scenario nu: moeite en waarde",
        ("Ontwerp", "Moeite per jaar", "Waarde", "Eerlijk"),
        rows,
    )
    return FrontChart(Chart(title, description, wide, table), phone)


__all__ = ["FrontChart", "FrontPoint", "front_chart"]
