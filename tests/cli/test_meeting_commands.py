"""The command line and the meetings: ``stuurknop report --format agenda [--meeting ID]`` through
the one table of formats, with Dutch errors; ``stuurknop analyse`` lists open actions and the
decisions due for review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from stuurknop.cli.main import cli
from stuurknop.examples.meetings import thuisflat_with_meetings


def run(*args: Any) -> Result:
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("project") / "thuisflat.json"
    path.write_text(json.dumps(thuisflat_with_meetings()), encoding="utf-8")
    return path


def test_the_agenda_of_a_chosen_meeting_is_written_as_a_pdf(
    project_file: Path, tmp_path: Path
) -> None:
    result = run(
        "report",
        project_file,
        "--format",
        "agenda",
        "--meeting",
        "stuurgroep-maart",
        "-o",
        tmp_path,
    )
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip())
    assert (
        written.name == "agenda-thuisflat-parkzicht-stuurgroep-thuisflat-parkzicht-2026-03-17.pdf"
    )
    assert written.read_bytes().startswith(b"%PDF-")


def test_a_held_meeting_gives_its_minutes(project_file: Path, tmp_path: Path) -> None:
    result = run(
        "report", project_file, "-f", "agenda", "--meeting", "stuurgroep-januari", "-o", tmp_path
    )
    assert result.exit_code == 0, result.output
    assert Path(result.output.strip()).name.startswith("verslag-thuisflat-parkzicht-")


def test_an_unknown_meeting_is_refused_in_dutch(project_file: Path, tmp_path: Path) -> None:
    result = run("report", project_file, "-f", "agenda", "--meeting", "weg", "-o", tmp_path)
    assert result.exit_code == 1
    assert "het document kon niet worden gemaakt" in result.output
    assert "Het project heeft geen overleg 'weg'; wel: stuurgroep-januari, stuurgroep-maart." in (
        result.output
    )
    assert list(tmp_path.iterdir()) == []


def test_the_meeting_flag_belongs_to_the_agenda_only(project_file: Path, tmp_path: Path) -> None:
    result = run("report", project_file, "-f", "pdf", "--meeting", "stuurgroep-maart")
    assert result.exit_code == 1
    assert "--meeting hoort bij --format agenda, niet bij pdf" in result.output


def test_the_help_names_the_meeting_flag() -> None:
    result = run("report", "--help")
    assert "--meeting ID" in result.output
    assert "agenda" in result.output


def test_the_report_lists_open_actions_late_first_and_reviews(project_file: Path) -> None:
    result = run("analyse", project_file)
    assert result.exit_code == 0, result.output
    section = result.output[result.output.index("Afspraken: open acties en besluiten") :]
    late = section.index("Subsidie voor de coördinator aanvragen tot eind 2029")
    assert late < section.index("Bewoners vragen wat zij willen in het beweegprogramma")
    assert "1 maart 2026 (te laat)" in section  # due long before these tests were written
    assert "Drie offertes" not in section  # done
    assert "acties staan open" in section


def test_a_project_without_meetings_has_no_such_section(tmp_path: Path) -> None:
    data = thuisflat_with_meetings()
    for key in ("meetings", "decisions", "actions"):
        del data[key]
    path = tmp_path / "kaal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("analyse", path)
    assert result.exit_code == 0, result.output
    assert "Afspraken" not in result.output


def test_example_writes_thuisflat_with_its_meetings_for_the_agenda(tmp_path: Path) -> None:
    result = run("example", tmp_path)
    assert result.exit_code == 0, result.output
    written = tmp_path / "thuisflat-overleg.json"
    assert str(written) in result.output
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["schema_version"] == 3
    assert [m["id"] for m in data["meetings"]] == ["stuurgroep-januari", "stuurgroep-maart"]
    assert (len(data["decisions"]), len(data["actions"])) == (2, 3)
    agenda = run("report", written, "-f", "agenda", "-o", tmp_path)
    assert agenda.exit_code == 0, agenda.output
