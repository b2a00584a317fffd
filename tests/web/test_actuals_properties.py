"""Realised money under the write suite's fuzzing (see test_write_properties.py): any amount
the services accept, by hand or from a file, leaves a project that validates and exports; any
they refuse, and any file with an error, stores nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.actual_files import Known, read_actuals
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.services.actuals import (
    actual_create,
    actual_delete,
    actual_update,
    actuals_import,
)

from .test_write_properties import FUZZ, amounts, attempt, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

refs = st.sampled_from(
    [("k1", None), (None, "f1"), ("k1", "f1"), (None, None), ("k9", None), ("", None)]
)
years = st.integers(1980, 2110)
cells = st.one_of(
    texts,
    st.sampled_from(
        ["k1", "f1", "2025", "2029", "2030", "12,50", "1.234,5", "=1+1", "1e400", "NaN"]
    ),
)


@given(ref=refs, year=years, amount=amounts, note=texts)
@FUZZ
def test_any_accepted_actual_leaves_a_valid_project(
    project: Project, people: People, ref: tuple[Any, Any], year: int, amount: Any, note: str
) -> None:
    scenario = project.scenarios.get()
    cost_item, funding_line = ref
    fields = {
        "cost_item": cost_item,
        "funding_line": funding_line,
        "year": year,
        "amount": amount,
        "note": note,
    }
    attempt(project, lambda: actual_create(scenario=scenario, by=people.bram, **fields))
    stored = scenario.actuals.last()
    if stored is None:
        return
    attempt(
        project,
        lambda: actual_update(
            actual=stored, by=people.bram, expected_version=stored.version, **fields
        ),
    )
    stored.refresh_from_db()
    attempt(
        project,
        lambda: actual_delete(actual=stored, by=people.bram, expected_version=stored.version),
    )


@given(rows=st.lists(st.lists(cells, min_size=0, max_size=6), max_size=6))
@FUZZ
def test_any_file_is_stored_whole_and_valid_or_not_at_all(
    project: Project, people: People, rows: list[list[str]]
) -> None:
    scenario = project.scenarios.get()
    lines = ["kostenpost;financiering;jaar;bedrag;notitie"]
    lines += [
        ";".join(c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in row)
        for row in rows
    ]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    known = Known({"k1": "k1"}, frozenset({"f1"}), range(2025, 2030))
    before = project_data(project)
    read = read_actuals("bedragen.csv", data, known)
    if read.errors:
        assert not read.rows
        assert project_data(project) == before
        return
    attempt(
        project,
        lambda: actuals_import(
            scenario=scenario, by=people.bram, rows=read.rows, source="bedragen.csv"
        ),
    )
