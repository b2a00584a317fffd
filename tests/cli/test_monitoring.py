"""The command line says the evidence and each indicator's status with its rule: the report's
chapter in text and Markdown, and the statuses as data with reasons in JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.engine.indicators import indicator_status
from stuurknop.presentation.reasons import text
from stuurknop.projectfile import load_document

EXAMPLE = Path(__file__).resolve().parents[2] / "stuurknop" / "examples" / "ontmoetingsruimte.json"


def test_the_report_says_each_indicator_status_with_its_rule() -> None:
    runner = CliRunner()
    report = runner.invoke(cli, ["analyse", str(EXAMPLE)])
    assert report.exit_code == 0, report.output
    assert "Bewijs en monitoring" in report.output
    assert "Regel: de lijn loopt recht" in " ".join(report.output.split())
    data = json.loads(runner.invoke(cli, ["analyse", str(EXAMPLE), "--format", "json"]).output)
    scenario = load_document(EXAMPLE).scenario(None)
    today = dt.date.fromisoformat(data["monitoring"]["as_of"])
    [first] = [v for v in data["monitoring"]["values"] if v["value"] == scenario.evidence[0].value]
    indicator = scenario.evidence[0].indicators[0]
    expected = indicator_status(indicator, today)
    said = first["indicators"][0]
    assert (said["indicator"], said["state"]) == (indicator.id, expected.state.value)
    assert said["reason"]["code"] == expected.reason.code
    assert said["reason"]["text"] == text(expected.reason)
