"""The evaluation as a tagged PDF (Typst, ``templates/evaluation.typ``, PDF/UA-1) and as a Word
file, both from the same blocks (:func:`~stuurknop.reports.evaluation.build_evaluation`) and
laid out like the plan: the PDF takes the plan's section data, the Word file the plan's writer
with the evaluation's own name on its cover, header and properties."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Plan
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.evaluation import build_evaluation
from stuurknop.reports.plan_docx import plan_docx
from stuurknop.reports.plan_pdf import section_data
from stuurknop.reports.registry import DOCX, PDF
from stuurknop.reports.typesetting import typeset

__all__ = ["evaluation_data", "render_evaluation_docx", "render_evaluation_pdf"]


def render_evaluation_pdf(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The evaluation of ``scenario`` as a PDF file (the registry's ``evaluation`` format)."""
    evaluation = build_evaluation(model, document, scenario, today=options.today)
    stem = file_stem("evaluatie", document.project.name, scenario.name)
    data = evaluation_data(evaluation, model_title=model.title)
    return Rendered(f"{stem}.pdf", PDF, typeset("evaluation.typ", data, today=options.today))


def evaluation_data(evaluation: Plan, *, model_title: str) -> dict[str, Any]:
    """Everything the evaluation's template prints, as JSON-ready data."""
    return {
        "title": evaluation.title,
        "description": (
            f"Evaluatie van {evaluation.project} (scenario {evaluation.scenario}), gemaakt met "
            "Stuurknop"
        ),
        "project": evaluation.project,
        "scenario": evaluation.scenario,
        "running": "Evaluatie",
        "cover": [list(pair) for pair in evaluation.cover],
        "note": (
            f"Gemaakt met Stuurknop, het werkinstrument bij het {model_title} (modelversie "
            f"{evaluation.model_version}). Alle cijfers komen uit het rekenmodel; het oordeel "
            "over opschalen is dat van de partners."
        ),
        "sections": [section_data(s) for s in evaluation.sections],
    }


def render_evaluation_docx(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The evaluation as a Word file (the registry's ``evaluation-docx`` format)."""
    evaluation = build_evaluation(model, document, scenario, today=options.today)
    stem = file_stem("evaluatie", document.project.name, scenario.name)
    return Rendered(f"{stem}.docx", DOCX, evaluation_docx(evaluation, options))


def evaluation_docx(evaluation: Plan, options: Options) -> bytes:
    """The plan's Word writer on the evaluation's blocks, then its own name where the plan's
    writer says "plan": the cover's kicker, the running header and the file's properties."""
    word = Document(BytesIO(plan_docx(evaluation, today=options.today)))
    for paragraph in word.paragraphs[:3]:
        for run in paragraph.runs:
            if run.text == "PLAN":
                run.text = "EVALUATIE"
    header = word.sections[0].header.paragraphs[0]
    for run in header.runs:
        if "Plan, scenario" in run.text:
            run.text = f"{evaluation.project}\tEvaluatie"
    props = word.core_properties
    props.title = evaluation.title
    props.subject = (
        f"Evaluatie, scenario {evaluation.scenario}, modelversie {evaluation.model_version}"
    )
    props.keywords = "WWZ, stuurknoppen, evaluatie, opschalen"
    out = BytesIO()
    word.save(out)
    return out.getvalue()
