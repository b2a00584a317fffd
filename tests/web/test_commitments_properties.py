"""Confirmations under the write suite's fuzzing (see test_write_properties.py): any
confirmation, refusal or commitment recorded on a party's behalf that the services accept
leaves a project that validates and exports; any they refuse (the wrong party, a reader, an
empty remark or letter, a stale version) stores nothing."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.models import FundingLine, Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.commitments import (
    funding_line_confirm,
    funding_line_decline,
    funding_line_record_on_behalf,
)
from stuurknop.web.projects.services.money import funding_line_create

from .conftest import make_user
from .test_write_properties import FUZZ, attempt, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

who = st.sampled_from(["anna", "bram", "carla", "gert"])
dates = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
versions = st.sampled_from([0, 1, 2, 99])


@given(by=who, answer=st.sampled_from(["confirm", "decline", "behalf"]), remark=texts,
       reference=texts, letter=dates, version=versions)  # fmt: skip
@FUZZ
def test_any_accepted_answer_to_a_request_leaves_a_valid_project(
    project: Project, people: People, by: str, answer: str, remark: Any, reference: Any,
    letter: dt.date | None, version: int,
) -> None:  # fmt: skip
    users = {"anna": people.anna, "bram": people.bram, "carla": people.carla}
    gert = ProjectMember.objects.filter(project=project, user__username="gert").first()
    if gert is None:
        user = make_user("gert", people.elders)
        ProjectMember.objects.create(project=project, user=user, role=Role.BEWERKER)
    users["gert"] = ProjectMember.objects.get(project=project, user__username="gert").user
    scenario = project.scenarios.get()
    line = FundingLine.objects.filter(scenario=scenario, request__isnull=False).first()
    if line is None:
        line = funding_line_create(
            scenario=scenario, by=people.bram, cost_item="k1", party="gemeente", source="III",
            amount="5000", status="toegezegd",
        )  # fmt: skip
    line.refresh_from_db()
    writes = {
        "confirm": lambda: funding_line_confirm(
            funding_line=line, by=users[by], expected_version=version, remark=remark
        ),
        "decline": lambda: funding_line_decline(
            funding_line=line, by=users[by], expected_version=version, remark=remark
        ),
        "behalf": lambda: funding_line_record_on_behalf(
            funding_line=line,
            by=users[by],
            expected_version=version,
            evidence_reference=reference,
            evidence_date=letter,
            remark=remark,
        ),
    }
    accepted = attempt(project, writes[answer])
    if accepted and answer == "confirm":
        assert by == "gert"  # only the municipality's member confirms its money
    if accepted and answer == "behalf":
        assert by == "anna"  # only the beheerder records on a party's behalf
