"""A bar chart drawn for a phone (``bar_svg(drawing, width=PHONE_WIDTH)``): as narrow as a phone,
its text as large as on the wide chart, crowded labels upright and the legend one entry a line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from stuurknop.charts import grouped_bar_chart
from stuurknop.charts.bar_svg import PHONE_WIDTH, bar_svg
from stuurknop.presentation.numbers import euro
from tests.charts.test_bars import all_charts

SVG = "{http://www.w3.org/2000/svg}"
PARTIES = [
    "Woonstichting Voorbeeld",
    "Zorggroep Voorbeeld",
    "Welzijn Voorbeeldstad",
    "Gemeente Voorbeeldstad",
    "Bewonerscommissie De Linde",
    "Fonds Voorbeeld Ouderen",
]


def phone(chart: object) -> ET.Element:
    drawing = getattr(chart, "drawing", None)
    assert drawing is not None
    return ET.fromstring(bar_svg(drawing, width=PHONE_WIDTH))


def test_it_is_as_wide_as_a_phone_and_its_text_is_at_least_12_px() -> None:
    for chart in all_charts():
        root = phone(chart)
        width = float(root.get("viewBox", "").split()[2])
        assert width == PHONE_WIDTH
        for text in root.iter(f"{SVG}text"):
            assert float(text.get("font-size", "0")) >= 12, text.text


def test_crowded_labels_stand_upright_and_the_legend_entries_line_up() -> None:
    chart = grouped_bar_chart(
        PARTIES,
        {"Kosten": [1, 2, 3, 4, 5, 6], "Betaald": [1, 1, 1, 1, 1, 1], "Tekort": [0] * 6},
        title="Per partij",
        description="Kosten, bijdrage en tekort per partij.",
        value_format=euro,
        id_prefix="partij",
    )
    root = phone(chart)
    labels = [t for t in root.iter(f"{SVG}text") if t.text in PARTIES]
    assert len(labels) == len(PARTIES)
    assert all(re.match(r"rotate\(-90 ", t.get("transform", "")) for t in labels)
    legend = [r for r in root.iter(f"{SVG}rect") if r.get("width") == "28"]
    assert len(legend) == 3 and len({r.get("x") for r in legend}) == 1
    assert len({r.get("y") for r in legend}) == 3
