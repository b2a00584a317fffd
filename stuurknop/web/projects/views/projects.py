"""Pages of projects. A view checks access, makes one call, renders the result."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.text import slugify

from stuurknop.document import dump_document
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import (
    project_document,
    project_members,
    projects_for_user,
)


def project_list(request: HttpRequest) -> HttpResponse:
    """The user's projects: the ones of their own organisation, and those shared with them."""
    projects = list(projects_for_user(request.user))
    return render(
        request,
        "projects/project_list.html",
        {
            "own": [p for p in projects if p.is_own],
            "shared": [p for p in projects if not p.is_own],
        },
    )


@project_role(Role.LEZER)
def project_detail(request: HttpRequest, project: Project) -> HttpResponse:
    """A project's basics, parties, scenarios and members."""
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "parties": project.parties.select_related("organisation"),
            "scenarios": project.scenarios.all(),
            "members": project_members(project),
        },
    )


@project_role(Role.LEZER)
def project_export(request: HttpRequest, project: Project) -> HttpResponse:
    """The project file, in the same format as the command line's."""
    response = HttpResponse(
        dump_document(project_document(project)), content_type="application/json; charset=utf-8"
    )
    filename = f"{slugify(project.name) or 'project'}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


urlpatterns = [
    path("", project_list, name="project_list"),
    path("projecten/<int:project_id>/", project_detail, name="project_detail"),
    path("projecten/<int:project_id>/export.json", project_export, name="project_export"),
]
