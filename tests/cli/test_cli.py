"""The command line: good files give the report, bad files give Dutch errors and exit code 1."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from stuurknop.cli.main import EXAMPLES, cli
from stuurknop.engine import analyse
from stuurknop.engine.result_data import to_data
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.loader import version_path
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.projectfile import load_document

EXAMPLE_DIR = Path(__file__).parents[2] / "stuurknop" / "examples"
README = Path(__file__).parents[2] / "README.md"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def minimal(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "model_version": "2025-concept",
        "project": {
            "name": "Klein",
            "municipality": "X",
            "homes": 40,
            "first_year": 2026,
            "horizon_years": 4,
        },
        "parties": [{"id": "wc", "name": "Woonstichting", "party_type": "woningcorporatie"}],
        "scenarios": [
            {
                "name": "Basis",
                "costs": [
                    {
                        "id": "k1",
                        "knob": 2,
                        "description": "Inrichting",
                        "kind": "eenmalig",
                        "amount": "1000",
                        "first_year": 2026,
                    }
                ],
                "funding": [
                    {"id": "f1", "cost_item": "k1", "party": "wc", "source": "IV", "amount": "400"}
                ],
            }
        ],
    }
    doc.update(changes)
    return doc


def write(tmp_path: Path, data: Any, name: str = "project.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", EXAMPLES)
def test_it_reports_every_analysis_for_each_example(name: str) -> None:
    result = run("analyse", EXAMPLE_DIR / f"{name}.json")
    assert result.exit_code == 0, result.output
    doc = load_document(EXAMPLE_DIR / f"{name}.json")
    assert doc.project.name in result.output
    for heading in (
        "Routes naar waarde",
        "Waarden",
        "Waarde per partij",
        "Geld per jaar",
        "Geld per partij",
        "Balans tussen partijen",
        "Checklist:",
        "Controles",
        "Verschil in perspectieven",
    ):
        assert heading in result.output, heading


@pytest.mark.parametrize("name", EXAMPLES)
def test_its_json_carries_the_engines_figures(name: str) -> None:
    path = EXAMPLE_DIR / f"{name}.json"
    result = run("analyse", path, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    expected = analyse(load_model(), load_document(path))
    assert Decimal(data["money"]["total_costs"]) == expected.money.total_costs
    assert Decimal(data["money"]["total_uncovered"]) == expected.money.total_uncovered
    assert [r["activation"] for r in data["routes"]] == [
        round(r.activation, 4) for r in expected.routes
    ]
    assert data["checklist"]["percentage"] == expected.checklist.percentage
    assert [c["id"] for c in data["checks"]] == [c.id for c in expected.checks]


def test_its_json_gives_each_reason_as_code_params_and_dutch_text(tmp_path: Path) -> None:
    doc = minimal()
    result = run("analyse", write(tmp_path, doc), "--format", "json")
    data = json.loads(result.output)
    expected = analyse(load_model(), load_document(tmp_path / "project.json"))
    route = data["routes"][0]
    assert set(route["reason"]) == {"code", "params", "text"}
    assert route["reason"]["code"] == expected.routes[0].reason.code
    assert route["reason"]["text"] == reason_text(expected.routes[0].reason)
    check = data["checks"][0]
    assert check["reasons"] == [
        {"code": r.code, "params": to_data(dict(r.params)), "text": reason_text(r)}
        for r in expected.checks[0].reasons
    ]
    assert "findings" not in check  # the Dutch texts only once, with their codes


def test_the_text_report_shows_the_gap_and_the_cliff_in_dutch_money(tmp_path: Path) -> None:
    doc = minimal()
    doc["parties"].append({"id": "gem", "name": "Gemeente X", "party_type": "gemeente"})
    doc["scenarios"][0]["costs"].append(
        {
            "id": "cb",
            "knob": 6,
            "description": "Community builder",
            "kind": "jaarlijks",
            "amount": "50000",
            "first_year": 2026,
        }
    )
    doc["scenarios"][0]["funding"].append(
        {
            "id": "sub",
            "cost_item": "cb",
            "party": "gem",
            "source": "I",
            "amount": "50000",
            "years": 2,
        }
    )
    result = run("analyse", write(tmp_path, doc))
    assert result.exit_code == 0
    # 2028 and 2029: 50.000 per year is no longer paid; the one-off room costs 1.000 − 400 = 600
    assert re.search(r"2028\s+€ 50\.000\s+€ 0\s+€ 50\.000", result.output)
    assert "Klif 2028: vanaf 2028 stopt € 50.000 per jaar uit bron I" in result.output
    assert "Doorlopende kosten op tijdelijk geld" in result.output


def test_markdown_has_headings_and_tables() -> None:
    result = run("analyse", EXAMPLE_DIR / "flatcoach.json", "--format", "markdown")
    assert result.exit_code == 0
    assert "\n## Routes naar waarde\n" in result.output
    assert "| Route" in result.output and "|---" in result.output.replace(":", "-").replace(" ", "")


def test_it_analyses_the_scenario_asked_for() -> None:
    doc = load_document(EXAMPLE_DIR / "thuisflat.json")
    other = next(s.name for s in doc.scenarios if not s.chosen)
    result = run("analyse", EXAMPLE_DIR / "thuisflat.json", "--scenario", other, "-f", "json")
    assert json.loads(result.output)["scenario"] == other


def test_an_unknown_scenario_is_an_error(tmp_path: Path) -> None:
    result = run("analyse", write(tmp_path, minimal()), "--scenario", "Bestaat niet")
    assert result.exit_code == 1
    assert "scenario 'Bestaat niet' bestaat niet; wel: Basis" in result.output


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["scenarios"][0]["funding"][0].update(amount="-5"),
            'scenario "Basis", financiering 1, bedrag: moet ≥ 0 zijn',
        ),
        (
            lambda d: d["scenarios"][0]["funding"][0].update(source="XI"),
            'scenario "Basis", financiering 1, bron: moet een van deze zijn',
        ),
        (
            lambda d: d["scenarios"][0]["costs"][0].update(knob=11),
            'scenario "Basis", kostenpost 1, stuurknop: moet ≤ 10 zijn',
        ),
        (
            lambda d: d["scenarios"][0]["funding"][0].update(party="fonds"),
            "partij 'fonds' staat niet bij de partijen van dit project",
        ),
    ],
)
def test_a_bad_file_gets_dutch_errors_and_exit_code_1(
    tmp_path: Path, change: Any, expected: str
) -> None:
    doc = minimal()
    change(doc)
    result = run("analyse", write(tmp_path, doc))
    assert result.exit_code == 1
    assert "het projectbestand is niet geldig" in result.output
    assert expected in result.output
    assert "Traceback" not in result.output


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    result = run("analyse", write(tmp_path, '{"model_version": "2025-concept",\n  "project": }'))
    assert result.exit_code == 1
    assert "regel 2, kolom 14: geen geldige JSON" in result.output


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run("analyse", tmp_path / "nergens.json")
    assert result.exit_code == 1
    assert "kan bestand niet lezen" in result.output


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    result = run("validate", write(tmp_path, minimal()))
    assert result.exit_code == 0
    assert "geldig (1 scenario('s), model 2025-concept)" in result.output


def test_compare_lists_the_knobs_that_differ(tmp_path: Path) -> None:
    doc = minimal()
    second = json.loads(json.dumps(doc["scenarios"][0]))
    second["name"] = "Meer"
    second["knobs"] = [{"knob": 6, "status": "aan", "opening": 3}]
    doc["scenarios"].append(second)
    result = run("compare", write(tmp_path, doc), "Basis", "Meer", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [(k["knob"], k["a"], k["b"]) for k in data["knobs"]] == [(6, 0, 3)]
    # knob 6 works via all five routes; zorgen voor elkaar: 3 / (3 × 9 knobs) = 0.1111
    delta = {r["key"]: r["delta"] for r in data["routes"]}
    assert delta["zorgen_voor_elkaar"] == pytest.approx(3 / 27, abs=1e-4)


def test_schema_prints_a_json_schema() -> None:
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["title"] == "Stuurknop-projectdocument"
    assert "scenarios" in schema["required"]


def test_example_writes_three_valid_projects_and_does_not_overwrite(tmp_path: Path) -> None:
    result = run("example", tmp_path)
    assert result.exit_code == 0
    for name in EXAMPLES:
        load_document(tmp_path / f"{name}.json")
    again = run("example", tmp_path)
    assert again.exit_code == 1
    assert "bestaan al" in again.output
    assert run("example", tmp_path, "--force").exit_code == 0


def test_model_check_accepts_the_shipped_model() -> None:
    result = run("model", "check")
    assert result.exit_code == 0
    assert "het model is geldig" in result.output


def test_model_check_rejects_a_broken_copy_with_file_and_path(tmp_path: Path) -> None:
    folder = tmp_path / "kapot"
    shutil.copytree(version_path("2025-concept"), folder)
    knob = folder / "knobs" / "05.yaml"
    knob.write_text(
        knob.read_text(encoding="utf-8").replace("route: beter_zien", "route: beter_horen"),
        encoding="utf-8",
    )
    (folder / "knobs" / "09.yaml").unlink()
    result = run("model", "check", folder)
    assert result.exit_code == 1
    assert "knobs/05.yaml: mechanisms[2].route: onbekende route 'beter_horen'" in result.output
    assert "stuurknop 9 ontbreekt" in result.output


def test_model_check_rejects_a_check_text_without_logic(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(version_path("2025-concept"), folder)
    checks = folder / "checks.yaml"
    checks.write_text(
        checks.read_text(encoding="utf-8").replace("id: geen_bewoners", "id: nieuwe_controle"),
        encoding="utf-8",
    )
    result = run("model", "check", folder)
    assert result.exit_code == 1
    assert "controle 'nieuwe_controle' is onbekend" in result.output
    assert "tekst voor controle 'geen_bewoners' ontbreekt" in result.output


def test_model_export_gives_the_structure() -> None:
    data = json.loads(run("model", "export").output)
    assert [k["number"] for k in data["knobs"]] == list(range(1, 11))
    assert next(k for k in data["knobs"] if k["number"] == 4)["routes"] == [
        "zorgen_voor_elkaar",
        "welbevinden",
    ]
    assert [s["numeral"] for s in data["sources"] if s["temporary"]] == ["I", "III"]


def test_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    model_group = cli.commands["model"]
    assert isinstance(model_group, click.Group)
    commands = [name for name in cli.commands if name != "model"]
    commands += [f"model {sub}" for sub in model_group.commands]
    missing = [c for c in commands if f"stuurknop {c}" not in readme]
    assert not missing, f"not in README: {missing}"


def test_the_report_tells_money_that_comes_late_from_a_shortfall(
    tmp_path: Path, make_document
) -> None:
    from stuurknop.projectfile import to_data as document_data

    doc = make_document(
        costs=[
            {"id": "bouw", "description": "Verbouwing", "kind": "eenmalig"}
            | {"amount": "8000", "first_year": 2027}
        ],
        funding=[
            {"cost_item": "bouw", "party": "woco", "source": "V", "amount": "8000"}
            | {"first_year": 2028}
        ],
    )
    result = run("analyse", write(tmp_path, document_data(doc)))
    assert result.exit_code == 0
    output = " ".join(result.output.split())
    assert (
        "Tekort over de looptijd (geld dat niet komt): € 0; "
        "geld dat later komt dan de kosten: € 8.000." in output
    )
    assert (
        "Geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028."
        in output
    )
    assert "zonder dekking" not in output


def test_every_report_format_is_documented_in_the_readme() -> None:
    from stuurknop.reports.registry import FORMATS

    [line] = [x for x in README.read_text(encoding="utf-8").splitlines() if "`report` takes" in x]
    listed = line.split("`--format ", 1)[1].split("`", 1)[0].split("|")
    assert listed == list(FORMATS)
