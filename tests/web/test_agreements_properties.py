"""The agreement's writes under the write suite's fuzzing (see test_write_properties.py): any
version the services accept (any texts and hours, any party named) leaves a project that
validates and exports; a refused one stores nothing; confirming by anyone either records one
confirmation for the party the person speaks for, or stores nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404
from hypothesis import given
from hypothesis import strategies as st

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.agreements import (
    agreement_confirm,
    agreement_draw_up,
    agreements_of,
    agreements_version,
)

from .test_write_properties import FUZZ, attempt, party_ids, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

hours = st.one_of(st.none(), st.integers(-5, 2_000_000), st.sampled_from(["", "12", "veel"]))


@given(
    changes=texts,
    words=texts,
    party=party_ids,
    hour=hours,
    who=st.sampled_from(["anna", "bram", "carla", "olaf"]),
    number=st.integers(-1, 3),
)
@FUZZ
def test_any_accepted_agreement_write_leaves_a_valid_project(
    project: Project,
    people: People,
    changes: str,
    words: str,
    party: Any,
    hour: Any,
    who: str,
    number: int,
) -> None:
    project.refresh_from_db()
    given_hours = {party: hour} if party is not None else {}
    given_words = {party: words} if party is not None else {}
    attempt(
        project,
        lambda: agreement_draw_up(
            project=project,
            by=people.bram,
            expected_version=agreements_version(project),
            changes=changes,
            hours=given_hours,
            commitments=given_words,
        ),
    )
    project.refresh_from_db()
    before = {a.number: len(a.confirmations) for a in agreements_of(project)}
    accepted = attempt(
        project,
        lambda: agreement_confirm(
            project=project,
            by=getattr(people, who),
            number=number,
            expected_version=agreements_version(project),
        ),
        refused=(Http404,),  # olaf is not a member: the project is not found for him
    )
    project.refresh_from_db()
    after = {a.number: len(a.confirmations) for a in agreements_of(project)}
    if accepted:
        assert who in {"anna", "bram"}  # the two who may edit and speak for a party
        assert after[number] == before[number] + 1
    else:
        assert after == before
