"""``{% chart_image chart %}``: a chart drawn at its own size, never shrunk, and on a phone a
variant drawn for a phone.

The charts (``stuurknop.charts``) carry a ``viewBox`` and no size, so a page could scale them to
any width; on a phone that made their text some 5 px tall. On a page a chart is drawn at the
size its ``viewBox`` says, so that its text is as large as it was drawn (at least 12 px), in a
region that scrolls sideways where the screen is narrower: focusable, so a keyboard scrolls
it, and named by the chart's title. A bar chart is also drawn a second time, as narrow as a
phone (``bar_svg.PHONE_WIDTH``), and a phone shows that one instead (``site.css``). The table of
the same figures stays beside every chart.
"""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from stuurknop.charts import Chart, inline_svg
from stuurknop.charts.bar_svg import PHONE_WIDTH, bar_svg

register = template.Library()

_ROOT = re.compile(r"<svg\b([^>]*)>")
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')
_PREFIX = re.compile(r'aria-labelledby="([A-Za-z][\w-]*)-title ')


def natural_size(svg: str) -> str:
    """``svg`` with a width and height in pixels, those of its ``viewBox``."""
    root = _ROOT.search(svg)
    box = _VIEWBOX.search(root[1]) if root else None
    if root is None or box is None or " width=" in root[1]:
        return svg
    sized = f'<svg width="{box[1]}" height="{box[2]}"{root[1]}>'
    return svg[: root.start()] + sized + svg[root.end() :]


def phone_svg(chart: Chart) -> str | None:
    """The bar chart drawn for a phone, its ids apart from the wide one's; None for a chart
    that is not a bar chart."""
    prefix = _PREFIX.search(chart.svg)
    if chart.drawing is None or prefix is None:
        return None
    return inline_svg(
        bar_svg(chart.drawing, width=PHONE_WIDTH),
        id_prefix=f"{prefix[1]}-telefoon",
        title=chart.title,
        description=chart.description,
    )


@register.simple_tag
def chart_image(chart: Chart) -> SafeString:
    """The chart's SVG (already made safe by ``stuurknop.charts``) at its own size, and its
    phone variant where it has one."""
    phone = phone_svg(chart)
    wide = format_html(
        '<div class="chart-scroll{}" role="region" tabindex="0" aria-label="{}">{}</div>',
        " chart-wide" if phone else "",
        chart.title,
        mark_safe(natural_size(chart.svg)),  # made safe by stuurknop.charts.svg
    )
    if phone is None:
        return wide
    return format_html('{}<div class="chart-phone">{}</div>', wide, mark_safe(phone))
