"""``stuurknop strategy-check``: a project file against positions files, the same departures and
sentences as the checks page; a bad positions file is said in Dutch with exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.engine.strategy import departures
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile import dump_document
from stuurknop.projectfile.positions import Positions
from stuurknop.projectfile.positions_io import positions_json
from tests.conftest import build_document


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _files(tmp_path: Path, organisation: str) -> tuple[Path, Path, Positions]:
    doc = build_document(knobs={2: 3}, costs=[{}], funding=[{"party": "woco", "source": "IV"}])
    project = tmp_path / "project.json"
    project.write_text(dump_document(doc))
    positions = Positions.model_validate(
        {
            "model_version": "2025-concept",
            "organisation": organisation,
            "party_type": "woningcorporatie",
            "knobs": [{"knob": 2, "max_opening": 2}],
            "sources": [{"source": "IV", "pays": True, "ceiling": "1000", "basis": "per_project"}],
        }
    )
    path = tmp_path / "woco.json"
    path.write_text(positions_json(positions))
    return project, path, positions


def test_it_says_each_departure_of_the_party_named_like_the_organisation(tmp_path: Path) -> None:
    project, path, positions = _files(tmp_path, "Woco")
    result = run("strategy-check", project, path)
    assert result.exit_code == 0, result.output
    doc = build_document(knobs={2: 3}, costs=[{}], funding=[{"party": "woco", "source": "IV"}])
    expected = departures(load_model(), doc, {"woco": positions})
    assert len(expected) == 2
    for d in expected:
        assert sentence(d.reason) in result.output


def test_json_carries_code_params_and_text_for_the_party_given(tmp_path: Path) -> None:
    project, path, _positions = _files(tmp_path, "Woonstichting Elders")
    result = run("strategy-check", project, path, "--partij", "woco", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    codes = [d["code"] for d in data["departures"]]
    assert codes == ["strategy.knob_further", "strategy.unprofitable_over_project"]
    assert all(d["party"] == "woco" and d["text"] for d in data["departures"])


def test_an_organisation_that_names_no_party_asks_for_one(tmp_path: Path) -> None:
    project, path, _positions = _files(tmp_path, "Woonstichting Elders")
    result = run("strategy-check", project, path)
    assert result.exit_code == 1
    assert "Geef --partij" in result.output


def test_a_bad_positions_file_is_said_in_dutch(tmp_path: Path) -> None:
    project, path, _positions = _files(tmp_path, "Woco")
    path.write_text('{"format": "stuurknop-strategie", "format_version": 2}')
    result = run("strategy-check", project, path)
    assert result.exit_code == 1
    assert "formaatversie" in result.output
