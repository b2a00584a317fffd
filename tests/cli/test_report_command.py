"""``stuurknop report``: a document from a project file, written whole or not at all, with Dutch
errors for an unknown format, scenario or paper size."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from stuurknop.cli.main import cli
from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import ProjectDocument
from stuurknop.reports import FORMATS, Format, Options, Rendered


@dataclass(frozen=True)
class FakeFormat(Format):
    """A format whose renderer is a test's function instead of a module's."""

    function: Callable[..., Rendered] | None = None

    def load(self) -> Any:
        return self.function


@dataclass
class Calls:
    seen: list[tuple[str, Options]] = field(default_factory=list)

    def render(
        self, model: Model, document: ProjectDocument, scenario: Any, options: Options
    ) -> Rendered:
        self.seen.append((scenario.name, options))
        return Rendered(
            f"nep-{scenario.name.lower()}.txt",
            "text/plain",
            f"{document.project.name} / {scenario.name} / {options.paper}".encode(),
        )


@pytest.fixture
def project_file(
    tmp_path_factory: pytest.TempPathFactory,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> Path:
    """De Linde with two scenarios, Basis (chosen) and Later, and a meeting (for the agenda)."""
    data = document_data(scenarios=[make_scenario("Basis", chosen=True), make_scenario("Later")])
    data["meetings"] = [{"id": "overleg", "title": "Eerste overleg", "date": "2026-01-15"}]
    path = tmp_path_factory.mktemp("project") / "de-linde.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Calls:
    calls = Calls()
    for key in ("nep", "poster"):
        monkeypatch.setitem(
            FORMATS,
            key,
            FakeFormat(
                key,
                "Nep",
                "Nep.",
                "txt",
                "text/plain",
                "",
                options=FORMATS[key].options if key in FORMATS else (),
                function=calls.render,
            ),
        )
    return calls


def run(*args: Any) -> Result:
    return CliRunner().invoke(cli, ["report", *map(str, args)], catch_exceptions=False)


def test_it_writes_the_chosen_scenario_under_the_renderers_name(
    tmp_path: Path, fake: Calls, project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(project_file, "--format", "nep")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "nep-basis.txt"
    assert (tmp_path / "nep-basis.txt").read_bytes() == b"De Linde / Basis / A3"
    assert [p.name for p in tmp_path.iterdir()] == ["nep-basis.txt"]  # no temporary file left


def test_it_writes_another_scenario_to_the_file_given(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    target = tmp_path / "plan.txt"
    result = run(project_file, "-f", "nep", "--scenario", "Later", "-o", target)
    assert result.exit_code == 0, result.output
    assert target.read_bytes().endswith(b"/ Later / A3")


def test_an_existing_folder_as_output_gets_the_renderers_name(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    result = run(project_file, "-f", "nep", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "nep-basis.txt").exists()


def test_a_dash_writes_the_bytes_to_standard_output(fake: Calls, project_file: Path) -> None:
    result = run(project_file, "-f", "nep", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes == b"De Linde / Basis / A3"


def test_it_replaces_an_existing_file_whole(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    target = tmp_path / "plan.txt"
    target.write_bytes(b"old " * 1000)
    assert run(project_file, "-f", "nep", "-o", target).exit_code == 0
    assert target.read_bytes() == b"De Linde / Basis / A3"


def test_the_poster_takes_its_paper_size(tmp_path: Path, fake: Calls, project_file: Path) -> None:
    result = run(project_file, "-f", "poster", "--paper", "a1", "-o", "-")
    assert result.stdout_bytes.endswith(b"/ A1")


def test_an_unknown_format_is_refused_in_dutch(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    result = run(project_file, "-f", "exe", "-o", tmp_path / "x")
    assert result.exit_code == 1
    assert "Onbekende documentsoort 'exe'." in result.stderr
    assert "kies uit: pdf, docx, xlsx, worksheets" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_scenario_is_refused_in_dutch_and_nothing_is_written(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    result = run(project_file, "-f", "nep", "--scenario", "Bestaat niet", "-o", tmp_path / "x.txt")
    assert result.exit_code == 1
    assert "scenario 'Bestaat niet' bestaat niet; wel: Basis, Later" in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert fake.seen == []


def test_an_unknown_paper_size_is_refused_in_dutch(fake: Calls, project_file: Path) -> None:
    result = run(project_file, "-f", "poster", "--paper", "A0", "-o", "-")
    assert result.exit_code == 1
    assert "Onbekend papierformaat 'A0'." in result.stderr
    assert fake.seen == []


def test_a_paper_size_for_another_format_is_refused(fake: Calls, project_file: Path) -> None:
    result = run(project_file, "-f", "nep", "--paper", "A1", "-o", "-")
    assert result.exit_code == 1
    assert "--paper hoort bij --format poster" in result.stderr


def test_a_missing_folder_is_a_dutch_error(tmp_path: Path, fake: Calls, project_file: Path) -> None:
    result = run(project_file, "-f", "nep", "-o", tmp_path / "nergens" / "plan.txt")
    assert result.exit_code == 1
    assert "bestaat niet" in result.stderr
    assert not (tmp_path / "nergens").exists()


def test_an_invalid_project_file_gets_its_errors(
    tmp_path: Path, fake: Calls, project_file: Path
) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("{}", encoding="utf-8")
    result = run(bad, "-f", "nep", "-o", tmp_path / "uit.txt")
    assert result.exit_code == 1
    assert "het projectbestand is niet geldig" in result.stderr
    assert not (tmp_path / "uit.txt").exists()


def test_a_failing_renderer_leaves_the_old_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_file: Path
) -> None:
    def broken(*args: Any) -> Rendered:
        raise RuntimeError("kapot")

    monkeypatch.setitem(
        FORMATS, "nep", FakeFormat("nep", "Nep", "Nep.", "txt", "text/plain", "", function=broken)
    )
    target = tmp_path / "plan.txt"
    target.write_bytes(b"het vorige plan")
    with pytest.raises(RuntimeError):
        run(project_file, "-f", "nep", "-o", target)
    assert target.read_bytes() == b"het vorige plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


def test_the_help_names_every_format() -> None:
    result = CliRunner().invoke(cli, ["report", "--help"])
    text = re.sub(r"-\n\s*", "-", result.output)  # a name broken at its hyphen, mended
    for key in FORMATS:
        assert key in text, key


# --- The real renderers --------------------------------------------------------------------

MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04"}


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_real_format_writes_a_file_of_its_kind(
    tmp_path: Path, project_file: Path, key: str
) -> None:
    fmt = FORMATS[key]
    result = run(project_file, "--format", key, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip())  # stderr may carry a renderer's warnings
    assert written.parent == tmp_path
    assert written.suffix == f".{fmt.extension}"
    assert written.read_bytes().startswith(MAGIC[fmt.extension])


def test_the_plan_pdf_names_the_project(project_file: Path) -> None:
    import pypdfium2 as pdfium

    result = run(project_file, "--format", "pdf", "-o", "-")
    pdf = pdfium.PdfDocument(result.stdout_bytes)
    try:
        assert "De Linde" in pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def test_the_word_plan_opens_in_python_docx(tmp_path: Path, project_file: Path) -> None:
    import docx

    assert run(project_file, "--format", "docx", "-o", tmp_path / "plan.docx").exit_code == 0
    document = docx.Document(str(tmp_path / "plan.docx"))
    assert any("De Linde" in p.text for p in document.paragraphs)


def test_the_money_tables_open_in_openpyxl(project_file: Path) -> None:
    import openpyxl

    result = run(project_file, "--format", "xlsx", "-o", "-")
    workbook = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert len(workbook.worksheets) > 1


def test_every_choice_a_format_declares_is_a_flag_with_its_help() -> None:
    # The one table of formats declares the choices; the command line takes them from there.
    result = CliRunner().invoke(cli, ["report", "--help"])
    text = " ".join(result.output.split())
    declared = [option for fmt in FORMATS.values() for option in fmt.options]
    assert declared, "the poster declares its paper size"
    for option in declared:
        assert f"--{option.name} {'|'.join(option.choices)}" in text
        assert " ".join(option.help.split()) in text
