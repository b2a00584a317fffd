"""The plan's chapter of the explorer: the front (a chart and the table of the same figures)
and the nearest better designs in words, from the same functions as the page and the command
line; read back from the PDF and the Word file."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

from stuurknop.engine.explorer import explore
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.presentation.blocks import Bullets, Figure, PlanTable
from stuurknop.presentation.explorer import NOW, better_sentence, money, setting_words
from stuurknop.presentation.numbers import decimal
from stuurknop.reports import render
from stuurknop.reports.plan import build_plan

from .plan_projects import OPTIONS, TODAY, example
from .printed import pages_text


@pytest.fixture(scope="module")
def thuisflat():
    return example("thuisflat")


@pytest.fixture(scope="module")
def plan(model, thuisflat):
    return build_plan(model, thuisflat, thuisflat.scenario(), today=TODAY)


@pytest.fixture(scope="module")
def explored(model, thuisflat):
    exploration = explore(model, thuisflat, thuisflat.scenario())
    return exploration, nearest_better(exploration.tables, None)


def front_table(plan) -> PlanTable:
    return next(b for b in plan.section("verkenner").blocks if isinstance(b, PlanTable))


def squeezed(text: str) -> str:
    return "".join(text.split()).replace("\u00a0", "")


def test_the_chapter_starts_a_page_after_the_effects(plan):
    anchors = [s.anchor for s in plan.sections]
    assert anchors.index("verkenner") == anchors.index("effecten-in-geld") + 1
    assert anchors[anchors.index("verkenner") + 1] == "dichtbij-beter"
    assert plan.section("verkenner").page_break


def test_the_table_holds_the_engines_front_and_the_scenario_now(model, plan, explored):
    exploration, _ = explored
    designs = exploration.designs
    rows = front_table(plan).rows
    assert len(rows) == len(designs.effort) + 1  # every design of the front, then "nu"
    for i, row in enumerate(rows[:-1]):
        openings = tuple(int(o) for o in designs.openings[i])
        assert row[:3] == (str(i + 1), setting_words(model, openings), money(designs.effort[i]))
        assert row[3] == decimal(float(designs.total_value[i]))
    now = rows[-1]
    assert now[0] == NOW
    assert now[1] == setting_words(model, exploration.tables.current)
    assert now[2] == money(float(exploration.effort[exploration.current]))


def test_the_chart_draws_the_figures_of_the_table(plan):
    section = plan.section("verkenner")
    figure = next(b for b in section.blocks if isinstance(b, Figure))
    table = front_table(plan)
    drawn = [(r[0], r[1], r[2], r[3]) for r in figure.chart.table.rows]
    assert drawn == [(r[0], r[2], r[3], r[4]) for r in table.rows]
    assert figure.chart.svg.count("<circle") >= len(table.rows) - 1
    assert section.blocks.index(figure) < section.blocks.index(table)


def test_the_nearest_better_designs_are_said_as_on_the_page(model, plan, explored):
    _, nearest = explored
    assert nearest, "the example has a better design one or two knobs away"
    bullets = next(b for b in plan.section("dichtbij-beter").blocks if isinstance(b, Bullets))
    assert bullets.items == tuple(better_sentence(model, n) for n in nearest)


def test_pdf_and_word_carry_the_front_and_the_nearest_designs(model, thuisflat, plan):
    first = next(b for b in plan.section("dichtbij-beter").blocks if isinstance(b, Bullets)).items[
        0
    ]
    table = front_table(plan)
    pdf = squeezed(" ".join(pages_text(render("pdf", model, thuisflat, options=OPTIONS).content)))
    assert squeezed("Verkenner: alle standen van de stuurknoppen") in pdf
    assert squeezed(first) in pdf
    assert squeezed(table.rows[-1][1]) in pdf  # the scenario now, in the table
    word = Document(BytesIO(render("docx", model, thuisflat, options=OPTIONS).content))
    texts = [p.text for p in word.paragraphs]
    assert "Verkenner: alle standen van de stuurknoppen" in texts
    assert first in texts
    rows = [tuple(c.text for c in r.cells) for t in word.tables for r in t.rows]
    assert table.rows[0] in rows and table.rows[-1] in rows
    described = [s for s in word.inline_shapes if "beste ontwerpen" in s._inline.docPr.get("descr")]
    assert described, "the front is a picture with its text alternative"
