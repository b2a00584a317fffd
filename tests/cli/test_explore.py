"""``stuurknop explore``: the front and the nearest better designs, from the same functions as
the page; constraints narrow the front; bad options get a Dutch error and exit code 1."""

from __future__ import annotations

import json

from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.engine.explorer import explore
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.explorer import better_sentence
from stuurknop.projectfile import dump_document
from tests.engine.test_explorer import document


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def project(tmp_path):
    doc = document(
        {1: 2, 2: 1, 6: 1},
        costs=[
            {"id": "k1", "knob": 1, "amount": "9000", "party": "woco"},
            {"id": "k2", "knob": 2, "amount": "4000", "party": "zorg"},
        ],
    )
    path = tmp_path / "project.json"
    path.write_text(dump_document(doc), encoding="utf-8")
    return doc, path


def test_json_front_and_nearest_equal_the_engine(tmp_path):
    doc, path = project(tmp_path)
    data = json.loads(run("explore", path, "--format", "json").output)
    model = load_model(doc.model_version)
    exploration = explore(model, doc, doc.scenario())
    assert data["settings"] == 4**10
    assert [f["openings"] for f in data["front"]] == exploration.designs.openings.tolist()
    efforts = [f["effort_per_year"] for f in data["front"]]
    assert efforts == sorted(efforts)
    nearest = nearest_better(exploration.tables)
    assert [n["text"] for n in data["nearest"]] == [better_sentence(model, n) for n in nearest]
    assert data["current"]["openings"][:2] == [2, 1]


def test_text_says_the_front_and_the_changes_in_words(tmp_path):
    _, path = project(tmp_path)
    out = run("explore", path).output
    assert "Alle 1.048.576 standen" in out
    assert "Dichtbij en beter" in out
    assert "Zet stuurknop " in out
    # knob 6 has no cost items: the model's typical investment, said as an assumption
    assert "stuurknop 6 (Gemeenschapsvorming): geen kostenposten; gerekend met" in out


def test_constraints_narrow_the_front(tmp_path):
    _, path = project(tmp_path)
    every = json.loads(run("explore", path, "--format", "json").output)
    capped = json.loads(
        run("explore", path, "--format", "json", "--budget", "5000", "--fix", "2=0").output
    )
    assert capped["allowed"] < every["allowed"]
    assert all(f["effort_per_year"] <= 5000 and f["openings"][1] == 0 for f in capped["front"])
    fair = json.loads(run("explore", path, "--format", "json", "--robust").output)
    assert all(f["robust"] for f in fair["front"])


def test_bad_options_get_a_dutch_error(tmp_path):
    _, path = project(tmp_path)
    result = CliRunner().invoke(cli, ["explore", str(path), "--fix", "11=2"])
    assert result.exit_code == 1 and "een knop is 1–10" in result.output
    result = CliRunner().invoke(cli, ["explore", str(path), "--party-budget", "niemand=5"])
    assert result.exit_code == 1 and "onbekende partij" in result.output
