"""The building blocks of what people read, as plain data: paragraphs, facts, bullets, tables
and figures (a chart with its text alternative and its table), in sections.

The plan is built once (:mod:`stuurknop.reports.plan`) as a list of sections made of these
blocks; the PDF and the Word renderer only lay them out, and the command line's text and
Markdown report (:mod:`stuurknop.cli.report`) is made of the same blocks, so the faces never
differ in what they say. Every text is cleaned on the way in: characters that XML (and so
Word and the PDF's HTML) cannot hold are dropped here, once, instead of crashing a renderer
later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.xml_text import xml_text

Align = Literal["left", "right"]
Tone = Literal["text", "note", "warning", "lead"]

_FIGURE = re.compile(r"^(€ ?-?[\d.,]+|-?[\d.,]+%?|[\d]+ van [\d]+ = [\d,]+|–)$")


def clean(text: str) -> str:
    """``text`` without characters a Word or HTML document cannot hold
    (:func:`~stuurknop.charts.xml_text.xml_text`), its line breaks as ``\\n``."""
    return xml_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str, *, tone: Tone = "text") -> tuple[Paragraph, ...]:
    """A free text as paragraphs: one per non-empty line."""
    return tuple(Paragraph(line, tone) for line in clean(text).split("\n") if line.strip())


@dataclass(frozen=True)
class Paragraph:
    text: str
    tone: Tone = "text"  # note: small print; warning: stands out; lead: the first words

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean(self.text))


@dataclass(frozen=True)
class Facts:
    """Label–value pairs, like the cover or the head of a knob's section."""

    items: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple((clean(k), clean(v)) for k, v in self.items))


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(clean(i) for i in self.items))


@dataclass(frozen=True)
class PlanTable:
    """A table with formatted Dutch cells. ``total``: the last row is a total (bold)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()
    total: bool = False
    empty: str = "Nog niets ingevuld."  # said instead of a table without rows

    def __post_init__(self) -> None:
        object.__setattr__(self, "caption", clean(self.caption))
        object.__setattr__(self, "columns", tuple(clean(c) for c in self.columns))
        object.__setattr__(
            self, "rows", tuple(tuple(clean(str(c)) for c in row) for row in self.rows)
        )

    def alignment(self, column: int) -> Align:
        return self.align[column] if column < len(self.align) else "left"

    @classmethod
    def of_chart(cls, table: Table) -> PlanTable:
        """A chart's table of the same figures: columns of figures right, words left."""
        align: list[Align] = ["left"]
        for column in range(1, len(table.columns)):
            cells = [row[column] for row in table.rows if row[column]]
            figures = cells and all(_FIGURE.match(cell) for cell in cells)
            align.append("right" if figures else "left")
        return cls(table.caption, table.columns, table.rows, tuple(align))


@dataclass(frozen=True)
class Figure:
    """A chart and the table with its figures. ``chart.svg`` goes into the PDF; Word gets a
    PNG of it. ``chart.description`` is the text alternative."""

    chart: Chart
    table: PlanTable | None  # None when the next table holds this chart's figures too
    describe: bool = True  # False when the tables say it better than the text alternative

    def __post_init__(self) -> None:
        # The charts write a clean SVG, and the figures' table is a PlanTable; the title and
        # the text alternative may carry a name as it was given (the scenario's, on the map).
        chart = replace(
            self.chart, title=clean(self.chart.title), description=clean(self.chart.description)
        )
        object.__setattr__(self, "chart", chart)


Block = Paragraph | Facts | Bullets | PlanTable | Figure


@dataclass(frozen=True)
class Section:
    """A chapter (level 1) or a part of one (level 2); ``anchor`` is its id for links."""

    anchor: str
    title: str
    level: Literal[1, 2]
    blocks: tuple[Block, ...] = ()
    page_break: bool = False  # start on a new page

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean(self.title))


@dataclass(frozen=True)
class Plan:
    """The whole plan: a cover and the sections in reading order."""

    title: str
    project: str
    scenario: str
    date: str
    model_version: str
    cover: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for name in ("title", "project", "scenario"):
            object.__setattr__(self, name, clean(getattr(self, name)))
        object.__setattr__(self, "cover", tuple((clean(k), clean(v)) for k, v in self.cover))

    def section(self, anchor: str) -> Section:
        return next(s for s in self.sections if s.anchor == anchor)
