"""The presentation's blocks (:mod:`stuurknop.presentation.blocks`) on a page.

``{% block_html item %}`` renders a paragraph, facts, bullets, a table or a figure with the
template of its kind (``blocks/<kind>.html``): the page says what the plan and the command line
say, laid out for the web.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from stuurknop.presentation.blocks import Block, Bullets, Facts, Figure, Paragraph, PlanTable

register = template.Library()


@register.simple_tag
def block_html(item: Block) -> SafeString:
    """The block as accessible HTML."""
    if isinstance(item, Paragraph):
        return render_to_string("blocks/paragraph.html", {"paragraph": item})
    if isinstance(item, Facts):
        return render_to_string("blocks/facts.html", {"facts": item})
    if isinstance(item, Bullets):
        return render_to_string("blocks/bullets.html", {"bullets": item})
    if isinstance(item, PlanTable):
        return render_to_string("blocks/table.html", table_context(item))
    if isinstance(item, Figure):
        table = table_context(item.table) if item.table else {}
        return render_to_string("blocks/figure.html", {"figure": item, **table})
    raise TypeError(f"no template for {type(item).__name__}")


def table_context(table: PlanTable) -> dict[str, Any]:
    """The table with each cell beside its alignment (a template cannot ask for it)."""
    rows = [[(cell, table.alignment(i)) for i, cell in enumerate(row)] for row in table.rows]
    return {"table": table, "rows": rows}
