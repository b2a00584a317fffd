"""Drawing a :class:`~stuurknop.charts.chart.Drawing` with matplotlib, into SVG, PNG or PDF.

No pyplot: each call makes its own ``Figure`` with the Agg-family canvases, so there is no
global figure state. matplotlib's settings (``rcParams``) are global, though, and the SVG
backend reads them while saving; a lock keeps one rendering's settings from leaking into
another thread's. Rendering is CPU-bound under the GIL anyway, so the lock costs little.
"""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any, Literal

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.typing import RcKeyType

from stuurknop.charts.drawing import Drawing, Format

# Colours for bar series: each has a contrast of at least 4.5:1 against white (WCAG 1.4.11
# asks 3:1 for graphics) and they differ in lightness, so they also part in greyscale.
PALETTE = ("#1d4f91", "#b44a06", "#2f7d32", "#6f3a96", "#5b6770", "#9c1f45")
# A pattern per series (in white over the colour), so colour is not the only carrier.
HATCHES = ("", "///", "xx", "\\\\\\", "---", "++")  # line patterns: circles bloat SVG
LINE_COLOURS = ("#1a1a1a", "#8a1538")
LINE_STYLES: tuple[tuple[Literal["-", "--"], str], ...] = (("-", "o"), ("--", "s"))
MARK_COLOUR = "#333333"
GRID_COLOUR = "#d4d4d4"
TEXT_COLOUR = "#1a1a1a"

SIZE = (7.2, 3.8)  # inches: 518 × 274 pt, scaled by the page anyway
LABEL_WIDTH = 16  # characters per line of a category label

SETTINGS: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: selectable, searchable, read by Typst
    "svg.hashsalt": "stuurknop",  # deterministic ids for clip paths and patterns
    "svg.image_inline": True,
    "text.parse_math": False,  # a party called "$ponsor" is a name, not a formula
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 10,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "axes.edgecolor": "#666666",
    "hatch.color": "#ffffff",
    "hatch.linewidth": 1.0,
    "axes.unicode_minus": False,
    "legend.frameon": False,
}

_lock = threading.Lock()


@contextmanager
def _settings() -> Iterator[None]:
    with _lock, mpl.rc_context():
        mpl.rcdefaults()  # independent of any matplotlibrc on the machine
        with mpl.rc_context(rc=SETTINGS):
            yield


def render(drawing: Drawing, fmt: Format, *, dpi: int = 200) -> bytes:
    """``drawing`` as an SVG, PNG or PDF file, without dates or tool names in it."""
    metadata: dict[str, Any] = {
        "svg": {"Date": None, "Creator": None},
        "png": {"Software": None},
        "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
    }[fmt]
    with _settings():
        figure = _figure(drawing)
        out = BytesIO()
        figure.savefig(out, format=fmt, dpi=dpi, metadata=metadata)
    return out.getvalue()


def _figure(drawing: Drawing) -> Figure:
    figure = Figure(figsize=SIZE, layout="constrained")
    ax = figure.add_subplot()
    positions = list(range(len(drawing.labels)))
    colours = drawing.colours or PALETTE
    handles: list[Any] = []
    count = len(drawing.bars)
    width = 0.8 if drawing.layout == "stacked" else 0.8 / max(count, 1)
    bottoms = [0.0] * len(positions)
    for i, (name, values) in enumerate(drawing.bars):
        colour, hatch = colours[i % len(colours)], HATCHES[i % len(HATCHES)]
        if drawing.layout == "stacked":
            xs: list[float] = [float(p) for p in positions]
            bottom: list[float] | None = list(bottoms)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            xs = [p - 0.4 + width * (i + 0.5) for p in positions]
            bottom = None
        bars = ax.bar(
            xs,
            values,
            width=width,
            bottom=bottom,
            color=colour,
            edgecolor="#ffffff",
            linewidth=0.8,
            hatch=hatch or None,
            zorder=2,
        )
        if drawing.bar_texts:
            ax.bar_label(bars, labels=list(drawing.bar_texts[i]), padding=2, fontsize=8)
        handles.append(Patch(facecolor=colour, edgecolor="#ffffff", hatch=hatch, label=name))
    for i, (name, values) in enumerate(drawing.lines):
        style, marker = LINE_STYLES[i % len(LINE_STYLES)]
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        ax.plot(positions, values, linestyle=style, marker=marker, color=colour, zorder=3)
        handles.append(Line2D([], [], linestyle=style, marker=marker, color=colour, label=name))
    _axes(ax, drawing)
    for i, mark in enumerate(drawing.marks):
        x = drawing.labels.index(mark.label) - 0.5
        # Marks in years close together take turns in height, so their texts never overlap.
        ax.axvline(x, color=MARK_COLOUR, linestyle=(0, (4, 3)), linewidth=1.2, zorder=4)
        ax.text(
            x,
            1.02 + 0.07 * (i % 2),
            f" {mark.text}",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="bottom",
            fontsize=9,
            color=MARK_COLOUR,
        )
    if handles:
        figure.legend(
            handles=handles,
            loc="outside lower center",
            ncols=min(len(handles), 4),
            handlelength=2.4,
            handleheight=1.4,
        )
    return figure


def _axes(ax: Any, drawing: Drawing) -> None:
    # Many categories (parties with long names) would run into each other: their labels are
    # set at a slant in a smaller type instead; words are never split.
    width = max((len(word) for label in drawing.labels for word in label.split()), default=0)
    crowded = len(drawing.labels) * max(width, LABEL_WIDTH * 0.6) > 84
    ax.set_xticks(
        range(len(drawing.labels)),
        [textwrap.fill(label, LABEL_WIDTH, break_long_words=False) for label in drawing.labels],
    )
    if crowded:
        ax.tick_params(axis="x", labelsize=8, labelrotation=30)
        for text in ax.get_xticklabels():
            text.set_horizontalalignment("right")
            text.set_rotation_mode("anchor")
    ax.set_xlim(-0.6, len(drawing.labels) - 0.4)
    ax.set_yticks(drawing.ticks, drawing.tick_labels)
    ax.set_ylim(drawing.ticks[0], drawing.ticks[-1])
    ax.tick_params(axis="both", length=0, pad=6)
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if drawing.ticks[0] < 0 < drawing.ticks[-1]:
        ax.axhline(0, color="#666666", linewidth=0.8, zorder=1)
