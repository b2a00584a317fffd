"""The evaluation report (PDF and Word from the same blocks, and the command line) on the running
example "Ontmoetingsruimte De Esch": the project as it runs, money planned against realised,
what the indicators show, the lessons, the decisions with their reviews, the verdict."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from stuurknop.cli.main import cli
from stuurknop.engine.evaluation import conditions
from stuurknop.engine.reviews import decision_reviews
from stuurknop.examples.running import running_project
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument, parse_document
from stuurknop.reports import FORMATS, render
from stuurknop.reports.base import Options
from stuurknop.reports.evaluation import build_evaluation

from .printed import assert_accessible, pages_text

TODAY = dt.date(2026, 12, 6)
OPTIONS = Options(today=TODAY)


@pytest.fixture(scope="module")
def esch() -> ProjectDocument:
    return parse_document(running_project())


@pytest.fixture(scope="module")
def pdf(esch: ProjectDocument) -> Any:
    return render("evaluation", load_model(esch.model_version), esch, options=OPTIONS)


@pytest.fixture(scope="module")
def pdf_text(pdf: Any) -> str:
    return " ".join(pages_text(pdf.content))


@pytest.fixture(scope="module")
def word_text(esch: ProjectDocument) -> str:
    rendered = render("evaluation-docx", load_model(esch.model_version), esch, options=OPTIONS)
    assert rendered.filename.endswith(".docx")
    word = Document(BytesIO(rendered.content))
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for row in t.rows for c in row.cells]
    parts += [p.text for p in word.sections[0].header.paragraphs]
    return "\n".join(parts)


def test_the_registry_offers_the_evaluation_as_pdf_and_word() -> None:
    assert FORMATS["evaluation"].extension == "pdf"
    assert FORMATS["evaluation-docx"].extension == "docx"


def test_the_running_example_is_in_evaluation_with_every_part_filled(esch: ProjectDocument) -> None:
    scenario = esch.scenario()
    assert esch.project.phase.value == "evaluatie"
    assert len(esch.resident_input) == 2
    dates = {m.date.year for p in scenario.evidence for i in p.indicators for m in i.measurements}
    assert len(dates) >= 4  # several years of measurements
    assert scenario.actuals and esch.lessons and esch.decisions and esch.scale_up is not None


@pytest.mark.parametrize("face", ["pdf_text", "word_text"])
def test_both_faces_say_the_same_chapters_and_the_verdict(face: str, request: Any) -> None:
    text = request.getfixturevalue(face)
    for heading in (
        "Het project zoals het loopt",
        "Geld: gepland en gerealiseerd",
        "Waarden: bewijs en wat de indicatoren laten zien",
        "Lessen",
        "Besluiten en hun uitkomst",
        "Een concept om op te schalen?",
    ):
        assert heading in text, heading
    assert "op te schalen met aanpassingen" in text  # the verdict's word from scales.yaml
    assert "Spreek vooraf af wie betaalt als het fonds stopt" in text  # a lesson
    assert "Eenzaamheid van bewoners (gemiddelde score)" in text  # an indicator
    assert "Tweede ronde najaar 2024" in text  # the second residents' round …
    assert "matig eenzaam (score 2–4) 33" in text  # … with its loneliness scale's groups
    assert "Evaluatie" in text


def test_the_word_file_is_named_an_evaluation_not_a_plan(word_text: str) -> None:
    assert "EVALUATIE" in word_text
    assert "PLAN" not in word_text and "Plan, scenario" not in word_text


def test_the_pdf_holds_the_engines_findings(esch: ProjectDocument, pdf_text: str) -> None:
    model = load_model(esch.model_version)
    found = conditions(model, esch, esch.scenario())
    # The fund's money for the community builder stopped after 2023 and was taken over.
    stopped = {m.span.funding_line: m for m in found.stopped}
    assert stopped["cb-fonds"].span.last_year == 2023
    assert stopped["cb-fonds"].taken_over
    assert "overgenomen door Woonstichting Voorbeeld" in pdf_text
    # The reviewed decision shows its indicators as they stood on its review date.
    reviews = {r.decision.id: r for r in decision_reviews(esch, esch.scenario(), TODAY)}
    past = reviews["cb-corporatie-volledig"]
    assert past.due and past.by == dt.date(2025, 12, 1)
    assert all(i.status.latest is None or i.status.latest.date <= past.by for i in past.indicators)
    assert "Zo stonden de indicatoren op de herzieningsdatum 1 december 2025" in pdf_text
    assert "De herziening komt nog" in pdf_text  # the other decision's review is to come
    # Each status is said in words with its rule, once: never by colour alone.
    assert "Achter: minder dan verwacht" in pdf_text
    assert "achter. Achter" not in pdf_text
    # A decision's outcome as minuted, and its actions with who and their status.
    assert "Besloten: de woonstichting betaalt de community builder volledig." in pdf_text
    assert "De cijfers van het signalenoverleg delen met de zorggroep" in pdf_text


def test_the_pdf_is_tagged_and_accessible(pdf: Any, tmp_path: Path) -> None:
    assert pdf.filename == "evaluatie-ontmoetingsruimte-de-esch-huidige-aanpak.pdf"
    assert_accessible(pdf.content, tmp_path, figures=1)


def test_a_project_without_actuals_lessons_or_verdict_says_so(
    model: Any, document_data: Any
) -> None:
    document = parse_document(document_data())
    evaluation = build_evaluation(model, document, document.scenario(), today=TODAY)
    said = json.dumps([[str(b) for b in s.blocks] for s in evaluation.sections], ensure_ascii=False)
    assert "Nog geen gerealiseerde bedragen ingevuld" in said or "nog niets ingevuld" in said
    assert "Nog geen lessen vastgelegd." in said
    assert "De partners hebben nog geen oordeel gegeven." in said
    assert render("evaluation", model, document, options=OPTIONS).content.startswith(b"%PDF")


def test_the_command_line_renders_the_evaluation(tmp_path: Path, esch: ProjectDocument) -> None:
    source = tmp_path / "esch.json"
    source.write_text(json.dumps(running_project(), ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "evaluatie.pdf"
    result = CliRunner().invoke(
        cli, ["report", str(source), "--format", "evaluation", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pages_text(target.read_bytes()))
    assert "Een concept om op te schalen?" in text
    assert esch.project.name in text
