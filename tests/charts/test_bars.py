"""The chart primitives: their SVG is safe to inline, their table holds the figures drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from stuurknop.charts import Chart, Mark, bar_chart, grouped_bar_chart, stacked_bar_chart
from stuurknop.presentation.numbers import euro

SVG = "{http://www.w3.org/2000/svg}"
YEARS = ["2025", "2026", "2027"]


def stacked(**kwargs):
    arguments = {
        "title": "Kosten en financiering per jaar",
        "description": "Vanaf 2027 is er een tekort.",
        "value_format": euro,
        "id_prefix": "geld",
        "label_heading": "Jaar",
        "lines": {"Kosten": [Decimal("6000"), 6000, 6000]},
        "marks": [Mark("2027", "Klif")],
        **kwargs,
    }
    series = {
        "Structureel": [1000, 1000, 1000],
        "Tijdelijk": [5000, 5000, 0],
        "Tekort": [0, 0, 5000],
    }
    return stacked_bar_chart(YEARS, series, **arguments)


def all_charts() -> list[Chart]:
    common = {"value_format": euro, "label_heading": "Partij"}
    return [
        stacked(),
        bar_chart(
            ["Woco", "Zorg"],
            {"Betaalt": [Decimal("1250.50"), 0]},
            title="Wie betaalt",
            description="Woco betaalt alles.",
            id_prefix="betaalt",
            value_labels=True,
            **common,
        ),
        grouped_bar_chart(
            ["Woco", "Zorg"],
            {"Aandeel geld": [0.75, 0.25], "Aandeel waarde": [0.5, 0.5]},
            title="Balans",
            description="Woco betaalt meer dan zijn aandeel in de waarde.",
            id_prefix="balans",
            value_format=lambda d: f"{round(d * 100)}%",
            label_heading="Partij",
        ),
    ]


@pytest.fixture(scope="module")
def charts() -> list[Chart]:
    return all_charts()


def parse(chart: Chart) -> ET.Element:
    return ET.fromstring(chart.svg)


def test_the_svg_parses_and_scales_with_its_container(charts):
    for chart in charts:
        root = parse(chart)
        assert root.tag == f"{SVG}svg"
        assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox", ""))
        assert root.get("width") is None and root.get("height") is None


def test_the_svg_has_no_style_script_metadata_or_outside_reference(charts):
    for chart in charts:
        for element in parse(chart).iter():
            tag = element.tag.removeprefix(SVG)
            assert tag not in ("style", "script", "metadata", "foreignObject"), tag
            assert "style" not in element.attrib
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on")
                if name.endswith("href"):
                    assert value.startswith("#"), value
                for target in re.findall(r"url\(([^)]*)\)", value):
                    assert target.startswith("#"), target
        assert "http://purl.org" not in chart.svg  # no RDF metadata


def test_every_id_is_prefixed_and_every_reference_resolves(charts):
    for chart, prefix in zip(charts, ["geld", "betaalt", "balans"], strict=True):
        root = parse(chart)
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert ids and all(i.startswith(f"{prefix}-") for i in ids)
        assert len(ids) == len(set(ids))
        references = set()
        for element in root.iter():
            for name, value in element.attrib.items():
                if name.endswith("href"):
                    references.add(value[1:])
                references.update(re.findall(r"url\(#([^)]+)\)", value))
        references.update(root.get("aria-labelledby", "").split())
        assert references and references <= set(ids)


def test_the_stacked_chart_uses_patterns_that_are_prefixed(charts):
    patterns = [e.get("id") for e in parse(charts[0]).iter(f"{SVG}pattern")]
    assert len(patterns) == 2  # Tijdelijk and Tekort carry a hatch, the first series is plain
    assert all(p.startswith("geld-") for p in patterns)


def test_two_charts_on_one_page_share_no_id(charts):
    ids = [{e.get("id") for e in parse(chart).iter() if e.get("id")} for chart in charts]
    assert not ids[0] & ids[1] and not ids[1] & ids[2] and not ids[0] & ids[2]


def test_the_root_is_an_image_labelled_by_its_title_and_description(charts):
    chart = charts[0]
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "geld-title geld-desc"
    assert root[0].tag == f"{SVG}title" and root[0].text == "Kosten en financiering per jaar"
    assert root[1].tag == f"{SVG}desc" and root[1].text == "Vanaf 2027 is er een tekort."


def test_text_stays_text_in_the_svg(charts):
    texts = [e.text for e in parse(charts[0]).iter(f"{SVG}text")]
    assert {"2025", "2026", "2027", "Structureel", "Tijdelijk", "Tekort", "Kosten", " Klif"} <= set(
        texts
    )
    text = next(parse(charts[0]).iter(f"{SVG}text"))
    assert text.get("font-size") and text.get("font-family")


def test_the_table_has_the_figures_drawn(charts):
    table = charts[0].table
    assert table.caption == "Kosten en financiering per jaar"
    assert table.columns == ("Jaar", "Structureel", "Tijdelijk", "Tekort", "Kosten", "Opmerking")
    assert table.rows == (
        ("2025", "€ 1.000", "€ 5.000", "€ 0", "€ 6.000", ""),
        ("2026", "€ 1.000", "€ 5.000", "€ 0", "€ 6.000", ""),
        ("2027", "€ 1.000", "€ 0", "€ 5.000", "€ 6.000", "Klif"),
    )
    drawing = charts[0].drawing
    assert drawing is not None
    drawn = [values for _, values in (*drawing.bars, *drawing.lines)]
    for i, row in enumerate(table.rows):
        assert list(row[1:5]) == [euro(Decimal(repr(v[i]))) for v in drawn]


def test_the_table_formats_exact_amounts_and_value_labels_match(charts):
    chart = charts[1]
    assert chart.table.rows == (("Woco", "€ 1.251"), ("Zorg", "€ 0"))
    texts = {e.text for e in parse(chart).iter(f"{SVG}text")}
    assert {"€ 1.251", "€ 0"} <= texts


def test_the_axis_runs_from_zero_to_above_the_highest_stack(charts):
    drawing = charts[0].drawing
    assert drawing is not None
    assert drawing.ticks[0] == 0 and drawing.ticks[-1] >= 6000
    assert drawing.tick_labels[0] == "€ 0"


def test_the_same_chart_renders_to_the_same_svg():
    assert stacked().svg == stacked().svg


def test_a_name_with_dollars_and_markup_is_drawn_as_plain_text():
    chart = bar_chart(
        ["$x$ <b>&"],
        {"Kosten": [1]},
        title="<script>",
        description="a & b",
        value_format=euro,
        id_prefix="t",
    )
    root = parse(chart)
    assert "$x$ <b>&" in {e.text for e in root.iter(f"{SVG}text")}
    assert root[0].text == "<script>"
    assert "<script>" not in chart.svg


def test_the_chart_renders_again_as_png_for_word_documents(charts):
    png = charts[0].png(dpi=50)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert charts[0].render("pdf").startswith(b"%PDF")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id_prefix": "1geld"}, "id_prefix"),
        ({"id_prefix": "geld x"}, "id_prefix"),
        ({"marks": [Mark("2030", "x")]}, "mark"),
        ({"lines": {"Kosten": [1, 2]}}, "2 values for 3 labels"),
    ],
)
def test_it_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        stacked(**kwargs)


def test_a_stacked_chart_refuses_negative_values_and_a_bar_chart_a_second_series():
    with pytest.raises(ValueError, match="negative"):
        stacked_bar_chart(
            ["a"], {"x": [-1]}, title="t", description="d", value_format=euro, id_prefix="p"
        )
    with pytest.raises(ValueError, match="exactly one series"):
        bar_chart(
            ["a"],
            {"x": [1], "y": [2]},
            title="t",
            description="d",
            value_format=euro,
            id_prefix="p",
        )


def test_an_all_zero_chart_still_has_an_axis():
    chart = bar_chart(
        YEARS, {"Kosten": [0, 0, 0]}, title="t", description="d", value_format=euro, id_prefix="p"
    )
    assert chart.drawing is not None and chart.drawing.ticks[-1] > 0


def test_charts_drawn_in_parallel_threads_are_the_same_as_drawn_alone():
    from concurrent.futures import ThreadPoolExecutor

    alone = stacked().svg
    with ThreadPoolExecutor(max_workers=4) as pool:
        drawn = list(pool.map(lambda _: stacked().svg, range(8)))
    assert drawn == [alone] * 8


def test_every_bar_is_drawn_with_a_height_in_proportion_to_its_value():
    chart = grouped_bar_chart(
        ["a", "b"],
        {"x": [100, 50], "y": [25, 0]},
        title="t",
        description="d",
        value_format=euro,
        id_prefix="p",
    )
    bars = [
        float(e.get("height"))
        for e in parse(chart).iter(f"{SVG}rect")
        if e.get("stroke") == "#ffffff"
    ]
    assert len(bars) == 4
    assert bars[0] / 4 == pytest.approx(bars[2], abs=0.2)  # x for a, then y for a
    assert bars[0] / 2 == pytest.approx(bars[1], abs=0.2)
    assert bars[3] == 0
