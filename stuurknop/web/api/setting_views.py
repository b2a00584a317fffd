"""A scenario's settings keyed by what they are about, through the API: a knob's setting
(one per knob of the model, 'niet besproken' at version 0 until saved) and an interest (how much
a value matters to a party). Same services, validation, log and conflict check as the pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.gespreksmodel import load_model
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
from stuurknop.web.api.params import KNOB, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.api.row_views import SCENARIO_PATH, entry, versioned
from stuurknop.web.projects.entities import INTEREST, KNOB_SETTING, row_data
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Interest, KnobSetting, Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.knobs import knob_setting_update
from stuurknop.web.projects.services.scenarios import interest_set

# --- knob settings: one per knob of the model, 'niet besproken' (version 0) until saved ------

KNOB_ITEM = document_schema(KNOB_SETTING.schema)
KNOB_CHANGE = document_schema(KNOB_SETTING.schema, without=("knob",), name="KnobSettingWijziging")


def _knob_entry(scenario: Scenario, knob: int) -> tuple[dict[str, Any], int]:
    setting = scenario.knob_settings.filter(knob=knob).select_related("lead_party").first()
    if setting is None:
        setting = KnobSetting(scenario=scenario, knob=knob, version=0)
    return row_data(KNOB_SETTING, setting), setting.version


def _knob_numbers(scenario: Scenario) -> list[int]:
    return [knob.number for knob in load_model(scenario.project.model_version).knobs]


@extend_schema(
    operation_id="knob_setting_list",
    tags=["stuurknoppen"],
    summary="De stand van elke stuurknop",
    description=(
        "Alle knoppen van het model; een knop die nog geen stand heeft, komt terug met de "
        "beginstatus van het model en versie 0."
    ),
    parameters=[PROJECT_ID, SCENARIO_ID],
    responses={200: list_of(versioned(KNOB_ITEM)), **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def knob_settings(request: Request, project_id: int, scenario_id: int) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
    entries = [_knob_entry(scenario, knob) for knob in _knob_numbers(scenario)]
    return Response([{"version": version, "item": data} for data, version in entries])


@extend_schema(
    operation_id="knob_setting_read",
    methods=["GET"],
    tags=["stuurknoppen"],
    summary="De stand van één stuurknop",
    parameters=[PROJECT_ID, SCENARIO_ID, KNOB],
    responses={200: KNOB_ITEM, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="knob_setting_update",
    methods=["PUT"],
    tags=["stuurknoppen"],
    summary="Een stuurknop instellen",
    description='Een knop die nog niet besproken is, heeft versie 0: If-Match "0".',
    parameters=[PROJECT_ID, SCENARIO_ID, KNOB, IF_MATCH],
    request=body(KNOB_CHANGE),
    responses={200: KNOB_ITEM, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def knob_setting(request: Request, project_id: int, scenario_id: int, knob: int) -> Response:
    role = Role.LEZER if request.method == "GET" else Role.BEWERKER
    scenario = api_scenario(request, project_id, scenario_id, role)
    if knob not in _knob_numbers(scenario):
        raise Http404()
    if request.method == "GET":
        data, version = _knob_entry(scenario, knob)
        return with_etag(data, version)
    body = body_object(request)
    body.pop("knob", None)
    version = expected_version(request)
    try:
        setting = knob_setting_update(
            scenario=scenario, knob=knob, by=caller(request), expected_version=version, **body
        )
    except Conflict as conflict:
        return conflict_response(conflict, yours=body, current=_knob_entry(scenario, knob)[0])
    return with_etag(row_data(KNOB_SETTING, setting), setting.version)


# --- interests: how much a value matters to a party, keyed by both ---------------------------

INTEREST_ITEM = document_schema(INTEREST.schema)
INTEREST_CHANGE = document_schema(
    INTEREST.schema, without=("party", "value"), name="InterestWijziging"
)


@extend_schema(
    operation_id="interest_list",
    tags=["belangen"],
    summary="Hoeveel elke waarde voor elke partij weegt",
    parameters=[PROJECT_ID, SCENARIO_ID],
    responses={200: list_of(versioned(INTEREST_ITEM)), **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def interests(request: Request, project_id: int, scenario_id: int) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
    rows = scenario.interests.select_related("party")
    return Response([entry(INTEREST, row) for row in rows])


def _interest(scenario: Scenario, party: str, value: str) -> Interest | None:
    return (
        Interest.objects.filter(scenario=scenario, party__key=party, value=value)
        .select_related("party")
        .first()
    )


@extend_schema(
    operation_id="interest_read",
    methods=["GET"],
    tags=["belangen"],
    summary="Eén belang lezen",
    parameters=[
        PROJECT_ID,
        SCENARIO_ID,
        key_parameter("party", "Het id van de partij."),
        key_parameter("value", "Het id van de waarde."),
    ],
    responses={200: INTEREST_ITEM, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="interest_set",
    methods=["PUT"],
    tags=["belangen"],
    summary="Een belang vastleggen",
    description='Nog niet gewogen: versie 0, If-Match "0".',
    parameters=[
        PROJECT_ID,
        SCENARIO_ID,
        key_parameter("party", "Het id van de partij."),
        key_parameter("value", "Het id van de waarde."),
        IF_MATCH,
    ],
    request=body(INTEREST_CHANGE),
    responses={200: INTEREST_ITEM, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def interest(
    request: Request, project_id: int, scenario_id: int, party: str, value: str
) -> Response:
    role = Role.LEZER if request.method == "GET" else Role.BEWERKER
    scenario = api_scenario(request, project_id, scenario_id, role)
    row = _interest(scenario, party, value)
    if request.method == "GET":
        if row is None:
            raise Http404()
        return with_etag(row_data(INTEREST, row), row.version)
    body = body_object(request)
    body.pop("party", None)
    body.pop("value", None)
    version = expected_version(request)
    try:
        row = interest_set(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            party=party,
            value=value,
            **body,
        )
    except Conflict as conflict:
        current = _interest(scenario, party, value)
        return conflict_response(
            conflict, yours=body, current=row_data(INTEREST, current) if current else None
        )
    return with_etag(row_data(INTEREST, row), row.version)


urlpatterns = [
    path(SCENARIO_PATH + "knobs/", knob_settings, name="knob_setting_list"),
    path(SCENARIO_PATH + "knobs/<int:knob>/", knob_setting, name="knob_setting"),
    path(SCENARIO_PATH + "interests/", interests, name="interest_list"),
    path(SCENARIO_PATH + "interests/<str:party>/<str:value>/", interest, name="interest"),
]
