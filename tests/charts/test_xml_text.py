"""Text that XML cannot hold never reaches a chart's SVG: each chart writes its text through
``xml_text``, even for a document that skipped validation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from lxml import etree

from stuurknop.charts import Mark, grouped_bar_chart, stacked_bar_chart
from stuurknop.charts.heatmap import heatmap
from stuurknop.charts.model_map import model_map
from stuurknop.charts.xml_text import xml_attribute, xml_escape, xml_text
from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro

# What an outside probe put in names: C0 controls, DEL, a non-character, a lone surrogate.
UNSAFE = ["\x01", "\x0b", "\x1b", "\x7f", "\ufffe", "\ud800"]


def parsed(svg: str) -> etree._Element:
    """The SVG parsed as strict XML, the way Word's and Typst's parsers read it."""
    return etree.fromstring(svg.encode("utf-8"), etree.XMLParser(recover=False))


def all_text(root: etree._Element) -> str:
    return " ".join(root.itertext())


@pytest.mark.parametrize("char", [*UNSAFE, "\x00", "\x9f", "\uffff", "\udfff"])
def test_xml_text_drops_what_xml_cannot_hold(char):
    assert xml_text(f"Gemeente{char} Oost") == "Gemeente Oost"


@pytest.mark.parametrize(
    "text", ["tab\there", "line\nbreak", "cr\rstays", "ë é € “” 😀 \ufffd", "<b>&amp;</b>"]
)
def test_xml_text_keeps_everything_else(text):
    assert xml_text(text) == text


def test_escaping_cleans_first_and_then_escapes():
    assert xml_escape("a\x01<b>&") == "a&lt;b&gt;&amp;"
    assert xml_attribute('a\x1b"b') == "'a\"b'"


@pytest.mark.parametrize("char", UNSAFE)
def test_a_bar_chart_with_unsafe_names_is_valid_svg(char):
    chart = stacked_bar_chart(
        ["2025", f"20{char}26"],
        {f"Structu{char}reel": [1000, 2000], "Tijdelijk": [0, 500]},
        lines={f"Kos{char}ten": [Decimal(1500), Decimal(2500)]},
        marks=[Mark(f"20{char}26", f"Klif{char}!", note=f"Sub{char}sidie stopt")],
        title=f"Geld{char} per jaar",
        description=f"Tekst{char}alternatief",
        value_format=euro,
        id_prefix="geld",
    )

    text = all_text(parsed(chart.svg))
    assert "Geld per jaar" in text and "Tekstalternatief" in text
    assert "Structureel" in text and "Kosten" in text and "Klif!" in text
    assert char not in chart.title + chart.description + repr(chart.table)
    assert chart.table.rows[1][0] == "2026"
    assert chart.png(dpi=40).startswith(b"\x89PNG")


@pytest.mark.parametrize("char", UNSAFE)
def test_a_grouped_bar_chart_of_parties_with_unsafe_names_is_valid_svg(char):
    chart = grouped_bar_chart(
        [f"Zorg{char}partner", "Gemeente"],
        {"Betaalt": [100, 200]},
        title="Per partij",
        description="Wie betaalt",
        value_format=euro,
        id_prefix="partij",
        value_labels=True,
    )

    assert "Zorgpartner" in all_text(parsed(chart.svg))


@pytest.mark.parametrize("char", UNSAFE)
def test_a_heatmap_with_unsafe_names_is_valid_svg(char):
    chart = heatmap(
        [f"Goed{char} wonen"],
        [f"Wijk{char}team", "Gemeente"],
        [[1, 3]],
        title=f"Warmte{char}kaart",
        description=f"Be{char}schrijving",
        caption="Scores",
        id_prefix="warmte",
        extra=("Spreiding", [f"2{char}"]),
    )

    root = parsed(chart.svg)
    text = all_text(root)
    assert "Goed wonen" in text and "Wijkteam" in text and "Warmtekaart" in text
    assert "Beschrijving" in text


@pytest.mark.parametrize("char", UNSAFE)
def test_the_model_map_of_a_scenario_with_an_unsafe_name_is_valid_svg(char, model, make_document):
    doc = make_document(knobs={4: 2})
    # model_copy skips validation, as an old file or a bypassed edge would
    scenario = doc.scenario().model_copy(update={"name": f"Plan{char} B"})
    chart = model_map(model, scenario, analyse(model, doc, doc.scenario()))

    assert "scenario Plan B" in all_text(parsed(chart.svg))
