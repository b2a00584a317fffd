"""The A4 poster that invites residents: a big plain-Dutch invitation, the QR code and the link.

Rendered with WeasyPrint from our own HTML; the QR code is inline SVG (segno), so the renderer
needs no file and no network. Its URL fetcher refuses everything but ``data:`` URLs: the
poster never fetches anything, and a stray link in a project name cannot make it try.
"""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from stuurknop.reports.base import Rendered, file_stem

PDF = "application/pdf"


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an inline SVG element that scales to its box (no fixed size).

    Error correction M (15%) survives a poster that is a bit worn or creased.
    """
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None))


def offline_fetcher() -> URLFetcher:
    """Refuses every URL but ``data:`` (and stops the rendering when asked for one)."""
    return URLFetcher(allowed_protocols=("data",), fail_on_errors=True)


def render_poster(*, project_name: str, url: str) -> Rendered:
    html = render_to_string(
        "residents/poster.html",
        # The SVG is segno's output for our own URL: markup we made, not text from a user.
        {"project_name": project_name, "url": url, "qr": mark_safe(qr_svg(url))},
    )
    pdf = HTML(string=html, url_fetcher=offline_fetcher(), base_url="data:,").write_pdf()
    return Rendered(
        filename=f"{file_stem('vragenlijst bewoners', project_name)}.pdf",
        content_type=PDF,
        content=pdf,
    )
