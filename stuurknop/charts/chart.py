"""What a chart is once drawn: its SVG for pages and PDFs, its table, its text alternative.

A :class:`Chart` is plain data, so it can be cached and pickled; it keeps its
:class:`Drawing` (the figures as drawn, with every label already formatted) so that the same
chart can be rendered again in another format (PNG for Word) without the code that built it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Layout = Literal["grouped", "stacked"]
Format = Literal["svg", "png", "pdf"]


@dataclass(frozen=True)
class Table:
    """The chart's figures as a table: cells are already formatted (Dutch)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Mark:
    """A moment to point out, drawn as a dashed line just before the category ``label``.

    ``text`` labels the line in the chart; the table shows ``note`` (default: ``text``) in a
    column of remarks on that category's row.
    """

    label: str
    text: str
    note: str = ""


@dataclass(frozen=True)
class Drawing:
    """Everything needed to draw a bar chart again, as plain data."""

    layout: Layout
    labels: tuple[str, ...]
    bars: tuple[tuple[str, tuple[float, ...]], ...]
    lines: tuple[tuple[str, tuple[float, ...]], ...]
    ticks: tuple[float, ...]
    tick_labels: tuple[str, ...]
    marks: tuple[Mark, ...] = ()
    colours: tuple[str, ...] = ()  # one per bar series
    bar_texts: tuple[tuple[str, ...], ...] = ()  # value labels on the bars, one tuple per series


@dataclass(frozen=True)
class Chart:
    """A chart: ``svg`` is safe to inline under a strict CSP; ``table`` has the same figures.

    ``description`` is the text alternative (what the chart shows and its main finding).
    """

    title: str
    description: str
    svg: str
    table: Table
    drawing: Drawing | None = field(default=None, repr=False, compare=False)

    def render(self, fmt: Format, *, dpi: int = 200) -> bytes:
        """The chart as a file of ``fmt`` (e.g. PNG for a Word document)."""
        if self.drawing is None:
            raise ValueError(f"chart {self.title!r} has no drawing to render again")
        from stuurknop.charts.draw import render

        return render(self.drawing, fmt, dpi=dpi)

    def png(self, *, dpi: int = 200) -> bytes:
        """The chart as a PNG image."""
        return self.render("png", dpi=dpi)
