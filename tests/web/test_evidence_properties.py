"""The evidence writes under the write suite's fuzzing (see test_write_properties.py): any input
they accept leaves a project that validates and exports; any they refuse stores nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.evidence import (
    evidence_need_delete,
    evidence_need_save,
    evidence_plans,
    indicator_delete,
    indicator_save,
    measurement_delete,
    measurements_add,
)

from .test_write_properties import FUZZ, amounts, attempt, dates, party_ids, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

VALUES = st.sampled_from(["minder_zorgvraag", "goed_wonen", "onbekend", "werkplezier"])
links = st.one_of(
    st.none(),
    texts,
    st.sampled_from(["https://example.org/a", "http://x.nl/b c", "javascript:alert(1)", "ftp://a"]),
)


@given(
    value=VALUES,
    description=texts,
    location=texts,
    finding=texts,
    link=links,
    gatherer=party_ids,
    due=dates,
    status=st.sampled_from(["nodig", "wordt_verzameld", "binnen", "klaar", ""]),
    route=st.sampled_from([None, "zorgen_voor_elkaar", "beter_team", "onbekend"]),
)
@FUZZ
def test_any_accepted_evidence_need_leaves_a_valid_project(
    project: Project, people: People, value: str, route: Any, **fields: Any
) -> None:
    scenario = project.scenarios.get()
    data = {"kind": "pilot", "route": route, **fields}

    def save(index: int | None) -> None:
        scenario.refresh_from_db()
        evidence_need_save(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version,
            value=value,
            index=index,
            data=data,
        )

    if attempt(project, lambda: save(None)):
        attempt(project, lambda: save(0))
        scenario.refresh_from_db()
        attempt(
            project,
            lambda: evidence_need_delete(
                scenario=scenario,
                by=people.bram,
                expected_version=scenario.version,
                value=value,
                index=0,
            ),
        )


@given(
    value=VALUES,
    name=texts,
    unit=texts,
    data_source=texts,
    baseline=amounts,
    target=amounts,
    baseline_date=dates,
    target_date=dates,
    owner=party_ids,
    direction=st.sampled_from(["hoger_beter", "lager_beter", "beter", ""]),
    knobs=st.lists(st.integers(0, 11), max_size=3),
    measured=amounts,
    measured_on=dates,
    note=texts,
)
@FUZZ
def test_any_accepted_indicator_or_measurement_leaves_a_valid_project(
    project: Project,
    people: People,
    value: str,
    measured: Any,
    measured_on: Any,
    note: str,
    **fields: Any,
) -> None:
    scenario = project.scenarios.get()

    def add() -> None:
        scenario.refresh_from_db()
        indicator_save(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version,
            value=value,
            indicator_id=None,
            data=fields,
        )

    if not attempt(project, add):
        return
    scenario.refresh_from_db()
    [key] = [i.id for p in evidence_plans(scenario) for i in p.indicators]

    def measure() -> None:
        scenario.refresh_from_db()
        measurements_add(
            scenario=scenario,
            by=people.bram,
            expected_version=scenario.version,
            rows=[(key, {"date": measured_on, "value": measured, "note": note})],
        )

    if attempt(project, measure):
        scenario.refresh_from_db()
        attempt(
            project,
            lambda: measurement_delete(
                scenario=scenario,
                by=people.bram,
                expected_version=scenario.version,
                indicator_id=key,
                index=0,
            ),
        )
    scenario.refresh_from_db()
    attempt(
        project,
        lambda: indicator_delete(
            scenario=scenario, by=people.bram, expected_version=scenario.version, indicator_id=key
        ),
    )
