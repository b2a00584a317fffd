"""A broken model folder is rejected with every problem, each naming its file, path and reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from stuurknop.gespreksmodel import ModelError, ModelInvalid, check_model_folder, load_model_folder
from stuurknop.gespreksmodel.loader import DEFAULT_VERSION, MODEL_ROOT

Edit = Callable[[str, Callable[[Any], None]], None]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A fresh, valid copy of the shipped model to break."""
    return Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))


@pytest.fixture
def edit(folder: Path) -> Edit:
    """Change one YAML file of the copy in place: ``edit("knobs/04.yaml", change)``."""

    def apply(name: str, change: Callable[[Any], None]) -> None:
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    return apply


def errors_of(folder: Path) -> list[ModelError]:
    with pytest.raises(ModelInvalid) as raised:
        load_model_folder(folder)
    assert str(raised.value)  # the exception says all of it, one problem per line
    return raised.value.errors


def test_an_untouched_copy_loads(folder: Path):
    assert load_model_folder(folder).version == DEFAULT_VERSION


def test_it_names_the_file_and_path_of_a_knob_route_that_does_not_exist(folder, edit):
    edit("knobs/04.yaml", lambda d: d["mechanisms"][0].update(route="beter_eten"))
    assert errors_of(folder) == [
        ModelError("knobs/04.yaml", "mechanisms[0].route", "onbekende route 'beter_eten'")
    ]


def test_it_reports_a_missing_knob_file(folder):
    (folder / "knobs" / "07.yaml").unlink()
    assert errors_of(folder) == [ModelError("knobs/", "", "stuurknop 7 ontbreekt")]


def test_it_reports_a_missing_top_level_file(folder):
    (folder / "sources.yaml").unlink()
    assert errors_of(folder) == [ModelError("sources.yaml", "", "bestand ontbreekt")]


def test_it_gives_line_and_column_of_bad_yaml(folder):
    # Line 3 starts with a tab, which YAML does not allow as indentation.
    (folder / "checks.yaml").write_text("checks:\n  - id: x\n\tseverity: info\n", encoding="utf-8")
    [error] = errors_of(folder)
    assert (error.file, error.path) == ("checks.yaml", "regel 3, kolom 1")
    assert error.reason.startswith("geen geldige YAML: ")


def test_it_rejects_a_source_paid_by_an_unknown_party_type(folder, edit):
    edit("sources.yaml", lambda d: d["sources"][2]["party_types"].append("kerk"))
    # Source III already names three party types, so the new one is the fourth.
    assert errors_of(folder) == [
        ModelError("sources.yaml", "sources[2].party_types[3]", "onbekend partijtype 'kerk'")
    ]


def test_it_rejects_a_duplicated_value_id(folder, edit):
    edit("model.yaml", lambda d: d["values"][3].update(id="goed_wonen"))
    errors = errors_of(folder)
    assert ModelError("model.yaml", "values[3]", "'goed_wonen' komt dubbel voor") in errors
    # werkplezier is gone now, so the routes leading to it point nowhere.
    assert (
        ModelError("model.yaml", "routes[3].values[3]", "onbekende waarde 'werkplezier'") in errors
    )


def test_it_rejects_a_duplicated_source(folder, edit):
    edit("sources.yaml", lambda d: d["sources"][9].update(numeral="IX"))
    assert errors_of(folder) == [
        ModelError("sources.yaml", "sources", "bronnen I tot en met X elk precies één keer")
    ]


def test_it_rejects_a_knob_in_the_wrong_file(folder):
    (folder / "knobs" / "05.yaml").rename(folder / "knobs" / "11.yaml")
    assert errors_of(folder) == [
        ModelError("knobs/11.yaml", "number", "stuurknop 5 hoort in 05.yaml")
    ]


def test_it_names_a_missing_required_field(folder, edit):
    edit("knobs/03.yaml", lambda d: d.pop("investment"))
    [error] = errors_of(folder)
    assert (error.file, error.path) == ("knobs/03.yaml", "investment")
    assert error.reason  # pydantic's words; the place is what this test pins


def test_it_names_the_path_inside_a_list(folder, edit):
    edit("lessons.yaml", lambda d: d["lessons"][4].update(knobs=[7, 11]))
    [error] = errors_of(folder)
    assert (error.file, error.path) == ("lessons.yaml", "lessons[4].knobs[1]")


def test_it_rejects_a_lesson_that_belongs_nowhere(folder, edit):
    edit("lessons.yaml", lambda d: d["lessons"][0].update(knobs=[], themes=[]))
    assert errors_of(folder) == [
        ModelError("lessons.yaml", "lessons[0]", "les hoort bij geen stuurknop of thema")
    ]


def test_it_rejects_a_citation_of_a_document_the_model_does_not_name(folder, edit):
    edit("model.yaml", lambda d: d["documents"].pop(0))  # 000_…, cited by lessons and checks
    errors = errors_of(folder)
    assert errors and all(e.reason.startswith("document '000_") for e in errors)
    assert {e.file for e in errors} == {"lessons.yaml", "checks.yaml"}


def test_pages_can_name_a_cited_document_by_its_title():
    model = load_model_folder(MODEL_ROOT / DEFAULT_VERSION)
    cited = {lesson.source.file for lesson in model.lessons} | {c.source.file for c in model.checks}
    assert all(model.document_title(file) != file for file in cited)
    title = model.document_title("001_a1eae942f9564f46.txt")
    assert title == "Gespreksmodel duurzame WWZ-projecten"


def test_it_reports_every_problem_of_every_file_at_once(folder, edit):
    # Problems the schema of each file finds: all files are read before giving up.
    edit("knobs/03.yaml", lambda d: d.pop("investment"))
    edit("knobs/08.yaml", lambda d: d.update(domain="sport"))
    (folder / "checks.yaml").write_text("checks: [\n", encoding="utf-8")
    edit("sources.yaml", lambda d: d["sources"][0].update(colour="rood"))
    places = {(e.file, e.path.split(",")[0]) for e in errors_of(folder)}
    assert places == {
        ("knobs/03.yaml", "investment"),
        ("knobs/08.yaml", "domain"),
        ("checks.yaml", "regel 2"),
        ("sources.yaml", "sources[0].colour"),
    }


def test_it_reports_every_broken_reference_at_once(folder, edit):
    edit("knobs/04.yaml", lambda d: d["mechanisms"][1].update(route="beter_eten"))
    edit("sources.yaml", lambda d: d["sources"][0].update(party_types=["kerk"]))
    edit("model.yaml", lambda d: d["routes"][0]["values"].append("geluk"))
    (folder / "knobs" / "09.yaml").unlink()
    assert check_model_folder(folder) == [
        ModelError("model.yaml", "routes[0].values[2]", "onbekende waarde 'geluk'"),
        ModelError("knobs/", "", "stuurknop 9 ontbreekt"),
        ModelError("knobs/04.yaml", "mechanisms[1].route", "onbekende route 'beter_eten'"),
        ModelError("sources.yaml", "sources[0].party_types[0]", "onbekend partijtype 'kerk'"),
    ]


def test_a_broken_file_does_not_hide_a_broken_reference_in_another(folder, edit):
    (folder / "knobs" / "03.yaml").write_text("number: [niet, af\n", encoding="utf-8")
    edit("knobs/04.yaml", lambda d: d["mechanisms"][1].update(route="beter_eten"))
    errors = errors_of(folder)
    places = {(e.file, e.path) for e in errors}
    assert ("knobs/04.yaml", "mechanisms[1].route") in places
    assert any(e.file == "knobs/03.yaml" for e in errors)
    # knob 3's file is broken, not missing: no false "stuurknop 3 ontbreekt"
    assert not any("ontbreekt" in e.reason and e.file == "knobs/" for e in errors)


def test_schema_errors_are_said_in_dutch(folder, edit):
    edit("knobs/02.yaml", lambda d: d.pop("investment"))
    edit("knobs/05.yaml", lambda d: d.update(number=12))
    reasons = {(e.file, e.path): e.reason for e in errors_of(folder)}
    assert reasons[("knobs/02.yaml", "investment")] == "ontbreekt"
    assert reasons[("knobs/05.yaml", "number")] == "moet ≤ 10 zijn"
