"""``{% scroll_region %}<table>…</table>{% endscroll_region %}``: a wide table on a narrow screen.

A table that does not fit a phone's width scrolls sideways inside its own region rather than
widening the page (or being cut off). The region can be focused, so a keyboard scrolls it, and
is named by the table's caption (``aria-labelledby``; the caption gets an id if it has none).
Where the table fits, nothing scrolls.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_CAPTION = re.compile(r"<caption\b([^>]*)>(.*?)</caption>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        inner: str = self.nodelist.render(context)
        caption = _CAPTION.search(inner)
        if caption is None:
            label = f'aria-label="{_("Tabel")}"'
        else:
            existing = _ID.search(caption[1])
            caption_id = existing[1] if existing else _new_id(context, caption[2])
            if not existing:
                start = caption.start() + len("<caption")
                inner = f'{inner[:start]} id="{caption_id}"{inner[start:]}'
            label = f'aria-labelledby="{caption_id}"'
        # The template's own output, with ids made here: safe as it was.
        return mark_safe(
            f'<div class="table-scroll" role="region" tabindex="0" {label}>{inner}</div>'
        )


def _new_id(context: template.Context, caption: str) -> str:
    """An id unique on the page: the caption's hash and the number of regions so far."""
    holder: Any = context.get("request") or context.render_context
    count = getattr(holder, "stuurknop_regions", 0) + 1
    holder.stuurknop_regions = count
    digest = hashlib.sha1(caption.encode(), usedforsecurity=False).hexdigest()[:6]
    return f"tabel-{digest}-{count}"


@register.tag("scroll_region")
def scroll_region(parser: Parser, token: Token) -> ScrollRegionNode:
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist)
