"""The presentation's blocks as HTML (``{% block_html %}``): each kind as accessible markup."""

from __future__ import annotations

import pytest

from stuurknop.charts.chart import Chart, Table
from stuurknop.presentation.blocks import Bullets, Facts, Figure, Paragraph, PlanTable
from stuurknop.web.projects.templatetags.blocks import block_html

TABLE = PlanTable(
    "Geld <per> jaar",
    ("Jaar", "Kosten", "Opmerking"),
    (("2026", "€ 1.000", "klif"), ("Totaal", "€ 1.000", "")),
    ("left", "right", "left"),
    total=True,
)


def test_a_table_has_a_caption_column_headers_row_headers_and_text_cells_left() -> None:
    html = " ".join(block_html(TABLE).split())
    assert "<caption>Geld &lt;per&gt; jaar</caption>" in html
    assert '<th scope="col">Jaar</th><th scope="col">Kosten</th>' in html
    assert '<th scope="row">2026</th><td>€ 1.000</td><td class="text">klif</td>' in html
    assert '<tr class="total"> <th scope="row">Totaal</th>' in html
    assert 'role="region" aria-label="Geld &lt;per&gt; jaar"' in html


def test_a_table_without_rows_says_its_empty_text_instead() -> None:
    html = block_html(PlanTable("Partijen", ("Partij",), (), empty="Nog geen partijen."))
    assert "<table" not in html and "Nog geen partijen." in html


def test_facts_are_a_definition_list_and_bullets_a_list() -> None:
    facts = " ".join(block_html(Facts((("Kosten", "€ 5"),))).split())
    assert "<dl" in facts and "<dt>Kosten</dt><dd>€ 5</dd>" in facts
    assert "<ul><li>een</li><li>twee</li></ul>" in block_html(Bullets(("een", "twee")))
    assert block_html(Paragraph("Let op", "warning")).strip() == '<p class="notice">Let op</p>'


@pytest.mark.parametrize("table", [TABLE, None])
def test_a_figure_is_its_svg_its_text_alternative_and_its_table_if_it_has_one(
    table: PlanTable | None,
) -> None:
    chart = Chart("Per jaar", "Kosten stijgen.", '<svg role="img"></svg>', Table("", (), ()))
    html = block_html(Figure(chart, table))
    assert '<svg role="img"></svg>' in html and "Kosten stijgen." in html
    assert ('<details class="chart-table">' in html) == (table is not None)
