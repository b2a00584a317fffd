"""A project's own parts through the API: its basics, its parties and its scenarios."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile import schema as doc
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_project, api_scenario, body_object, caller
from stuurknop.web.api.openapi import (
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    body,
    document_schema,
    errors,
    list_of,
    with_optional,
)
from stuurknop.web.api.params import KEY_PATTERN, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.projects.entities import PROJECT_PARTY, row_data
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, ProjectParty, Scenario
from stuurknop.web.projects.project_file import basics_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_revision
from stuurknop.web.projects.services.projects import (
    project_basics_update,
    project_party_add,
    project_party_update,
)
from stuurknop.web.projects.services.scenarios import (
    scenario_create,
    scenario_delete,
    scenario_update,
)
from stuurknop.web.projects.services.validation import validate_item

BASICS = document_schema(doc.Basics)
PARTY = document_schema(doc.Party)
NEW_PARTY = with_optional(PARTY, "id")
PARTY_CHANGE = document_schema(doc.Party, without=("id",), name="PartyWijziging")
SCENARIO_CHANGE = document_schema(
    doc.Scenario,
    without=("knobs", "interests", "costs", "funding", "effects", "evidence", "actuals"),
    name="ScenarioWijziging",
)
SCENARIO: dict[str, Any] = {
    "type": "object",
    "required": ["id", "version", "name", "chosen", "description", "url"],
    "properties": {
        "id": {"type": "integer", "description": "Het nummer van het scenario in de API."},
        "version": {"type": "integer", "description": "Geef deze versie mee in If-Match."},
        "name": {"type": "string"},
        "chosen": {"type": "boolean", "description": "Het gekozen scenario."},
        "description": {"type": "string"},
        "url": {"type": "string", "description": "De analyse van dit scenario."},
    },
}


@extend_schema(
    operation_id="basics_read",
    methods=["GET"],
    tags=["projecten"],
    summary="Projectgegevens",
    parameters=[PROJECT_ID],
    responses={200: BASICS, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="basics_update",
    methods=["PUT"],
    tags=["projecten"],
    summary="Projectgegevens wijzigen",
    parameters=[PROJECT_ID, IF_MATCH],
    request=body(BASICS),
    responses={200: BASICS, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def basics(request: Request, project_id: int) -> Response:
    if request.method == "GET":
        project = api_project(request, project_id, Role.LEZER)
        return with_etag(basics_data(project), project.version)
    project = api_project(request, project_id, Role.BEWERKER)
    body = body_object(request)
    version = expected_version(request)
    item = validate_item(doc.Basics, body)
    try:
        project_basics_update(
            project=project, by=caller(request), expected_version=version, **item.model_dump()
        )
    except Conflict as conflict:
        return conflict_response(
            conflict, yours=body, current=basics_data(Project.objects.get(pk=project.pk))
        )
    return with_etag(basics_data(project), project.version)


@extend_schema(
    operation_id="party_list",
    methods=["GET"],
    tags=["partijen"],
    summary="De partijen (aan tafel en erbuiten)",
    parameters=[PROJECT_ID],
    responses={200: list_of(PARTY), **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="party_add",
    methods=["POST"],
    tags=["partijen"],
    summary="Een partij toevoegen (beheerder)",
    parameters=[PROJECT_ID],
    request=body(NEW_PARTY),
    responses={201: PARTY, **errors(400, 401, 403, 404, 429)},
)
@api_view(["GET", "POST"])
def parties(request: Request, project_id: int) -> Response:
    if request.method == "POST":
        project = api_project(request, project_id, Role.BEHEERDER)
        body = body_object(request)
        key = body.pop("id", "") or ""
        party = project_party_add(project=project, by=caller(request), key=key, **body)
        response = Response(row_data(PROJECT_PARTY, party), status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api:party", args=[project.pk, party.key])
        return response
    project = api_project(request, project_id, Role.LEZER)
    return Response([row_data(PROJECT_PARTY, p) for p in project.parties.all()])


@extend_schema(
    operation_id="party_read",
    methods=["GET"],
    tags=["partijen"],
    summary="Eén partij",
    description="De ETag is de revisie van het project; geef die mee in If-Match bij wijzigen.",
    parameters=[PROJECT_ID, key_parameter("party", "Het id van de partij.")],
    responses={200: PARTY, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="party_update",
    methods=["PUT"],
    tags=["partijen"],
    summary="Een partij wijzigen (beheerder)",
    description=(
        "Naam, partijtype en plaats aan tafel; het id blijft. If-Match is de revisie van het "
        "project: is er intussen iets in het project gewijzigd, dan volgt 412."
    ),
    parameters=[PROJECT_ID, key_parameter("party", "Het id van de partij."), IF_MATCH],
    request=body(PARTY_CHANGE),
    responses={200: PARTY, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def party(request: Request, project_id: int, party: str) -> Response:
    if request.method == "GET":
        project = api_project(request, project_id, Role.LEZER)
        row = _party_row(project, party)
        return with_etag(row_data(PROJECT_PARTY, row), project_revision(project))
    project = api_project(request, project_id, Role.BEHEERDER)
    row = _party_row(project, party)
    body = body_object(request)
    version = expected_version(request)
    body.pop("id", None)
    # Validated before the service sees it, so a stray field is a Dutch 400, not a keyword.
    item = validate_item(doc.Party, {**body, "id": row.key})
    given = item.model_dump(mode="json", exclude={"id"})
    try:
        with transaction.atomic():
            # A party has no version of its own: the project's revision, under the project's
            # lock, stands in for it, so a change in between is never overwritten unseen.
            Project.objects.select_for_update().filter(pk=project.pk).first()
            current = project_revision(project)
            if current != version:
                raise Conflict(
                    what=PROJECT_PARTY.logged_as(row),
                    expected_version=version,
                    current_version=current,
                )
            project_party_update(
                project=project,
                party=row,
                by=caller(request),
                organisation=row.organisation,
                **given,
            )
    except Conflict as conflict:
        fresh = ProjectParty.objects.get(pk=row.pk)
        return conflict_response(conflict, yours=body, current=row_data(PROJECT_PARTY, fresh))
    return with_etag(row_data(PROJECT_PARTY, row), project_revision(project))


def _party_row(project: Project, key: str) -> ProjectParty:
    row = project.parties.filter(key=key).first() if re.match(KEY_PATTERN, key) else None
    if row is None:
        raise Http404()
    return row


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.pk,
        "version": scenario.version,
        "name": scenario.name,
        "chosen": scenario.chosen,
        "description": scenario.description,
        "url": reverse("api:scenario_analysis", args=[scenario.project_id, scenario.pk]),
    }


@extend_schema(
    operation_id="scenario_list",
    methods=["GET"],
    tags=["scenario's"],
    summary="De scenario's",
    parameters=[PROJECT_ID],
    responses={200: list_of(SCENARIO), **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="scenario_create",
    methods=["POST"],
    tags=["scenario's"],
    summary="Een leeg scenario toevoegen",
    parameters=[PROJECT_ID],
    request=body(SCENARIO_CHANGE),
    responses={201: SCENARIO, **errors(400, 401, 403, 404, 429)},
)
@api_view(["GET", "POST"])
def scenarios(request: Request, project_id: int) -> Response:
    if request.method == "POST":
        project = api_project(request, project_id, Role.BEWERKER)
        item = validate_item(doc.Scenario, body_object(request))
        scenario = scenario_create(
            project=project, by=caller(request), name=item.name, description=item.description
        )
        return with_etag(scenario_data(scenario), scenario.version, status_code=201)
    project = api_project(request, project_id, Role.LEZER)
    return Response([scenario_data(s) for s in project.scenarios.all()])


@extend_schema(
    operation_id="scenario_read",
    methods=["GET"],
    tags=["scenario's"],
    summary="Eén scenario",
    parameters=[PROJECT_ID, SCENARIO_ID],
    responses={200: SCENARIO, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="scenario_update",
    methods=["PUT"],
    tags=["scenario's"],
    summary="Hernoemen, beschrijven of kiezen",
    parameters=[PROJECT_ID, SCENARIO_ID, IF_MATCH],
    request=body(SCENARIO_CHANGE),
    responses={200: SCENARIO, **errors(*WRITE_ERRORS)},
)
@extend_schema(
    operation_id="scenario_delete",
    methods=["DELETE"],
    tags=["scenario's"],
    summary="Een scenario verwijderen",
    description="Met al zijn rijen; het laatste scenario van een project kan niet weg (400).",
    parameters=[PROJECT_ID, SCENARIO_ID, IF_MATCH],
    responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT", "DELETE"])
def scenario(request: Request, project_id: int, scenario_id: int) -> Response:
    if request.method == "GET":
        found = api_scenario(request, project_id, scenario_id, Role.LEZER)
        return with_etag(scenario_data(found), found.version)
    found = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    if request.method == "DELETE":
        return _scenario_deleted(request, found)
    body = body_object(request)
    version = expected_version(request)
    item = validate_item(doc.Scenario, body)
    try:
        scenario_update(
            scenario=found,
            by=caller(request),
            expected_version=version,
            name=item.name,
            description=item.description,
            chosen=item.chosen,
        )
    except Conflict as conflict:
        return conflict_response(
            conflict, yours=body, current=scenario_data(Scenario.objects.get(pk=found.pk))
        )
    return with_etag(scenario_data(found), found.version)


def _scenario_deleted(request: Request, found: Scenario) -> Response:
    version = expected_version(request)
    try:
        scenario_delete(scenario=found, by=caller(request), expected_version=version)
    except Conflict as conflict:
        current = Scenario.objects.filter(pk=found.pk).first()
        return conflict_response(
            conflict, yours=None, current=scenario_data(current) if current else None
        )
    return Response(status=status.HTTP_204_NO_CONTENT)


PROJECT_PATH = "projects/<int:project_id>/"
urlpatterns = [
    path(PROJECT_PATH + "basics/", basics, name="basics"),
    path(PROJECT_PATH + "parties/", parties, name="party_list"),
    path(PROJECT_PATH + "parties/<str:party>/", party, name="party"),
    path(PROJECT_PATH + "scenarios/", scenarios, name="scenario_list"),
    path(PROJECT_PATH + "scenarios/<int:scenario_id>/", scenario, name="scenario"),
]
