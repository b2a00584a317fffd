"""Charts drawn on the server as SVG, each with a table of the same figures and a text
alternative: used by the web pages now and by the PDF and Word documents later.

Pure Python, no Django here (a test holds it to that). Bar charts are drawn straight as SVG
(:mod:`stuurknop.charts.bar_svg`); matplotlib draws them again as PNG for Word.
"""

from stuurknop.charts.bars import bar_chart, grouped_bar_chart, stacked_bar_chart
from stuurknop.charts.chart import Chart, Table
from stuurknop.charts.drawing import Drawing, Mark
from stuurknop.charts.svg import inline_svg

__all__ = [
    "Chart",
    "Drawing",
    "Mark",
    "Table",
    "bar_chart",
    "grouped_bar_chart",
    "inline_svg",
    "stacked_bar_chart",
]
