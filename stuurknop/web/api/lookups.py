"""The project, scenario and row an API URL names, with the access check of
:mod:`stuurknop.web.projects.permissions` (a non-member gets 404, a lower role 403)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import Http404
from rest_framework.exceptions import ParseError
from rest_framework.request import Request

from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import project_for, require_editable
from stuurknop.web.projects.roles import Role

# Ids in URLs are database ids; a larger number cannot exist (and must not reach SQLite).
MAX_ID = 2**31 - 1


def api_project(
    request: Request, project_id: int, role: Role | str, *, writes: bool = True
) -> Project:
    """The project, if the caller's role is at least ``role``; a write (any method but GET,
    unless ``writes`` is False) also needs a project that is not archived, checked before the
    body is read."""
    if not 0 < project_id <= MAX_ID:
        raise Http404()
    project = project_for(request.user, project_id, role)
    if writes and request.method != "GET":
        require_editable(request.user, project)
    return project


def api_scenario(
    request: Request, project_id: int, scenario_id: int, role: Role | str, *, writes: bool = True
) -> Scenario:
    project = api_project(request, project_id, role, writes=writes)
    if not 0 < scenario_id <= MAX_ID:
        raise Http404()
    scenario = Scenario.objects.filter(pk=scenario_id, project=project).first()
    if scenario is None:
        raise Http404()
    scenario.project = project  # keeps the checked role with it
    return scenario


def caller(request: Request) -> User:
    """The signed-in user (every endpoint but the schema requires one)."""
    user = request.user
    if not isinstance(user, User):  # pragma: no cover - IsAuthenticated refused them already
        raise Http404()
    return user


def body_object(request: Request) -> dict[str, Any]:
    """The request's JSON body, which must be an object."""
    data = request.data
    if not isinstance(data, dict):
        raise ParseError("De inhoud moet een JSON-object zijn.")
    return dict(data)
