"""Any effect estimate or effect setting the services accept leaves a project that validates,
exports and re-imports; any they refuse stores nothing (the fuzzing of
:mod:`tests.web.test_write_properties`, for :mod:`stuurknop.web.projects.services.effects`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.effects import effect_save, effect_settings_save
from tests.web.test_write_properties import FUZZ, amounts, attempt, optional_years, texts, years

if TYPE_CHECKING:
    from tests.web.conftest import People

percents = st.integers(-5, 130)


@given(
    effect_id=st.one_of(st.sampled_from(["wmo", "wmo uitstel", "", "a" * 61]), texts),
    low=amounts,
    expected=amounts,
    high=amounts,
    first_year=years,
    years_=optional_years,
    drop_off=percents,
    deadweight=percents,
    assumption=texts,
    proxy=st.sampled_from([None, "", "onbekend"]),
    beneficiary=st.sampled_from(["gemeente", "woco", "onbekend", ""]),
)
@FUZZ
def test_any_accepted_effect_estimate_leaves_a_valid_project(
    project: Project,
    people: People,
    effect_id: str,
    low: Any,
    expected: Any,
    high: Any,
    first_year: int,
    years_: int | None,
    drop_off: int,
    deadweight: int,
    assumption: str,
    proxy: str | None,
    beneficiary: str,
) -> None:
    scenario = project.scenarios.get()
    data = {
        "id": effect_id,
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "knobs": [4],
        "beneficiary": beneficiary,
        "proxy": proxy,
        "low": low,
        "expected": expected,
        "high": high,
        "first_year": first_year,
        "years": years_,
        "drop_off": drop_off,
        "deadweight": deadweight,
        "assumption": assumption,
    }

    def write() -> None:
        effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                    effect_id=None, data=data)  # fmt: skip

    attempt(project, write)


@given(rate=st.one_of(amounts, st.sampled_from(["-1", "-5.01", "15", "2.255"])))
@FUZZ
def test_any_accepted_discount_rate_leaves_a_valid_project(
    project: Project, people: People, rate: Any
) -> None:
    def write() -> None:
        project.refresh_from_db()
        effect_settings_save(project=project, by=people.bram, expected_version=project.version,
                             data={"discount_rate": rate})  # fmt: skip

    attempt(project, write)
