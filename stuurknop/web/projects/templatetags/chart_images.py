"""``{% chart_image chart.svg chart.title %}``: a chart drawn at its own size, never shrunk.

The charts (``stuurknop.charts``) carry a ``viewBox`` and no size, so a page could scale them to
any width; on a phone that made their text some 5 px tall. On a page a chart is drawn at the
size its ``viewBox`` says, so that its text is as large as it was drawn (at least 12 px), in a
region that scrolls sideways where the screen is narrower: focusable, so a keyboard scrolls
it, and named by the chart's title. The table of the same figures stays beside every chart.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_ROOT = re.compile(r"<svg\b([^>]*)>")
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def natural_size(svg: str) -> str:
    """``svg`` with a width and height in pixels, those of its ``viewBox``."""
    root = _ROOT.search(svg)
    box = _VIEWBOX.search(root[1]) if root else None
    if root is None or box is None or " width=" in root[1]:
        return svg
    sized = f'<svg width="{box[1]}" height="{box[2]}"{root[1]}>'
    return svg[: root.start()] + sized + svg[root.end() :]


@register.simple_tag
def chart_image(svg: str, title: str) -> SafeString:
    """The chart's SVG (already made safe by ``stuurknop.charts``) at its own size."""
    return format_html(
        '<div class="chart-scroll" role="region" tabindex="0" aria-label="{}">{}</div>',
        title,
        mark_safe(natural_size(svg)),  # made safe by stuurknop.charts.svg
    )
