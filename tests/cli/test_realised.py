"""The command line's report says planned against realised, with the same figures and reasons
as the engine, when a scenario has actuals; without actuals the report is as before."""

from __future__ import annotations

import json

from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.projectfile import dump_document
from tests.engine.test_actuals import document


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_text_and_markdown_report_planned_against_realised(make_document, tmp_path):
    path = tmp_path / "project.json"
    path.write_text(dump_document(document(make_document)), encoding="utf-8")
    out = run("analyse", path).output
    assert "Geld: gepland en gerealiseerd" in out
    assert "Gerealiseerd tot en met: 2028" in out
    assert "Uitgegeven: € 26.000 tegen € 25.000 gepland (+ € 1.000)" in out
    assert "€ 5.000 kwam later binnen dan gepland (gepland in 2026, ontvangen in 2027)" in out
    assert "zoals gepland; in 2028 betaalde Zorg (bron VI, € 3.000)" in out
    markdown = run("analyse", path, "--format", "markdown").output
    assert "## Stopte het tijdelijke geld zoals gepland?" in markdown


def test_json_carries_the_comparison_with_reasons(make_document, tmp_path):
    path = tmp_path / "project.json"
    path.write_text(dump_document(document(make_document)), encoding="utf-8")
    data = json.loads(run("analyse", path, "--format", "json").output)
    realised = data["realised"]
    assert realised["through"] == 2028
    assert realised["costs"]["actual"] == "26000.00"
    (cliff,) = realised["cliffs"]
    assert cliff["reason"]["code"] == "actual.cliff_taken_over"
    assert "Zorg" in cliff["reason"]["text"]


def test_without_actuals_nothing_is_added(make_document, tmp_path):
    path = tmp_path / "project.json"
    path.write_text(dump_document(document(make_document, [])), encoding="utf-8")
    assert "gerealiseerd" not in run("analyse", path).output.lower()
    assert "realised" not in json.loads(run("analyse", path, "--format", "json").output)
