"""A version of the partners' agreement as a tagged PDF (Typst, ``templates/agreement.typ``,
PDF/UA-1) and as a Word file (the registry's ``agreement`` and ``agreement-docx`` formats,
option ``version``), both from the same blocks (:func:`~stuurknop.presentation.agreement.
agreement_plan`): what each party commits, the confirmations and the fingerprint."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

from docx import Document

from stuurknop.engine.agreement import agreement_content
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.agreement import agreement_plan
from stuurknop.presentation.blocks import Plan
from stuurknop.projectfile.agreement import Agreement, last_frozen, new_version
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import DocumentError, Options, Rendered, file_stem
from stuurknop.reports.plan_docx import plan_docx
from stuurknop.reports.plan_pdf import section_data
from stuurknop.reports.registry import DOCX, PDF
from stuurknop.reports.typesetting import typeset

__all__ = [
    "agreement_data",
    "agreement_document",
    "choose_agreement",
    "render_agreement_docx",
    "render_agreement_pdf",
]


def choose_agreement(document: ProjectDocument, version: str) -> tuple[Agreement, Agreement | None]:
    """The version numbered ``version`` (empty: the latest) and the last confirmed version
    before it (None when there is none); a Dutch error when there is no such version."""
    if not document.agreements:
        raise DocumentError("Dit project heeft nog geen samenwerkingsafspraak.")
    if version:
        chosen = next((a for a in document.agreements if str(a.number) == version.strip()), None)
        if chosen is None:
            raise DocumentError(f"Het project heeft geen versie {version[:20]!r} van de afspraak.")
    else:
        chosen = max(document.agreements, key=lambda a: a.number)
    earlier = [a for a in document.agreements if a.number < chosen.number]
    return chosen, last_frozen(earlier)


def agreement_document(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> tuple[Plan, str]:
    """The agreement as blocks, and its file name's stem. Before the partners drew up a first
    version (and without a version asked for), an unsaved draft from ``scenario``, said as
    such, so the partners can read what it would hold."""
    if not document.agreements and not options.version:
        midnight = dt.datetime.combine(options.today, dt.time(), tzinfo=dt.UTC)
        draft = new_version([], agreement_content(document, scenario), at=midnight, by="")
        plan = agreement_plan(
            model, document, draft, previous=None, today=options.today, draft=True
        )
        return plan, file_stem("samenwerkingsafspraak", document.project.name, "ontwerp")
    agreement, previous = choose_agreement(document, options.version)
    plan = agreement_plan(model, document, agreement, previous=previous, today=options.today)
    stem = file_stem("samenwerkingsafspraak", document.project.name, f"versie-{agreement.number}")
    return plan, stem


def render_agreement_pdf(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The agreement version as a PDF file (a version is its own snapshot: ``scenario`` only
    makes the draft before the first version)."""
    plan, stem = agreement_document(model, document, scenario, options)
    data = agreement_data(plan, model_title=model.title)
    return Rendered(f"{stem}.pdf", PDF, typeset("agreement.typ", data, today=options.today))


def agreement_data(plan: Plan, *, model_title: str) -> dict[str, Any]:
    """Everything the agreement's template prints, as JSON-ready data."""
    return {
        "title": plan.title,
        "description": f"Samenwerkingsafspraak van {plan.project}, gemaakt met Stuurknop",
        "project": plan.project,
        "scenario": plan.scenario,
        "running": "Samenwerkingsafspraak",
        "cover": [list(pair) for pair in plan.cover],
        "note": (
            f"Gemaakt met Stuurknop, het werkinstrument bij het {model_title} (modelversie "
            f"{plan.model_version}). De bedragen komen uit het gekozen scenario; de teksten zijn "
            "van de partners."
        ),
        "sections": [section_data(s) for s in plan.sections],
    }


def render_agreement_docx(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The agreement version as a Word file, from the same blocks."""
    plan, stem = agreement_document(model, document, scenario, options)
    word = Document(BytesIO(plan_docx(plan, today=options.today)))
    for paragraph in word.paragraphs[:3]:
        for run in paragraph.runs:
            if run.text == "PLAN":
                run.text = "SAMENWERKINGSAFSPRAAK"
    header = word.sections[0].header.paragraphs[0]
    for run in header.runs:
        if "Plan, scenario" in run.text:
            run.text = f"{plan.project}\tSamenwerkingsafspraak"
    props = word.core_properties
    props.title = plan.title
    props.subject = f"Samenwerkingsafspraak, scenario {plan.scenario}"
    props.keywords = "WWZ, samenwerkingsafspraak, intentieverklaring"
    out = BytesIO()
    word.save(out)
    return Rendered(f"{stem}.docx", DOCX, out.getvalue())
