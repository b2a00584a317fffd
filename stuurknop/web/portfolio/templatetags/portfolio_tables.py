"""A table's body rows as HTML, written at once: a portfolio page holds a grid of 50 projects
by 16 columns, and Django's template loops over each cell cost more than the page's queries."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from stuurknop.presentation.portfolio import Table

register = template.Library()


@register.simple_tag
def table_rows(table: Table, knob_first: int = 0, knob_last: int = -1) -> SafeString:
    """``<tr>`` per row: the first cell heads it; cells ``knob_first``–``knob_last`` (0-based)
    are the grid's knob cells."""

    def row(cells: tuple[str, ...]) -> SafeString:
        rest = format_html_join(
            "",
            '<td class="{}">{}</td>',
            (
                ("knob-cell" if knob_first <= i <= knob_last else "cell", cell)
                for i, cell in enumerate(cells[1:], start=1)
            ),
        )
        return format_html('<tr><th scope="row">{}</th>{}</tr>', cells[0], rest)

    return SafeString("\n".join(row(cells) for cells in table.rows))


@register.simple_tag
def quick_select(field: BoundField) -> SafeString:
    """A choice field's ``<select>`` with its options written at once (the partner and
    municipality filters of a large portfolio have hundreds: Django's widget templates take
    longer to render them than the whole page's queries)."""
    chosen = {
        str(v) for v in (field.value() if isinstance(field.value(), list) else [field.value()])
    }
    choices = field.field.choices  # type: ignore[attr-defined]
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (str(value), " selected" if str(value) in chosen else "", label)
            for value, label in choices
        ),
    )
    return format_html(
        '<select name="{}" id="{}">{}</select>', field.html_name, field.id_for_label, options
    )
