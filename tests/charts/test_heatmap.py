"""The heat map of perspectives: every score as a number and a shade, the table the same."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from stuurknop.charts.heatmap import SHADES, divergence_heatmap, heatmap, score_text, shade
from stuurknop.engine.divergence import RESIDENTS, divergence

SVG = "{http://www.w3.org/2000/svg}"


def cell_texts(svg: str) -> dict[str, str]:
    """Each cell's tooltip ("row, column: score") → the number written in it."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        tip, text = group.find(f"{SVG}title"), group.find(f"{SVG}text")
        if tip is not None and text is not None:
            found[tip.text or ""] = text.text or ""
    return found


def cell_fills(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)
    return {
        group.find(f"{SVG}title").text: group.find(f"{SVG}rect").get("fill")  # type: ignore[union-attr]
        for group in root.iter(f"{SVG}g")
        if group.find(f"{SVG}rect") is not None
    }


@pytest.mark.parametrize(
    ("score", "text", "level"),
    [
        (0.0, "0", 0),
        (3.0, "3", 3),
        (2.65, "2,7", 3),
        (2.44, "2,4", 2),
        (0.5, "0,5", 1),  # halves up, for the shade as for the number
        (1.25, "1,3", 1),
    ],
)
def test_a_score_is_written_in_dutch_and_shaded_by_its_nearest_whole(score, text, level):
    assert score_text(score) == text
    assert shade(score) == level


def test_every_cell_shows_its_number_and_a_shade_that_rises_with_the_score():
    chart = heatmap(
        ["Knop A", "Knop B"],
        ["Woco", "Zorg"],
        [[0, 3], [2, None]],
        title="Proef",
        description="Een proef.",
        caption="Proeftabel",
        id_prefix="proef",
    )
    assert cell_texts(chart.svg) == {
        "Knop A, Woco: 0": "0",
        "Knop A, Zorg: 3": "3",
        "Knop B, Woco: 2": "2",
        "Knop B, Zorg: geen score": "–",
    }
    fills = cell_fills(chart.svg)
    assert fills["Knop A, Woco: 0"] == SHADES[0][0]
    assert fills["Knop A, Zorg: 3"] == SHADES[3][0]
    assert fills["Knop B, Zorg: geen score"] == "#ffffff"
    assert chart.table.columns == ("Onderwerp", "Woco", "Zorg")
    assert chart.table.rows == (("Knop A", "0", "3"), ("Knop B", "2", "–"))


def test_the_svg_is_safe_to_inline_under_a_strict_csp():
    chart = heatmap(
        ["<Knop> & co"],
        ["Woco"],
        [[1]],
        title="T",
        description="D",
        caption="C",
        id_prefix="hm-1",
    )
    root = ET.fromstring(chart.svg)  # well-formed: the label is escaped
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "hm-1-title hm-1-desc"
    assert "style" not in chart.svg
    assert "<script" not in chart.svg and not re.search(r"\son\w+=", chart.svg)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids and all(i.startswith("hm-1-") for i in ids)


def test_bad_shapes_and_prefixes_are_refused():
    with pytest.raises(ValueError, match="one row per row label"):
        heatmap(["A"], ["Woco", "Zorg"], [[1]], title="", description="", caption="", id_prefix="x")
    with pytest.raises(ValueError, match="id_prefix"):
        heatmap(["A"], ["W"], [[1]], title="", description="", caption="", id_prefix="1x")


def test_the_divergence_map_puts_the_largest_difference_on_top(model, make_document):
    doc = make_document(
        perspectives=[
            {"party": "woco", "knobs": {"3": 3, "6": 2}, "values": {"goed_wonen": 3}},
            {"party": "zorg", "knobs": {"3": 0, "6": 1}, "values": {"goed_wonen": 1}},
        ],
        resident_input=[{"date": "2025-05-01", "respondents": 23, "knobs": {"6": "0.5"}}],
    )
    chart = divergence_heatmap(divergence(model, doc), id_prefix="verschil")
    table = chart.table
    assert table.columns == ("Onderwerp", "Woco", "Zorg", RESIDENTS, "Spreiding")
    assert table.rows == (
        ("Stuurknop 3: Financiering ontmoetingsruimte", "3", "0", "–", "3"),
        ("Goed wonen", "3", "1", "–", "2"),
        (next(r[0] for r in table.rows if r[0].startswith("Stuurknop 6")), "2", "1", "0,5", "1,5"),
    )
    assert "Het grootste verschil is bij Stuurknop 3" in chart.description
    assert cell_texts(chart.svg)[f"{table.rows[2][0]}, {RESIDENTS}: 0,5"] == "0,5"


def test_a_map_without_differences_says_so(model, make_document):
    chart = divergence_heatmap(divergence(model, make_document()))
    assert chart.table.rows == ()
    assert "nog geen onderwerpen" in chart.description
    ET.fromstring(chart.svg)
