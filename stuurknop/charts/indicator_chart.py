"""An indicator over time: its measurements (a solid line with round markers), the straight path
from baseline to target (dashed) and the target value (dotted, labelled), with the table of the
same figures. Drawn straight as SVG, at a wide size for a page and a narrow one for a phone;
every line is told apart by its dash and its marker and named in the legend, never by colour
alone, and every text is at least 12 px."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.svg import inline_svg
from stuurknop.charts.xml_text import xml_text
from stuurknop.engine.indicators import IndicatorStatus
from stuurknop.presentation.numbers import dutch_date, measured
from stuurknop.projectfile.evidence import Indicator

WIDE = 640
PHONE = 288
FONT = 13
INK = "#1a1a1a"
MEASURED = "#1f4e99"
PATH = "#6b4b00"


@dataclass(frozen=True)
class IndicatorChart:
    """The chart drawn wide (``chart``, with its table) and for a phone (``phone_svg``)."""

    chart: Chart
    phone_svg: str


def _points(indicator: Indicator) -> list[tuple[dt.date, Decimal]]:
    return [(m.date, m.value) for m in sorted(indicator.measurements, key=lambda m: m.date)]


def _svg(indicator: Indicator, status: IndicatorStatus, width: int) -> str:
    points = _points(indicator)
    path: list[tuple[dt.date, Decimal]] = []
    if status.baseline is not None and status.baseline_date is not None:
        path.append((status.baseline_date, status.baseline))
        if status.target is not None and status.target_date is not None:
            path.append((status.target_date, status.target))
    values = [v for _, v in points + path]
    if status.target is not None:
        values.append(status.target)
    dates = [d for d, _ in points + path]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    margin = (high - low) / 10
    low, high = low - margin, high + margin
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    left, right, top = (70 if width > PHONE else 56), 16, 16
    plot_h = 200
    legend_top = top + plot_h + 44
    height = legend_top + 3 * 22 + 8
    plot_w = width - left - right

    def x(day: dt.date) -> float:
        return left + plot_w * (day - first).days / span

    def y(value: Decimal) -> float:
        return top + plot_h * float((high - value) / (high - low))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="{FONT}px" fill="{INK}">',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        f'stroke="#767676"/>',
    ]
    for value in (high - margin, low + margin):
        parts.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{xml_text(measured(value))}</text>"
        )
    for day, anchor, at in ((first, "start", left), (last, "end", left + plot_w)):
        label = dutch_date(day) if width > PHONE else day.strftime("%m-%Y")
        parts.append(
            f'<text x="{at}" y="{top + plot_h + 20}" text-anchor="{anchor}">'
            f"{xml_text(label)}</text>"
        )
    if status.target is not None:
        ty = y(status.target)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" '
            f'stroke="{PATH}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
    if len(path) == 2:
        (d1, v1), (d2, v2) = path
        parts.append(
            f'<line x1="{x(d1):.1f}" y1="{y(v1):.1f}" x2="{x(d2):.1f}" y2="{y(v2):.1f}" '
            f'stroke="{PATH}" stroke-width="2" stroke-dasharray="8 5"/>'
        )
    if points:
        line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{MEASURED}" stroke-width="2.5"/>'
        )
        for d, v in points:
            parts.append(
                f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="4.5" fill="{MEASURED}" '
                f'stroke="#ffffff" stroke-width="1"/>'
            )
    legend = [
        (
            f'<line x1="0" y1="0" x2="28" y2="0" stroke="{MEASURED}" stroke-width="2.5"/>'
            f'<circle cx="14" cy="0" r="4.5" fill="{MEASURED}"/>',
            "metingen",
        ),
        (
            f'<line x1="0" y1="0" x2="28" y2="0" stroke="{PATH}" stroke-width="2" '
            f'stroke-dasharray="8 5"/>',
            "lijn van nulmeting naar doel",
        ),
        (
            f'<line x1="0" y1="0" x2="28" y2="0" stroke="{PATH}" stroke-width="1.5" '
            f'stroke-dasharray="2 3"/>',
            "streefwaarde",
        ),
    ]
    for i, (mark, label) in enumerate(legend):
        ly = legend_top + i * 22
        parts.append(f'<g transform="translate({left} {ly})">{mark}</g>')
        parts.append(f'<text x="{left + 36}" y="{ly + 4}">{xml_text(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(indicator: Indicator, status: IndicatorStatus) -> Table:
    unit = f" ({indicator.unit})" if indicator.unit else ""
    rows: list[tuple[str, ...]] = []
    if status.baseline is not None and status.baseline_date is not None:
        rows.append((dutch_date(status.baseline_date), "nulmeting", measured(status.baseline)))
    for day, value in _points(indicator):
        rows.append((dutch_date(day), "meting", measured(value)))
    if status.target is not None:
        when = dutch_date(status.target_date) if status.target_date else "geen streefdatum"
        rows.append((when, "streefwaarde", measured(status.target)))
    return Table(
        f"{indicator.name}: nulmeting, metingen en streefwaarde",
        ("Datum", "Soort", f"Waarde{unit}"),
        tuple(rows),
    )


def indicator_chart(
    indicator: Indicator, status: IndicatorStatus, *, id_prefix: str, description: str
) -> IndicatorChart | None:
    """The chart of ``indicator`` with ``status`` (its path); None without any figure."""
    if not indicator.measurements and status.baseline is None:
        return None
    title = f"{indicator.name} in de tijd"
    wide = inline_svg(
        _svg(indicator, status, WIDE), id_prefix=id_prefix, title=title, description=description
    )
    phone = inline_svg(
        _svg(indicator, status, PHONE),
        id_prefix=f"{id_prefix}-telefoon",
        title=title,
        description=description,
    )
    return IndicatorChart(Chart(title, description, wide, _table(indicator, status)), phone)


__all__ = ["IndicatorChart", "indicator_chart"]
