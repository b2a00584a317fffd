"""Projects through the API: the user's list, the whole document, a new project from a
project file, the analysis (the command line's JSON) and the history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.cli.analysis_data import analysis_data
from stuurknop.projectfile import ProjectDocument, to_data
from stuurknop.web.api.concurrency import with_etag
from stuurknop.web.api.lookups import api_project, api_scenario, caller
from stuurknop.web.api.openapi import (
    ANY_OBJECT,
    READ_ERRORS,
    body,
    document_schema,
    errors,
    page_of,
)
from stuurknop.web.api.pagination import Pages
from stuurknop.web.api.params import PROJECT_ID, SCENARIO_ID
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.project_file import log_entry_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import (
    cached_for_revision,
    project_document,
    project_revision,
    projects_for_user,
)
from stuurknop.web.projects.services.imports import project_import_json
from stuurknop.web.projects.services.perspectives import visible_document

TAG = ["projecten"]
PROJECT_SUMMARY: dict[str, Any] = {
    "type": "object",
    "required": ["id", "name", "municipality", "phase", "archived", "role", "url"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string", "description": "Naam van het project."},
        "municipality": {"type": "string", "description": "Gemeente."},
        "phase": {"type": "string", "description": "Fase: idee, plan, uitvoering of evaluatie."},
        "archived": {"type": "boolean", "description": "Gearchiveerd: alleen te lezen."},
        "role": {"type": ["string", "null"], "description": "Jouw rol in het project."},
        "url": {"type": "string", "description": "Het hele projectdocument."},
    },
}
LOG_ENTRY: dict[str, Any] = {
    "type": "object",
    "required": ["at", "who", "what", "scenario", "changes"],
    "properties": {
        "at": {"type": "string", "description": "Tijdstip (ISO 8601)."},
        "who": {"type": "string"},
        "what": {"type": "string", "description": "Wat er veranderde, in woorden."},
        "scenario": {"type": "string"},
        "changes": {"type": "array", "description": "Oude en nieuwe waarden per veld."},
    },
}
DOCUMENT = document_schema(ProjectDocument)


def project_summary(project: Project, role: str | None) -> dict[str, Any]:
    return {
        "id": project.pk,
        "name": project.name,
        "municipality": project.municipality,
        "phase": project.phase,
        "archived": project.archived,
        "role": role,
        "url": reverse("api:project_detail", args=[project.pk]),
    }


@extend_schema(
    operation_id="projects_list",
    methods=["GET"],
    tags=TAG,
    summary="Jouw projecten",
    description="De projecten waarvan je lid bent, op naam; `q` zoekt in de naam.",
    parameters=[
        OpenApiParameter("q", str, description="Deel van de projectnaam."),
        OpenApiParameter("archived", bool, description="Het archief in plaats van de lijst."),
        OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": 10000}),
        OpenApiParameter("page_size", {"type": "integer", "minimum": 1, "maximum": 500}),
    ],
    responses={200: page_of(PROJECT_SUMMARY), **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="projects_create",
    methods=["POST"],
    tags=TAG,
    summary="Project importeren",
    description=(
        "Een projectbestand (zoals `stuurknop export` en de exportknop het maken) wordt een nieuw "
        "project met jou als beheerder. Alles of niets: een ongeldig bestand slaat niets op."
    ),
    request=body(DOCUMENT),
    responses={201: PROJECT_SUMMARY, **errors(400, 401, 403, 429)},
)
@api_view(["GET", "POST"])
def projects(request: Request) -> Response:
    if request.method == "POST":
        project = project_import_json(raw=request.body, by=caller(request))
        response = Response(project_summary(project, Role.BEHEERDER.value), status.HTTP_201_CREATED)
        response["Location"] = reverse("api:project_detail", args=[project.pk])
        return response
    archived = request.query_params.get("archived", "false").lower() in {"true", "1", "ja"}
    listed = projects_for_user(request.user, archived=archived)
    if query := request.query_params.get("q", "").strip():
        listed = listed.filter(name__icontains=query)
    pages = Pages()
    page = pages.paginate_queryset(listed, request)
    return pages.get_paginated_response([project_summary(p, p.my_role) for p in page or []])


def visible_project_document(project: Project) -> ProjectDocument:
    """The document as the export shows it: the parties' own views only once revealed."""
    return visible_document(project_document(project), revealed=project.perspectives_revealed)


@extend_schema(
    operation_id="project_read",
    tags=TAG,
    summary="Het hele projectdocument",
    description=(
        "Hetzelfde JSON als de export en de opdrachtregel. Zolang de beheerder de eigen "
        "standpunten van de partijen niet heeft getoond, staan die er niet in. De ETag is de "
        "revisie van het project."
    ),
    parameters=[PROJECT_ID],
    responses={200: DOCUMENT, **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def project_detail(request: Request, project_id: int) -> Response:
    project = api_project(request, project_id, Role.LEZER)
    return with_etag(to_data(visible_project_document(project)), project_revision(project))


@extend_schema(
    operation_id="scenario_analysis",
    tags=TAG,
    summary="De analyse van een scenario",
    description=(
        "Alle uitkomsten met hun redenen in woorden, het gerealiseerde geld en de monitoring: "
        "hetzelfde JSON als `stuurknop analyse --format json` op het projectbestand."
    ),
    parameters=[PROJECT_ID, SCENARIO_ID],
    responses={200: ANY_OBJECT, **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def scenario_analysis(request: Request, project_id: int, scenario_id: int) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
    project = scenario.project
    today = dt.date.today()
    revealed = project.perspectives_revealed
    data = cached_for_revision(
        project,
        f"api:analysis:{scenario.pk}:{int(revealed)}:{today.isoformat()}",
        lambda: analysis_data(visible_project_document(project), scenario.name, today),
    )
    return with_etag(data, project_revision(project))


@extend_schema(
    operation_id="project_history",
    tags=TAG,
    summary="De geschiedenis",
    description="Wie wat wanneer veranderde, nieuwste eerst, met oude en nieuwe waarden.",
    parameters=[
        PROJECT_ID,
        OpenApiParameter("scenario", str, description="Alleen wijzigingen in dit scenario."),
        OpenApiParameter("page", {"type": "integer", "minimum": 1, "maximum": 10000}),
        OpenApiParameter("page_size", {"type": "integer", "minimum": 1, "maximum": 500}),
    ],
    responses={200: page_of(LOG_ENTRY), **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def project_history(request: Request, project_id: int) -> Response:
    project = api_project(request, project_id, Role.LEZER)
    entries = LogEntry.objects.filter(project=project).order_by("-id")
    if scenario := request.query_params.get("scenario"):
        entries = entries.filter(scenario=scenario)
    pages = Pages()
    page = pages.paginate_queryset(entries, request)
    return pages.get_paginated_response([log_entry_data(e) for e in page or []])
