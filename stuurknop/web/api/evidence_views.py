"""The evidence plan's parts through the API: the evidence needed before the decision (per aimed
value, by its place in the list) and the indicators monitored during execution, written through
the evidence page's services. The plan is held by its scenario, so the scenario's version is
the ETag of every part and the If-Match of every write (measurements: measurement_views.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.urls import path, reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile.evidence import EvidenceNeed, EvidencePlan, Indicator
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_scenario, body_object, caller
from stuurknop.web.api.openapi import (
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    body,
    document_schema,
    errors,
)
from stuurknop.web.api.params import KEY_PATTERN, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.evidence import (
    evidence_need_delete,
    evidence_need_save,
    evidence_plans,
    indicator_delete,
    indicator_save,
)

NEED = document_schema(EvidenceNeed)
INDICATOR = document_schema(Indicator)
INDICATOR_CHANGE = document_schema(
    Indicator, without=("id", "measurements"), name="IndicatorWijziging"
)
TAGS = ["bewijsvoering"]
VALUE = key_parameter("value", "Het id van de beoogde waarde.")
INDICATOR_ID = key_parameter("indicator_id", "Het id van de indicator.")
NUMBER = OpenApiParameter(
    "number",
    {"type": "integer", "minimum": 1, "maximum": 1000},
    OpenApiParameter.PATH,
    description="De plaats van het bewijs in de lijst van deze waarde (1 is de eerste).",
)
SCENARIO_PATH = "projects/<int:project_id>/scenarios/<int:scenario_id>/"


def _plan(scenario: Scenario, value: str) -> EvidencePlan | None:
    return next((p for p in evidence_plans(scenario) if p.value == value), None)


def _need(scenario: Scenario, value: str, number: int) -> dict[str, Any]:
    plan = _plan(scenario, value)
    if plan is None or not 0 < number <= len(plan.before_decision):
        raise Http404()
    return plan.before_decision[number - 1].model_dump(mode="json")


def _indicator(scenario: Scenario, indicator_id: str) -> dict[str, Any]:
    for plan in evidence_plans(scenario):
        for indicator in plan.indicators:
            if indicator.id == indicator_id:
                return indicator.model_dump(mode="json")
    raise Http404()


def _written(
    request: Request, scenario: Scenario, given: Any, write: Callable[[int], Any]
) -> Response | Any:
    """Run ``write`` with the caller's If-Match; a stale one answers 412 with the plan."""
    version = expected_version(request)
    try:
        return write(version)
    except Conflict as conflict:
        current = Scenario.objects.get(pk=scenario.pk)
        return conflict_response(conflict, yours=given, current=list(current.evidence))


@extend_schema(
    operation_id="evidence_need_add",
    tags=TAGS,
    summary="Bewijs toevoegen dat nodig is voor het besluit",
    description="If-Match: de versie van het scenario (de ETag van de bewijsvoering).",
    parameters=[PROJECT_ID, SCENARIO_ID, VALUE, IF_MATCH],
    request=body(NEED),
    responses={201: NEED, **errors(*WRITE_ERRORS)},
)
@api_view(["POST"])
def needs(request: Request, project_id: int, scenario_id: int, value: str) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    _key(value)
    given = body_object(request)
    done = _written(
        request,
        scenario,
        given,
        lambda version: evidence_need_save(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            value=value,
            index=None,
            data=given,
        ),
    )
    if isinstance(done, Response):
        return done
    number = len(_plan(scenario, value).before_decision)  # type: ignore[union-attr]
    response = with_etag(done.model_dump(mode="json"), scenario.version, status_code=201)
    response["Location"] = reverse(
        "api:evidence_need", args=[project_id, scenario_id, value, number]
    )
    return response


@extend_schema(
    operation_id="evidence_need_read",
    methods=["GET"],
    tags=TAGS,
    summary="Eén stuk bewijs",
    parameters=[PROJECT_ID, SCENARIO_ID, VALUE, NUMBER],
    responses={200: NEED, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="evidence_need_update",
    methods=["PUT"],
    tags=TAGS,
    summary="Bewijs wijzigen (status, bevinding, …)",
    parameters=[PROJECT_ID, SCENARIO_ID, VALUE, NUMBER, IF_MATCH],
    request=body(NEED),
    responses={200: NEED, **errors(*WRITE_ERRORS)},
)
@extend_schema(
    operation_id="evidence_need_delete",
    methods=["DELETE"],
    tags=TAGS,
    summary="Bewijs verwijderen",
    description="De plaatsen van het bewijs erna schuiven een op.",
    parameters=[PROJECT_ID, SCENARIO_ID, VALUE, NUMBER, IF_MATCH],
    responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT", "DELETE"])
def need(request: Request, project_id: int, scenario_id: int, value: str, number: int) -> Response:
    role = Role.LEZER if request.method == "GET" else Role.BEWERKER
    scenario = api_scenario(request, project_id, scenario_id, role)
    _key(value)
    found = _need(scenario, value, number)
    if request.method == "GET":
        return with_etag(found, scenario.version)
    given = body_object(request) if request.method == "PUT" else {}
    by = caller(request)
    if request.method == "DELETE":
        done = _written(
            request,
            scenario,
            given,
            lambda version: evidence_need_delete(
                scenario=scenario, by=by, expected_version=version, value=value, index=number - 1
            ),
        )
        return done if isinstance(done, Response) else Response(status=status.HTTP_204_NO_CONTENT)
    done = _written(
        request,
        scenario,
        given,
        lambda version: evidence_need_save(
            scenario=scenario,
            by=by,
            expected_version=version,
            value=value,
            index=number - 1,
            data=given,
        ),
    )
    if isinstance(done, Response):
        return done
    return with_etag(done.model_dump(mode="json"), scenario.version)


@extend_schema(
    operation_id="indicator_add",
    tags=TAGS,
    summary="Een indicator toevoegen",
    description="Het id wordt gemaakt uit de naam; metingen komen via de metingen.",
    parameters=[PROJECT_ID, SCENARIO_ID, VALUE, IF_MATCH],
    request=body(INDICATOR_CHANGE),
    responses={201: INDICATOR, **errors(*WRITE_ERRORS)},
)
@api_view(["POST"])
def indicators(request: Request, project_id: int, scenario_id: int, value: str) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    _key(value)
    given = _indicator_fields(body_object(request))
    done = _written(
        request,
        scenario,
        given,
        lambda version: indicator_save(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            value=value,
            indicator_id=None,
            data=given,
        ),
    )
    if isinstance(done, Response):
        return done
    response = with_etag(done.model_dump(mode="json"), scenario.version, status_code=201)
    response["Location"] = reverse("api:indicator", args=[project_id, scenario_id, done.id])
    return response


@extend_schema(
    operation_id="indicator_read",
    methods=["GET"],
    tags=TAGS,
    summary="Eén indicator met haar metingen",
    parameters=[PROJECT_ID, SCENARIO_ID, INDICATOR_ID],
    responses={200: INDICATOR, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="indicator_update",
    methods=["PUT"],
    tags=TAGS,
    summary="Een indicator wijzigen",
    description="Het id en de metingen blijven.",
    parameters=[PROJECT_ID, SCENARIO_ID, INDICATOR_ID, IF_MATCH],
    request=body(INDICATOR_CHANGE),
    responses={200: INDICATOR, **errors(*WRITE_ERRORS)},
)
@extend_schema(
    operation_id="indicator_delete",
    methods=["DELETE"],
    tags=TAGS,
    summary="Een indicator verwijderen (met haar metingen)",
    parameters=[PROJECT_ID, SCENARIO_ID, INDICATOR_ID, IF_MATCH],
    responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT", "DELETE"])
def indicator(request: Request, project_id: int, scenario_id: int, indicator_id: str) -> Response:
    role = Role.LEZER if request.method == "GET" else Role.BEWERKER
    scenario = api_scenario(request, project_id, scenario_id, role)
    _key(indicator_id)
    found = _indicator(scenario, indicator_id)
    if request.method == "GET":
        return with_etag(found, scenario.version)
    by = caller(request)
    if request.method == "DELETE":
        done = _written(
            request,
            scenario,
            {},
            lambda version: indicator_delete(
                scenario=scenario, by=by, expected_version=version, indicator_id=indicator_id
            ),
        )
        return done if isinstance(done, Response) else Response(status=status.HTTP_204_NO_CONTENT)
    given = _indicator_fields(body_object(request))
    value = next(
        p.value for p in evidence_plans(scenario) if any(i.id == indicator_id for i in p.indicators)
    )
    done = _written(
        request,
        scenario,
        given,
        lambda version: indicator_save(
            scenario=scenario,
            by=by,
            expected_version=version,
            value=value,
            indicator_id=indicator_id,
            data=given,
        ),
    )
    if isinstance(done, Response):
        return done
    return with_etag(done.model_dump(mode="json"), scenario.version)


def _key(key: str) -> None:
    if not re.match(KEY_PATTERN, key):
        raise Http404()


def _indicator_fields(given: dict[str, Any]) -> dict[str, Any]:
    """An indicator's own fields: its id is made or kept, its measurements kept."""
    return {k: v for k, v in given.items() if k not in {"id", "measurements"}}


urlpatterns = [
    path(SCENARIO_PATH + "evidence/<str:value>/needs/", needs, name="evidence_need_list"),
    path(
        SCENARIO_PATH + "evidence/<str:value>/needs/<int:number>/",
        need,
        name="evidence_need",
    ),
    path(SCENARIO_PATH + "evidence/<str:value>/indicators/", indicators, name="indicator_list"),
    path(SCENARIO_PATH + "indicators/<str:indicator_id>/", indicator, name="indicator"),
]
