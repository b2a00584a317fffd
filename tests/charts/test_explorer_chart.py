"""The explorer's front chart: its table holds the figures it draws, every text is at least
12 px, and the phone variant is 288 px wide."""

from __future__ import annotations

import re

from stuurknop.charts.explorer_chart import FrontPoint, front_chart


def point(label: str, effort: float, value: float) -> FrontPoint:
    return FrontPoint(label, effort, value, f"€ {effort:.0f}", f"{value:.2f}", "ja")


def test_the_table_holds_every_point_and_the_current_setting() -> None:
    points = [point("1", 0, 1.0), point("2", 500, 1.5), point("3", 1500, 2.0)]
    now = point("nu", 800, 1.2)
    drawn = front_chart(points, now, id_prefix="verkenner-test", description="De rand.")
    assert [r[0] for r in drawn.chart.table.rows] == ["1", "2", "3", "nu"]
    assert drawn.chart.table.rows[1][1:3] == ("€ 500", "1.50")
    for svg in (drawn.chart.svg, drawn.phone_svg):
        sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)px"', svg)]
        assert sizes and min(sizes) >= 12
        assert svg.count("<circle") == len(points) + 1  # the points and the legend's mark
    assert 'viewBox="0 0 288 ' in drawn.phone_svg


def test_an_empty_front_still_draws_the_current_setting() -> None:
    drawn = front_chart([], point("nu", 0, 0.0), id_prefix="leeg", description="Niets.")
    assert drawn.chart.table.rows == (("nu", "€ 0", "0.00", "ja"),)
