"""A new scenario from an explorer design, fuzzed like every other write service
(tests/web/test_write_properties.py): any accepted name and design leaves a project that
validates and exports; any refused one stores nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.designs import scenario_from_design
from tests.web.test_write_properties import FUZZ, attempt, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

designs = st.one_of(
    st.lists(st.integers(0, 3), min_size=10, max_size=10),
    st.lists(st.integers(-1, 5), min_size=0, max_size=12),
)


@given(name=texts, description=texts, openings=designs)
@FUZZ
def test_any_accepted_design_leaves_a_valid_project(
    project: Project, people: People, name: str, description: str, openings: list[int]
) -> None:
    basis = project.scenarios.get(name="Basis")
    accepted = attempt(
        project,
        lambda: scenario_from_design(
            source=basis, by=people.bram, name=name, openings=openings, description=description
        ),
    )
    if accepted:
        assert len(openings) == 10 and all(0 <= o <= 3 for o in openings)
