"""The plan as a PDF: the plan's blocks in an HTML template, laid out on A4 by WeasyPrint.

WeasyPrint gets no network and no files: the stylesheet is passed as a string, the charts are
``data:`` URLs, fonts come from the system (fontconfig), and the URL fetcher refuses anything
but ``data:``, so a name like ``<img src="http://…">`` in a project can never make it fetch.
"""

from __future__ import annotations

import base64
from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from stuurknop.charts.chart import Chart
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import Bullets, Facts, Figure, Paragraph, Plan, PlanTable
from stuurknop.reports.printing import printable
from stuurknop.reports.registry import PDF

__all__ = ["offline_fetcher", "plan_html", "plan_pdf", "render_plan_pdf"]

# Tagged PDF: a screen reader follows headings, tables and the charts' text alternatives
# (EN 301 549 asks it of documents that public bodies publish). It costs about 0.4 s of the
# 3–3.5 s the largest example takes; set False where only speed counts.
TAGGED = True

BLOCK_KINDS = {
    Paragraph: "paragraph",
    Facts: "facts",
    Bullets: "bullets",
    PlanTable: "table",
    Figure: "figure",
}


def render_plan_pdf(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The plan of ``scenario`` as a PDF file (the registry's ``pdf`` format)."""
    plan = build_plan(model, document, scenario, today=options.today)
    stem = file_stem("plan", document.project.name, scenario.name)
    return Rendered(f"{stem}.pdf", PDF, plan_pdf(plan, model_title=model.title))


def plan_html(plan: Plan, *, model_title: str) -> str:
    """The plan as the HTML that WeasyPrint lays out (autoescaped: text stays text)."""
    return (
        _environment()
        .get_template("plan.html")
        .render(plan=plan, model_title=model_title, created=plan.date)
    )


def plan_pdf(plan: Plan, *, model_title: str) -> bytes:
    """The plan as PDF bytes, tagged so that a screen reader can follow its structure."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = offline_fetcher()
    fonts = FontConfiguration()
    stylesheet = CSS(string=_stylesheet(), font_config=fonts, url_fetcher=fetcher)
    html = HTML(
        string=plan_html(plan, model_title=model_title), url_fetcher=fetcher, base_url="data:,"
    )
    pdf: bytes = html.write_pdf(
        stylesheets=[stylesheet],
        font_config=fonts,
        pdf_tags=TAGGED,
        custom_metadata=True,
        uncompressed_pdf=False,
    )
    return pdf


def offline_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads ``data:`` URLs only; any other URL stops the
    rendering with an error instead of being fetched."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, timeout=1, fail_on_errors=True)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("stuurknop.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=printable,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["kind"] = _kind
    env.filters["svg_data_url"] = _svg_data_url
    env.filters["tight"] = _tight
    return env


@cache
def _stylesheet() -> str:
    return files("stuurknop.reports").joinpath("templates/plan.css").read_text("utf-8")


def _kind(block: object) -> str:
    return BLOCK_KINDS[type(block)]


def _tight(cell: str) -> str:
    """Keep an amount on one line in a narrow column: ``€ 1.000`` never breaks after ``€``."""
    return cell.replace("€ ", "€\u00a0")


def _svg_data_url(chart: Chart) -> str:
    encoded = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
