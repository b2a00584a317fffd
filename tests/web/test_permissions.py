"""Who may open and change a project: decided in one place, outsiders learn nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_for, project_role, role_of
from stuurknop.web.projects.roles import Role

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.mark.parametrize(
    ("role", "other", "allowed"),
    [
        (Role.BEHEERDER, Role.BEWERKER, True),
        (Role.BEWERKER, Role.BEWERKER, True),
        (Role.BEWERKER, Role.BEHEERDER, False),
        (Role.LEZER, Role.BEWERKER, False),
        (Role.LEZER, "lezer", True),
    ],
)
def test_roles_are_ordered_beheerder_bewerker_lezer(role: Role, other: str, allowed: bool) -> None:
    assert role.at_least(other) is allowed


def test_each_member_has_their_role(project: Project, people: People) -> None:
    assert [role_of(u, project) for u in (people.anna, people.bram, people.carla, people.olaf)] == [
        Role.BEHEERDER,
        Role.BEWERKER,
        Role.LEZER,
        None,
    ]


def test_a_non_member_gets_404_exactly_as_for_a_project_that_does_not_exist(
    project: Project, people: People
) -> None:

    with pytest.raises(Http404) as existing:
        project_for(people.olaf, project.pk, Role.LEZER)
    with pytest.raises(Http404) as missing:
        project_for(people.olaf, project.pk + 1000, Role.LEZER)
    assert str(existing.value) == str(missing.value) == ""


def test_a_lezer_may_read_but_not_edit(project: Project, people: People) -> None:
    assert project_for(people.carla, project.pk, Role.LEZER) == project
    with pytest.raises(PermissionDenied, match="Bewerker"):
        project_for(people.carla, project.pk, Role.BEWERKER)


def test_a_bewerker_may_edit_but_not_manage(project: Project, people: People) -> None:
    assert project_for(people.bram, str(project.pk), "bewerker") == project
    with pytest.raises(PermissionDenied):
        project_for(people.bram, project.pk, Role.BEHEERDER)


def test_a_malformed_id_is_simply_not_found(people: People) -> None:
    with pytest.raises(Http404):
        project_for(people.anna, "1; drop table", Role.LEZER)


def test_the_decorator_hands_the_checked_project_to_the_view(
    project: Project, people: People
) -> None:
    @project_role(Role.BEWERKER)
    def view(request: HttpRequest, project: Project) -> HttpResponse:
        return HttpResponse(project.name)

    request = RequestFactory().get("/")
    request.user = people.bram
    assert view(request, project_id=project.pk).content == b"De Linde"
    request.user = people.carla
    with pytest.raises(PermissionDenied):
        view(request, project_id=project.pk)
    request.user = people.olaf
    with pytest.raises(Http404):
        view(request, project_id=project.pk)
