"""A scenario's effect estimates (money) through the API, written through the effects page's
service. The estimates are held together by their scenario, so their version is the
scenario's: the list's and each estimate's ETag, named in If-Match by every write."""

from __future__ import annotations

import re

from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile.schema import EffectEstimate
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_scenario, body_object, caller
from stuurknop.web.api.openapi import (
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    body,
    document_schema,
    errors,
    list_of,
)
from stuurknop.web.api.params import KEY_PATTERN, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.effects import effect_delete, effect_save

EFFECT = document_schema(EffectEstimate)
EFFECT_ID = key_parameter("effect_id", "Het id van de effectschatting.")
TAGS = ["effecten"]


def _effects(scenario: Scenario) -> list[dict[str, object]]:
    return [dict(e) for e in scenario.effects]


def _effect(scenario: Scenario, effect_id: str) -> dict[str, object]:
    if re.match(KEY_PATTERN, effect_id):
        for effect in scenario.effects:
            if effect.get("id") == effect_id:
                return dict(effect)
    raise Http404()


@extend_schema(
    operation_id="effect_list",
    methods=["GET"],
    tags=TAGS,
    summary="De effectschattingen van een scenario",
    description="De ETag is de versie van het scenario; geef die mee bij elke wijziging.",
    parameters=[PROJECT_ID, SCENARIO_ID],
    responses={200: list_of(EFFECT), **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="effect_create",
    methods=["POST"],
    tags=TAGS,
    summary="Een effectschatting toevoegen",
    parameters=[PROJECT_ID, SCENARIO_ID, IF_MATCH],
    request=body(EFFECT),
    responses={201: EFFECT, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "POST"])
def effects(request: Request, project_id: int, scenario_id: int) -> Response:
    if request.method == "GET":
        scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
        return with_etag(_effects(scenario), scenario.version)
    scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    given = body_object(request)
    version = expected_version(request)
    try:
        effect = effect_save(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            effect_id=None,
            data=given,
        )
    except Conflict as conflict:
        current = Scenario.objects.get(pk=scenario.pk)
        return conflict_response(conflict, yours=given, current=_effects(current))
    response = with_etag(
        effect.model_dump(mode="json"), scenario.version, status_code=status.HTTP_201_CREATED
    )
    response["Location"] = reverse("api:effect", args=[project_id, scenario_id, effect.id])
    return response


@extend_schema(
    operation_id="effect_read",
    methods=["GET"],
    tags=TAGS,
    summary="Eén effectschatting",
    parameters=[PROJECT_ID, SCENARIO_ID, EFFECT_ID],
    responses={200: EFFECT, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="effect_update",
    methods=["PUT"],
    tags=TAGS,
    summary="Een effectschatting wijzigen",
    parameters=[PROJECT_ID, SCENARIO_ID, EFFECT_ID, IF_MATCH],
    request=body(EFFECT),
    responses={200: EFFECT, **errors(*WRITE_ERRORS)},
)
@extend_schema(
    operation_id="effect_delete",
    methods=["DELETE"],
    tags=TAGS,
    summary="Een effectschatting verwijderen",
    parameters=[PROJECT_ID, SCENARIO_ID, EFFECT_ID, IF_MATCH],
    responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT", "DELETE"])
def effect(request: Request, project_id: int, scenario_id: int, effect_id: str) -> Response:
    if request.method == "GET":
        scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
        return with_etag(_effect(scenario, effect_id), scenario.version)
    scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    _effect(scenario, effect_id)
    given = body_object(request) if request.method == "PUT" else {}
    version = expected_version(request)
    try:
        if request.method == "DELETE":
            effect_delete(
                scenario=scenario, by=caller(request), expected_version=version, effect_id=effect_id
            )
            return Response(status=status.HTTP_204_NO_CONTENT)
        saved = effect_save(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            effect_id=effect_id,
            data={**given, "id": given.get("id", effect_id)},
        )
    except Conflict as conflict:
        current = Scenario.objects.get(pk=scenario.pk)
        stored = next((e for e in current.effects if e.get("id") == effect_id), None)
        return conflict_response(conflict, yours=given, current=stored)
    return with_etag(saved.model_dump(mode="json"), scenario.version)


SCENARIO_PATH = "projects/<int:project_id>/scenarios/<int:scenario_id>/"
urlpatterns = [
    path(SCENARIO_PATH + "effects/", effects, name="effect_list"),
    path(SCENARIO_PATH + "effects/<str:effect_id>/", effect, name="effect"),
]
