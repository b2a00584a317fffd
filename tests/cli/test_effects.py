"""``stuurknop effects``: the per-party figures in text and JSON, from the same engine call."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.engine.effect_report import effect_report
from stuurknop.presentation.effects import pv
from stuurknop.projectfile import dump_document, parse_document
from tests.conftest import project_data


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def effect(id, party, expected):
    return {
        "id": id,
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "beneficiary": party,
        "low": "0",
        "expected": str(expected),
        "high": str(2 * expected),
        "first_year": 2025,
    }


@pytest.fixture
def project(tmp_path):
    data = project_data(
        costs=[{"amount": "4000", "party": "woco"}],
        effects=[effect("a", "gemeente", 6000), effect("b", "woco", 500)],
    )
    path = tmp_path / "project.json"
    doc = parse_document(data)
    path.write_text(dump_document(doc), encoding="utf-8")
    return path, doc


def test_text_says_each_partys_present_values_and_the_proposal(model, project):
    path, doc = project
    result = run("effects", path)
    assert result.exit_code == 0, result.output
    report = effect_report(model, doc, doc.scenario())
    woco = report.result.of("woco")
    assert "Waarde tegenover kosten, in geld" in result.output
    assert pv(woco.pv_paid) in result.output and pv(woco.npv) in result.output
    # woco is behind, gemeente ahead and the total allows it: a proposal with a transfer
    assert report.redistribution.possible
    assert "Een startpunt voor het gesprek" in result.output
    assert pv(report.redistribution.total) in result.output


def test_json_carries_the_figures(model, project):
    path, doc = project
    data = json.loads(run("effects", path, "--format", "json").output)
    report = effect_report(model, doc, doc.scenario())
    parties = {p["party"]: p for p in data["result"]["parties"]}
    assert parties["gemeente"]["npv"] == pytest.approx(report.result.of("gemeente").npv, abs=1e-3)
    spread = {p["party"]: p for p in data["uncertainty"]["parties"]}
    assert spread["woco"]["ahead"] == pytest.approx(report.uncertainty.of("woco").ahead)
    assert data["redistribution"]["possible"] is True
    assert {b["kind"] for b in data["tornado"]} == {"effect", "rate"}


def test_an_unknown_scenario_is_said_in_dutch(project):
    path, _ = project
    result = run("effects", path, "--scenario", "Anders")
    assert result.exit_code == 1
    assert "scenario 'Anders' bestaat niet" in result.output


def test_a_scenario_without_effects_says_what_to_fill_in(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(dump_document(parse_document(project_data())), encoding="utf-8")
    result = run("effects", path)
    assert result.exit_code == 0
    assert "nog geen effectschattingen in geld" in result.output


def test_each_partys_tornado_in_text_and_json(model, project):
    path, doc = project
    report = effect_report(model, doc, doc.scenario())
    data = json.loads(run("effects", path, "--format", "json").output)
    tornados = {t["party"]: t for t in data["party_tornados"]}
    assert list(tornados) == [t.party for t in report.party_tornados] == ["woco", "gemeente"]
    gemeente = next(t for t in report.party_tornados if t.party == "gemeente")
    assert [b["key"] for b in tornados["gemeente"]["bars"]] == [b.key for b in gemeente.bars]
    assert tornados["gemeente"]["bars"][0]["npv_high"] == pytest.approx(
        gemeente.bars[0].npv_high, abs=1e-3
    )
    text = run("effects", path).output
    assert "Gevoeligheid per partij" in text
    assert "het netto resultaat van Gemeente (contante waarde)" in text
    assert pv(gemeente.bars[0].npv_high) in text
