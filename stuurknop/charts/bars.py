"""Bar charts (single, grouped, stacked), optionally with lines over them and marked moments.

Each primitive takes the categories (``labels``), the bar ``series`` (name → one number per
label), a ``value_format`` that writes a number as Dutch text
(``stuurknop.presentation.numbers.euro``) and an ``id_prefix`` unique on the page; it returns a
:class:`Chart` whose table holds exactly the figures drawn, formatted by ``value_format``.
Numbers go to the formatter as ``Decimal``, exact as given; only the drawing uses floats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from matplotlib.ticker import MaxNLocator

from stuurknop.charts.bar_svg import bar_svg
from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.drawing import Drawing, Layout, Mark
from stuurknop.charts.svg import ID_PREFIX, inline_svg
from stuurknop.charts.xml_text import xml_text

Number = Decimal | int | float
Formatter = Callable[[Decimal], str]
Series = Mapping[str, Sequence[Number]]


def bar_chart(
    labels: Sequence[str],
    series: Series,
    *,
    title: str,
    description: str,
    value_format: Formatter,
    id_prefix: str,
    label_heading: str = "",
    lines: Series | None = None,
    marks: Sequence[Mark] = (),
    axis_format: Formatter | None = None,
    colours: Sequence[str] = (),
    value_labels: bool = False,
) -> Chart:
    """One bar per label, for a single series (``{"Kosten": [...]}``)."""
    if len(series) != 1:
        raise ValueError("a bar chart has exactly one series; use grouped_bar_chart")
    return _chart("grouped", **locals())


def grouped_bar_chart(
    labels: Sequence[str],
    series: Series,
    *,
    title: str,
    description: str,
    value_format: Formatter,
    id_prefix: str,
    label_heading: str = "",
    lines: Series | None = None,
    marks: Sequence[Mark] = (),
    axis_format: Formatter | None = None,
    colours: Sequence[str] = (),
    value_labels: bool = False,
) -> Chart:
    """Per label a bar for each series, side by side."""
    return _chart("grouped", **locals())


def stacked_bar_chart(
    labels: Sequence[str],
    series: Series,
    *,
    title: str,
    description: str,
    value_format: Formatter,
    id_prefix: str,
    label_heading: str = "",
    lines: Series | None = None,
    marks: Sequence[Mark] = (),
    axis_format: Formatter | None = None,
    colours: Sequence[str] = (),
    value_labels: bool = False,
) -> Chart:
    """Per label one bar with the series stacked (values must not be negative)."""
    if any(_decimal(v) < 0 for values in series.values() for v in values):
        raise ValueError("a stacked bar chart cannot show negative values")
    return _chart("stacked", **locals())


def _chart(
    layout: Layout,
    labels: Sequence[str],
    series: Series,
    *,
    title: str,
    description: str,
    value_format: Formatter,
    id_prefix: str,
    label_heading: str,
    lines: Series | None,
    marks: Sequence[Mark],
    axis_format: Formatter | None,
    colours: Sequence[str],
    value_labels: bool,
) -> Chart:
    if not ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} must start with a letter (a-z, 0-9, -, _)")
    # Every text drawn, in the SVG and in the table, passes here: matplotlib writes a control
    # character into the SVG as it is (invalid XML) and fails on a lone surrogate.
    labels = [xml_text(label) for label in labels]
    series = {xml_text(name): values for name, values in series.items()}
    lines = {xml_text(name): values for name, values in (lines or {}).items()}
    marks = [Mark(xml_text(m.label), xml_text(m.text), xml_text(m.note)) for m in marks]
    title, description = xml_text(title), xml_text(description)
    bars = _exact(labels, series)
    overlay = _exact(labels, lines or {})
    if not bars:
        raise ValueError("a chart needs at least one series")
    for mark in marks:
        if mark.label not in labels:
            raise ValueError(f"mark {mark.label!r} is not one of the labels")
    ticks = _ticks(layout, len(labels), bars, overlay)
    drawing = Drawing(
        layout=layout,
        labels=tuple(labels),
        bars=tuple((name, tuple(float(v) for v in values)) for name, values in bars),
        lines=tuple((name, tuple(float(v) for v in values)) for name, values in overlay),
        ticks=tuple(float(t) for t in ticks),
        tick_labels=tuple((axis_format or value_format)(t) for t in ticks),
        marks=tuple(marks),
        colours=tuple(colours),
        bar_texts=(
            tuple(tuple(value_format(v) for v in values) for _, values in bars)
            if value_labels
            else ()
        ),
    )
    svg = bar_svg(drawing)
    return Chart(
        title=title,
        description=description,
        svg=inline_svg(svg, id_prefix=id_prefix, title=title, description=description),
        table=_table(title, label_heading, labels, [*bars, *overlay], marks, value_format),
        drawing=drawing,
    )


def _decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _exact(labels: Sequence[str], series: Series) -> list[tuple[str, tuple[Decimal, ...]]]:
    exact = []
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
        exact.append((name, tuple(_decimal(v) for v in values)))
    return exact


def _ticks(
    layout: Layout,
    count: int,
    bars: list[tuple[str, tuple[Decimal, ...]]],
    lines: list[tuple[str, tuple[Decimal, ...]]],
) -> list[Decimal]:
    """Round tick values from 0 (or below, for negative values) to just above the highest."""
    if layout == "stacked":
        heights = [sum((values[i] for _, values in bars), Decimal(0)) for i in range(count)]
    else:
        heights = [v for _, values in bars for v in values]
    heights += [v for _, values in lines for v in values]
    low, high = min([Decimal(0), *heights]), max([Decimal(0), *heights])
    if low == high:
        high = low + 1
    high += (high - low) * Decimal("0.05")  # room above the highest bar for its line or label
    locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3)
    ticks = [Decimal(f"{t:.12g}") for t in locator.tick_values(float(low), float(high))]
    bottom = max(t for t in ticks if t <= low)
    top = min(t for t in ticks if t >= high)
    return [t for t in ticks if bottom <= t <= top]


def _table(
    caption: str,
    label_heading: str,
    labels: Sequence[str],
    columns: list[tuple[str, tuple[Decimal, ...]]],
    marks: Sequence[Mark],
    value_format: Formatter,
) -> Table:
    remarks: dict[str, list[str]] = {}
    for mark in marks:
        remarks.setdefault(mark.label, []).append(mark.note or mark.text)
    rows = []
    for i, label in enumerate(labels):
        cells = [label, *(value_format(values[i]) for _, values in columns)]
        if marks:
            cells.append("; ".join(remarks.get(label, [])))
        rows.append(tuple(cells))
    headings = [label_heading, *(name for name, _ in columns)]
    if marks:
        headings.append("Opmerking")
    return Table(caption=caption, columns=tuple(headings), rows=tuple(rows))
