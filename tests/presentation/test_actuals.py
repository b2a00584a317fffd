"""Realised money as blocks: the chapter the evaluation report and the CLI take, its tables
holding the engine's figures, and the chart's table holding the chart's."""

from __future__ import annotations

from decimal import Decimal as D

from stuurknop.engine.actuals import realised
from stuurknop.presentation.actuals import (
    NOTHING,
    cost_item_table,
    realised_blocks,
    realised_sections,
    signed,
    year_table,
)
from stuurknop.presentation.blocks import Figure, Paragraph, PlanTable
from tests.engine.test_actuals import document


def test_a_difference_is_signed() -> None:
    assert (signed(D("1000")), signed(D("-250")), signed(D("0"))) == ("+ € 1.000", "− € 250", "€ 0")


def test_the_chapter_and_its_parts(model, make_document) -> None:
    doc = document(make_document)
    chapter, items, parties, cliff = realised_sections(model, doc)
    assert (chapter.level, items.level, parties.level, cliff.level) == (1, 2, 2, 2)
    assert chapter.anchor == "gerealiseerd" and cliff.anchor == "gerealiseerd-klif"
    (part,) = realised_sections(model, doc, anchor="geld-echt", level=2)
    assert part.level == 2 and part.anchor == "geld-echt"
    figure = next(b for b in chapter.blocks if isinstance(b, Figure))
    assert figure.table is not None and figure.table.rows == figure.chart.table.rows
    assert figure.table.columns[:3] == ("Jaar", "Uitgegeven", "Ontvangen")


def test_the_tables_hold_the_engines_figures(model, make_document) -> None:
    doc = document(make_document)
    result = realised(model, doc, doc.scenario())
    years = year_table(result)
    assert years.rows[0] == (
        "2025",
        "€ 10.000",
        "€ 12.000",
        "+ € 2.000",
        "€ 10.000",
        "€ 10.000",
        "€ 0",
    )
    assert years.rows[4][2:4] == ("nog niet", "–")  # 2029 is not realised yet
    assert years.rows[-1][0] == "Totaal t/m 2028" and years.total
    rows = {(r[0], r[1]): r[2:] for r in cost_item_table(result).rows}
    assert rows[("builder", "2028")] == ("€ 5.000", "€ 4.000", "− € 1.000")


def test_nothing_recorded_says_so(model, make_document) -> None:
    doc = document(make_document, [])
    result = realised(model, doc, doc.scenario())
    blocks = realised_blocks(result, doc, doc.scenario())
    assert not any(isinstance(b, Figure) for b in blocks)
    tables = [b for b in blocks if isinstance(b, PlanTable) and not b.rows]
    assert tables and all(t.empty == NOTHING for t in tables)
    assert any(
        isinstance(b, Paragraph) and b.text == "Geen verschillen met het plan." for b in blocks
    )
