"""HTML to PDF for the printable documents (worksheets, poster), offline.

Templates are Jinja2 files in ``templates/``, rendered with autoescape so that any text a
project holds (quotes, ``<``, ``&``) prints as written, and with :func:`printable` as the
``finalize`` of every ``{{ … }}``, so that no character HTML and XML cannot hold gets through.
WeasyPrint gets a URL fetcher that only accepts ``data:`` URLs: a document never fetches
anything, so it renders the same without a network and cannot leak a project to a third party
through a stray link.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from stuurknop.charts.xml_text import xml_text
from stuurknop.engine.text import euro


def money(amount: Decimal) -> str:
    """Whole euros without cents (``€ 20.000``), else with them (``€ 12.500,50``)."""
    return euro(amount, cents=amount != amount.to_integral_value())


LONG_WORD = re.compile(r"\S{31,}")
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str, every: int = 30) -> str:
    """``text`` with a break opportunity every ``every`` characters inside very long words
    (a pasted URL, a row of x's), so that a table keeps its natural column widths and still
    never runs off the page."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        return ZERO_WIDTH_SPACE.join(word[i : i + every] for i in range(0, len(word), every))

    return LONG_WORD.sub(split, text)


def printable(value: object) -> object:
    """Jinja's ``finalize`` for the PDF templates: every text a template prints, before it is
    escaped, without the characters XML cannot hold (:mod:`stuurknop.charts.xml_text`)."""
    if isinstance(value, Markup):
        return Markup(xml_text(value))
    if isinstance(value, str):
        return xml_text(value)
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("stuurknop.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=printable,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = money
    env.filters["breakable"] = breakable
    return env


def offline_fetcher() -> URLFetcher:
    """A fetcher that refuses every URL but ``data:``, and stops the rendering if asked for one."""
    return URLFetcher(allowed_protocols=("data",), fail_on_errors=True)


def render_pdf(template: str, stylesheet: str, context: dict[str, object]) -> bytes:
    """``template`` rendered with ``context``, styled by ``stylesheet``, as PDF bytes."""
    env = environment()
    html = env.get_template(template).render(**context)
    css = env.get_template(stylesheet).render(**context)
    fetcher = offline_fetcher()
    document = HTML(string=html, url_fetcher=fetcher, base_url="data:,")
    pdf: bytes = document.write_pdf(stylesheets=[CSS(string=css, url_fetcher=fetcher)])
    return pdf
