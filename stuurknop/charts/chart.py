"""What a chart is once drawn: its SVG for pages and PDFs, its table, its text alternative.

A :class:`Chart` is plain data, so it can be cached and pickled; it keeps its
:class:`~stuurknop.charts.drawing.Drawing` (the figures as drawn, with every label already
formatted) so that the same chart can be rendered again in another format (PNG for Word)
without the code that built it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stuurknop.charts.draw import render
from stuurknop.charts.drawing import Drawing, Format


@dataclass(frozen=True)
class Table:
    """The chart's figures as a table: cells are already formatted (Dutch)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


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
        return render(self.drawing, fmt, dpi=dpi)

    def png(self, *, dpi: int = 200) -> bytes:
        """The chart as a PNG image."""
        return self.render("png", dpi=dpi)
