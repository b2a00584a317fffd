"""The partners' agreement on the running example: derived per party from the chosen scenario,
confirmed by every party at the table (frozen), in PDF (PDF/UA) and Word with the
confirmations and the fingerprint; a later version lists its differences from the frozen one,
and a change to the scenario after the freeze is a departure in the checks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from stuurknop.cli.main import cli
from stuurknop.engine.agreement import agreement_content, departures, differences
from stuurknop.engine.analysis import analyse
from stuurknop.examples.running import running_project
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import texts
from stuurknop.projectfile import DocumentInvalid, ProjectDocument, parse_document
from stuurknop.projectfile.agreement import (
    Agreement,
    AgreementConfirmation,
    content_fingerprint,
    new_version,
)
from stuurknop.reports import render
from stuurknop.reports.base import DocumentError, Options

from .printed import assert_accessible, pages_text

TODAY = dt.date(2026, 12, 6)
AT = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)


def _confirm_all(agreement: Agreement) -> Agreement:
    confirmations = [
        AgreementConfirmation(party=p.party, by=f"Iemand van {p.name}", organisation=p.name, at=AT)
        for p in agreement.content.parties
        if p.at_table
    ]
    return agreement.model_copy(update={"confirmations": confirmations})


@pytest.fixture(scope="module")
def esch() -> ProjectDocument:
    return parse_document(running_project())


@pytest.fixture(scope="module")
def agreed(esch: ProjectDocument) -> ProjectDocument:
    content = agreement_content(
        esch, esch.scenario(), hours={esch.parties[0].id: 120}, changes="Samen, in het overleg."
    )
    first = _confirm_all(new_version([], content, at=AT, by="Anna"))
    data = esch.model_dump(mode="json")
    data["agreements"] = [first.model_dump(mode="json")]
    return parse_document(data)


def test_content_holds_each_partys_funding_lines_knobs_and_actions(esch: ProjectDocument) -> None:
    scenario = esch.scenario()
    content = agreement_content(esch, scenario)
    by_party = {p.party: p for p in content.parties}
    for line in scenario.funding:
        money = [m for m in by_party[line.party].money if m.funding_line == line.id]
        assert [m.amount for m in money] == [line.amount]
    for setting in scenario.knobs:
        if setting.lead_party and setting.status.value == "aan":
            assert setting.knob in by_party[setting.lead_party].knobs
    for action in esch.actions:
        if action.owner_party:
            assert action.id in {a.id for a in by_party[action.owner_party].actions}
    assert {p.id for p in esch.parties if p.at_table} <= set(by_party)
    reviews = {d.review_date for d in esch.decisions if d.review_date}
    assert set(content.review_dates) == reviews


def test_frozen_only_when_every_party_at_the_table_confirmed(agreed: ProjectDocument) -> None:
    agreement = agreed.agreements[0]
    assert agreement.frozen
    partial = agreement.model_copy(update={"confirmations": agreement.confirmations[:-1]})
    assert not partial.frozen


def test_a_tampered_fingerprint_or_a_stranger_confirming_is_refused(
    agreed: ProjectDocument,
) -> None:
    data = agreed.model_dump(mode="json")
    data["agreements"][0]["content"]["changes"] = "Anders."
    with pytest.raises(DocumentInvalid):
        parse_document(data)
    data = agreed.model_dump(mode="json")
    data["agreements"][0]["confirmations"][0]["party"] = "niemand"
    with pytest.raises(DocumentInvalid):
        parse_document(data)


def test_fingerprint_is_sha256_of_the_canonical_content(agreed: ProjectDocument) -> None:
    agreement = agreed.agreements[0]
    assert agreement.fingerprint == content_fingerprint(agreement.content)
    assert len(agreement.fingerprint) == 64


def _changed_amount(document: ProjectDocument) -> ProjectDocument:
    data = document.model_dump(mode="json")
    scenario = next(s for s in data["scenarios"] if s["name"] == document.scenario().name)
    line = scenario["funding"][0]
    line["amount"] = str(Decimal(line["amount"]) + 1000)
    return parse_document(data)


def test_no_departure_right_after_the_freeze_and_one_after_a_change(
    agreed: ProjectDocument,
) -> None:
    assert departures(agreed, agreed.scenario()) == ()
    changed = _changed_amount(agreed)
    found = departures(changed, changed.scenario())
    assert [r.code for r in found] == ["agreement.money_changed"]
    line = changed.scenario().funding[0]
    assert found[0].params["amount"] == line.amount
    model = load_model(changed.model_version)
    checks = {c.id: c for c in analyse(model, changed).checks}
    assert checks["afspraak_wijkt_af"].reasons == found
    assert "afspraak_wijkt_af" not in {c.id for c in analyse(model, agreed).checks}


def test_differences_say_per_party_money_knobs_and_actions(agreed: ProjectDocument) -> None:
    old = agreed.agreements[0].content
    party = old.parties[0]
    new = old.model_copy(
        update={
            "parties": [
                party.model_copy(update={"money": [], "knobs": [*party.knobs, 9], "actions": []}),
                *old.parties[1:],
            ]
        }
    )
    words = texts(differences(old, new))
    assert any(party.name in w and "stuurknop 9" in w for w in words)
    assert sum("betaalt niet meer" in w for w in words) == len(party.money)
    assert sum("staat er niet meer in" in w for w in words) == len(party.actions)


def test_pdf_and_word_list_content_confirmations_and_fingerprint(
    agreed: ProjectDocument, tmp_path: Path
) -> None:
    model = load_model(agreed.model_version)
    agreement = agreed.agreements[0]
    pdf = render("agreement", model, agreed, options=Options(today=TODAY))
    assert pdf.filename.endswith("versie-1.pdf")
    assert_accessible(pdf.content, tmp_path)
    text = " ".join(pages_text(pdf.content))
    word = render("agreement-docx", model, agreed, options=Options(today=TODAY))
    doc = Document(BytesIO(word.content))
    word_text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    for shown in (text.replace("\n", " "), word_text):
        assert agreement.fingerprint in shown.replace(" ", "").replace("\n", "")
        for confirmation in agreement.confirmations:
            assert confirmation.by in shown
        assert "120 uur" in shown
        assert "Samen, in het overleg." in shown


def test_an_unknown_version_is_a_dutch_error(agreed: ProjectDocument) -> None:
    model = load_model(agreed.model_version)
    with pytest.raises(DocumentError, match="geen versie"):
        render("agreement", model, agreed, options=Options(today=TODAY, version="7"))


def test_before_a_first_version_the_document_is_a_draft_said_as_such(esch: ProjectDocument) -> None:
    model = load_model(esch.model_version)
    word = render("agreement-docx", model, esch, options=Options(today=TODAY))
    assert word.filename.endswith("ontwerp.docx")
    doc = Document(BytesIO(word.content))
    shown = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Ontwerp: nog niet opgesteld" in shown


def test_the_command_line_renders_a_version(agreed: ProjectDocument, tmp_path: Path) -> None:
    source = tmp_path / "esch.json"
    source.write_text(agreed.model_dump_json(), encoding="utf-8")
    target = tmp_path / "afspraak.pdf"
    result = CliRunner().invoke(
        cli,
        ["report", str(source), "--format", "agreement", "--version", "1", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    text = " ".join(pages_text(target.read_bytes()))
    assert "Vastgesteld" in text and agreed.project.name in text
    wrong = CliRunner().invoke(
        cli, ["report", str(source), "--format", "agreement", "--version", "9"]
    )
    assert wrong.exit_code != 0 and "geen versie" in wrong.output
