"""The plan as a PDF: the plan's blocks as data, laid out on A4 by Typst (``templates/plan.typ``).

The plan (:func:`~stuurknop.reports.plan.build_plan`) becomes plain JSON here — every text a
string, every chart its SVG and text alternative — and the template lays it out: cover, table
of contents, running header, tables whose header row repeats on every page. The PDF is tagged
and PDF/UA-1 (:mod:`stuurknop.reports.typesetting`): headings, tables and figures with their
text alternatives are there for a screen reader (EN 301 549 asks it of public documents).
"""

from __future__ import annotations

from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import (
    Block,
    Bullets,
    Facts,
    Figure,
    Paragraph,
    Plan,
    PlanTable,
    Section,
)
from stuurknop.reports.registry import PDF
from stuurknop.reports.typesetting import column_widths, typeset

__all__ = ["plan_data", "plan_pdf", "render_plan_pdf", "section_data", "table_data"]

# A row with more text than this may run over a page; shorter rows are kept on one page.
LONG_ROW = 1200
# Characters of table text (8.5 pt DejaVu Sans) on the 174 mm of an A4 line.
TABLE_LINE = 96


def render_plan_pdf(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The plan of ``scenario`` as a PDF file (the registry's ``pdf`` format)."""
    plan = build_plan(model, document, scenario, today=options.today)
    stem = file_stem("plan", document.project.name, scenario.name)
    return Rendered(f"{stem}.pdf", PDF, plan_pdf(plan, model_title=model.title))


def plan_pdf(plan: Plan, *, model_title: str) -> bytes:
    """The plan as PDF bytes (PDF/UA-1)."""
    return typeset("plan.typ", plan_data(plan, model_title=model_title))


def plan_data(plan: Plan, *, model_title: str) -> dict[str, Any]:
    """Everything the plan's template prints, as JSON-ready data."""
    return {
        "title": f"{plan.title} – scenario {plan.scenario}",
        "description": (
            f"Plan van scenario {plan.scenario} van {plan.project}, gemaakt met Stuurknop"
        ),
        "project": plan.project,
        "scenario": plan.scenario,
        "running": f"Plan, scenario {plan.scenario}",
        "cover": [list(pair) for pair in plan.cover],
        "note": (
            f"Gemaakt met Stuurknop, het werkinstrument bij het {model_title} (modelversie "
            f"{plan.model_version}). Alle cijfers komen uit het rekenmodel; namen van "
            "stuurknoppen, routes, waarden en bronnen komen uit het model."
        ),
        "sections": [section_data(s) for s in plan.sections],
    }


def section_data(section: Section) -> dict[str, Any]:
    """A section as the templates' sections take it: its title, level and blocks."""
    return {
        "title": section.title,
        "level": section.level,
        "page_break": section.page_break,
        "summary": section.anchor == "samenvatting",
        "blocks": [_block(b) for b in section.blocks],
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "tone": block.tone}
    if isinstance(block, Facts):
        return {"kind": "facts", "items": [list(pair) for pair in block.items]}
    if isinstance(block, Bullets):
        return {"kind": "bullets", "items": list(block.items)}
    if isinstance(block, PlanTable):
        return table_data(block)
    if isinstance(block, Figure):
        chart = block.chart
        return {
            "kind": "figure",
            "title": chart.title,
            "description": chart.description,
            "svg": chart.svg,
            "describe": block.describe,
            "table": table_data(block.table) if block.table else None,
        }
    raise TypeError(f"no layout for {type(block).__name__}")


def table_data(table: PlanTable) -> dict[str, Any]:
    """A table as the templates' ``plan-table`` takes it."""
    rows = [[_tight(cell) for cell in row] for row in table.rows]
    return {
        "kind": "table",
        "caption": table.caption,
        "columns": list(table.columns),
        "rows": rows,
        "align": [table.alignment(i) for i in range(len(table.columns))],
        "widths": column_widths(table.columns, rows, TABLE_LINE),
        "long": [sum(len(cell) for cell in row) > LONG_ROW for row in rows],
        "total": table.total,
        "empty": table.empty,
    }


def _tight(cell: str) -> str:
    """Keep an amount on one line in a narrow column: ``€ 1.000`` never breaks after ``€``."""
    return cell.replace("€ ", "€\u00a0")
