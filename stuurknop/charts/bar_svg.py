"""A bar chart drawn straight as SVG from its :class:`~stuurknop.charts.drawing.Drawing`.

The same picture matplotlib draws (:mod:`stuurknop.charts.draw`: bars grouped or stacked, a
pattern per series besides its colour, lines with markers, dashed marks, a legend below) but
without its layout engine: the plan's five money charts cost about 0.3 s through matplotlib
and a few milliseconds here, and the plan as PDF has 0.5 s in all. matplotlib still draws
the PNG for Word (:meth:`stuurknop.charts.chart.Chart.render`).

Text widths are estimated from the font size (DejaVu Sans averages about 0.6 em a character)
rather than measured; the layout leaves room for that. The result goes through
:func:`~stuurknop.charts.svg.inline_svg` like any other chart, which prefixes the ids.
"""

from __future__ import annotations

import math
import re
import textwrap

from stuurknop.charts.drawing import Drawing
from stuurknop.charts.xml_text import xml_escape

# The same colours, patterns and sizes as the matplotlib drawing (stuurknop.charts.draw).
PALETTE = ("#1d4f91", "#b44a06", "#2f7d32", "#6f3a96", "#5b6770", "#9c1f45")
HATCHES = ("", "///", "xx", "\\\\\\", "---", "++")
LINE_COLOURS = ("#1a1a1a", "#8a1538")
LINE_DASHES = ("", "6 4")
MARK_COLOUR = "#333333"
GRID_COLOUR = "#d4d4d4"
TEXT_COLOUR = "#1a1a1a"
AXIS_COLOUR = "#666666"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

WIDTH, HEIGHT = 720, 380
PHONE_WIDTH = 288  # a phone of 320 px less the page's margins
SIZE, SMALL = 13.0, 12.0  # font sizes; a page shows the chart at its own size, so 12 px
CHAR = 0.6  # average character width in em
LABEL_WIDTH = 16  # characters per line of a category label
LEGEND_COLUMNS = 4

# Pattern lines per hatch, in an 8×8 tile.
PATTERN_LINES = {
    "///": ("M-2 2L2 -2M0 8L8 0M6 10L10 6",),
    "\\\\\\": ("M-2 6L2 10M0 0L8 8M6 -2L10 2",),
    "xx": ("M0 8L8 0", "M0 0L8 8"),
    "---": ("M0 4H8",),
    "++": ("M0 4H8", "M4 0V8"),
}


def bar_svg(drawing: Drawing, *, width: int = WIDTH) -> str:
    """``drawing`` as a standalone SVG document (viewBox, no fixed size), ``width`` wide:
    ``PHONE_WIDTH`` draws the variant a page shows on a phone, its legend one entry a line."""
    return _Canvas(drawing, width).svg()


_SIZED = re.compile(r"<text (?![^>]*font-size)")


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class _Canvas:
    def __init__(self, drawing: Drawing, width: int) -> None:
        self.d = drawing
        self.width = width
        self.columns = LEGEND_COLUMNS if width >= WIDTH else 1
        # Crowded labels are turned: a little on a wide chart, upright on a narrow one, so
        # that none runs into the next or past the chart's left edge.
        self.angle = 30 if width >= WIDTH else 90
        self.parts: list[str] = []
        self.defs: list[str] = []
        count = len(drawing.labels)
        longest = max((len(w) for label in drawing.labels for w in label.split()), default=0)
        self.crowded = count * max(longest, LABEL_WIDTH * 0.6) > 84 * width / WIDTH
        self.wrapped = [
            textwrap.wrap(label, LABEL_WIDTH, break_long_words=False) or [""]
            for label in drawing.labels
        ]

    # --- layout -----------------------------------------------------------------------------

    def _legend_items(self) -> list[tuple[str, int, str]]:
        """(kind, index, name) of every legend entry: bars first, then lines."""
        items = [("bar", i, name) for i, (name, _) in enumerate(self.d.bars)]
        return items + [("line", i, name) for i, (name, _) in enumerate(self.d.lines)]

    def _label_height(self) -> float:
        if self.crowded:
            longest = max((len(label) for label in self.d.labels), default=0)
            turned = _text_width("x" * longest, SMALL) * math.sin(math.radians(self.angle))
            return turned + SMALL + 10
        lines = max((len(w) for w in self.wrapped), default=1)
        return lines * SIZE * 1.2 + 8

    def svg(self) -> str:
        d = self.d
        items = self._legend_items()
        legend_rows = math.ceil(len(items) / self.columns) if items else 0
        self.height: float = HEIGHT
        if self.width < WIDTH:
            # A narrow variant's legend and upright labels take more room: it grows by that,
            # to keep the plot's height.
            self.height += max(0, legend_rows - 1) * 22 + max(0, self._label_height() - 60)
        top = 12 + (2 * SMALL * 1.3 + 6 if d.marks else 0)
        axis_width = max((_text_width(t, SIZE) for t in d.tick_labels), default=0) + 12
        self.left, self.right = axis_width + 4, self.width - 10
        self.top = top
        self.bottom = self.height - 8 - legend_rows * 22 - self._label_height()
        self._patterns()
        self._grid()
        self._bars()
        self._lines()
        self._axis()
        self._marks()
        self._legend(items, self.bottom + self._label_height() + 4)
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        # Every text says its font and size itself, as the matplotlib SVG does.
        body = _SIZED.sub(f'<text font-size="{_number(SIZE)}" ', "".join(self.parts))
        body = body.replace("<text ", f'<text font-family="{FONT}" ')
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'fill="{TEXT_COLOUR}">{defs}{body}</svg>'
        )

    def x(self, position: float) -> float:
        """The x of a category position; the axis runs from -0.6 to count - 0.4."""
        unit = (self.right - self.left) / (len(self.d.labels) + 0.2)
        return self.left + (position + 0.6) * unit

    def y(self, value: float) -> float:
        low, high = self.d.ticks[0], self.d.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    # --- pieces -----------------------------------------------------------------------------

    def _fill(self, index: int) -> str:
        hatch = HATCHES[index % len(HATCHES)]
        return f"url(#hatch{index})" if hatch else self._colour(index)

    def _colour(self, index: int) -> str:
        colours = self.d.colours or PALETTE
        return colours[index % len(colours)]

    def _patterns(self) -> None:
        for index in range(len(self.d.bars)):
            hatch = HATCHES[index % len(HATCHES)]
            if not hatch:
                continue
            lines = "".join(
                f'<path d="{path}" stroke="#ffffff" stroke-width="1"/>'
                for path in PATTERN_LINES[hatch]
            )
            self.defs.append(
                f'<pattern id="hatch{index}" patternUnits="userSpaceOnUse" width="8" '
                f'height="8"><rect width="8" height="8" fill="{self._colour(index)}"/>'
                f"{lines}</pattern>"
            )

    def _grid(self) -> None:
        for tick, label in zip(self.d.ticks, self.d.tick_labels, strict=True):
            y = _number(self.y(tick))
            self.parts.append(
                f'<line x1="{_number(self.left)}" x2="{_number(self.right)}" y1="{y}" y2="{y}" '
                f'stroke="{GRID_COLOUR}" stroke-width="0.8"/>'
                f'<text x="{_number(self.left - 8)}" y="{y}" text-anchor="end" '
                f'dominant-baseline="central">{xml_escape(label)}</text>'
            )

    def _bars(self) -> None:
        d = self.d
        count = len(d.bars)
        width = 0.8 if d.layout == "stacked" else 0.8 / max(count, 1)
        bottoms = [0.0] * len(d.labels)
        unit = self.x(1) - self.x(0)
        for i, (_, values) in enumerate(d.bars):
            for p, value in enumerate(values):
                if d.layout == "stacked":
                    centre, base = float(p), bottoms[p]
                    bottoms[p] += value
                else:
                    centre, base = p - 0.4 + width * (i + 0.5), 0.0
                y0, y1 = sorted((self.y(base), self.y(base + value)))
                x = self.x(centre) - width * unit / 2
                self.parts.append(
                    f'<rect x="{_number(x)}" y="{_number(y0)}" width="{_number(width * unit)}" '
                    f'height="{_number(y1 - y0)}" fill="{self._fill(i)}" stroke="#ffffff" '
                    'stroke-width="0.8"/>'
                )
                if d.bar_texts:
                    label = d.bar_texts[i][p]
                    above = y0 - 3 if value >= 0 else y1 + SMALL + 2
                    self.parts.append(
                        f'<text x="{_number(self.x(centre))}" y="{_number(above)}" '
                        f'text-anchor="middle" font-size="{_number(SMALL)}">'
                        f"{xml_escape(label)}</text>"
                    )

    def _lines(self) -> None:
        for i, (_, values) in enumerate(self.d.lines):
            colour = LINE_COLOURS[i % len(LINE_COLOURS)]
            dash = LINE_DASHES[i % len(LINE_DASHES)]
            points = [(self.x(p), self.y(v)) for p, v in enumerate(values)]
            path = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            self.parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="1.5"{dashes}/>'
            )
            for x, y in points:
                self.parts.append(self._marker(i, x, y, colour))

    @staticmethod
    def _marker(index: int, x: float, y: float, colour: str) -> str:
        if index % 2 == 0:
            return f'<circle cx="{_number(x)}" cy="{_number(y)}" r="4" fill="{colour}"/>'
        return (
            f'<rect x="{_number(x - 4)}" y="{_number(y - 4)}" width="8" height="8" '
            f'fill="{colour}"/>'
        )

    def _axis(self) -> None:
        d = self.d
        self.parts.append(
            f'<line x1="{_number(self.left)}" x2="{_number(self.right)}" '
            f'y1="{_number(self.bottom)}" y2="{_number(self.bottom)}" stroke="{AXIS_COLOUR}" '
            'stroke-width="0.8"/>'
        )
        if d.ticks[0] < 0 < d.ticks[-1]:
            zero = _number(self.y(0))
            self.parts.append(
                f'<line x1="{_number(self.left)}" x2="{_number(self.right)}" y1="{zero}" '
                f'y2="{zero}" stroke="{AXIS_COLOUR}" stroke-width="0.8"/>'
            )
        for p, lines in enumerate(self.wrapped):
            x = self.x(p)
            if self.crowded:
                y = self.bottom + 8 + SMALL * 0.8
                if self.angle == 90:  # upright: the text's middle, not its baseline, on the tick
                    x, y = x + SMALL * 0.35, self.bottom + 8
                self.parts.append(
                    f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="end" '
                    f'font-size="{_number(SMALL)}" '
                    f'transform="rotate(-{self.angle} {_number(x)} {_number(y)})">'
                    f"{xml_escape(d.labels[p])}</text>"
                )
                continue
            for n, line in enumerate(lines):
                y = self.bottom + 6 + SIZE * (0.9 + 1.2 * n)
                self.parts.append(
                    f'<text x="{_number(x)}" y="{_number(y)}" text-anchor="middle">'
                    f"{xml_escape(line)}</text>"
                )

    def _marks(self) -> None:
        for i, mark in enumerate(self.d.marks):
            x = _number(self.x(self.d.labels.index(mark.label) - 0.5))
            y = self.top - 4 - (SMALL * 1.3 if i % 2 else 0)
            self.parts.append(
                f'<line x1="{x}" x2="{x}" y1="{_number(self.top)}" y2="{_number(self.bottom)}" '
                f'stroke="{MARK_COLOUR}" stroke-width="1.2" stroke-dasharray="4 3"/>'
                f'<text x="{x}" y="{_number(y)}" font-size="{_number(SMALL)}" '
                f'fill="{MARK_COLOUR}" xml:space="preserve">{xml_escape(" " + mark.text)}</text>'
            )

    def _legend(self, items: list[tuple[str, int, str]], top: float) -> None:
        rows = [items[i : i + self.columns] for i in range(0, len(items), self.columns)]
        widest = max((36 + _text_width(name, SIZE) + 18 for _, _, name in items), default=0)
        for r, row in enumerate(rows):
            widths = [36 + _text_width(name, SIZE) + 18 for _, _, name in row]
            # One entry a line (a narrow chart): the entries start under one another.
            x = max(4.0, (self.width - (widest if self.columns == 1 else sum(widths))) / 2)
            y = top + r * 22 + 8
            for (kind, index, name), width in zip(row, widths, strict=True):
                if kind == "bar":
                    self.parts.append(
                        f'<rect x="{_number(x)}" y="{_number(y - 7)}" width="28" height="14" '
                        f'fill="{self._fill(index)}"/>'
                    )
                else:
                    colour = LINE_COLOURS[index % len(LINE_COLOURS)]
                    dash = LINE_DASHES[index % len(LINE_DASHES)]
                    dashes = f' stroke-dasharray="{dash}"' if dash else ""
                    self.parts.append(
                        f'<line x1="{_number(x)}" x2="{_number(x + 28)}" y1="{_number(y)}" '
                        f'y2="{_number(y)}" stroke="{colour}" stroke-width="1.5"{dashes}/>'
                        + self._marker(index, x + 14, y, colour)
                    )
                self.parts.append(
                    f'<text x="{_number(x + 36)}" y="{_number(y)}" '
                    f'dominant-baseline="central">{xml_escape(name)}</text>'
                )
                x += width
