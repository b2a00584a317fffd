"""A bar chart as drawn, in plain data: what :mod:`stuurknop.charts.draw` needs to draw it
again (as SVG, PNG or PDF), with every label already formatted.

Kept apart from :mod:`stuurknop.charts.chart` so that the drawing code and the chart both
depend on it, and not on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Layout = Literal["grouped", "stacked"]
Format = Literal["svg", "png", "pdf"]


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
