"""A scenario's rows through the API, one declaration per entity: cost items and funding lines
(list, add, read, change, delete), knob settings and interests (read and set). Bodies are the
project file's classes (:mod:`stuurknop.projectfile.schema`); writes call the same services as
the pages, so the same validation, permissions, log and conflict check apply."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.urls import URLPattern, path, reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
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
    Schema,
    body,
    document_schema,
    errors,
    list_of,
    with_optional,
)
from stuurknop.web.api.params import KEY_PATTERN, KNOB, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.projects.entities import (
    COST_ITEM,
    FUNDING_LINE,
    INTEREST,
    KNOB_SETTING,
    RowEntity,
    row_data,
)
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Interest, KnobSetting, Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import money
from stuurknop.web.projects.services.knobs import knob_setting_update
from stuurknop.web.projects.services.scenarios import interest_set

SCENARIO_PATH = "projects/<int:project_id>/scenarios/<int:scenario_id>/"
Writer = Callable[..., Any]


def versioned(item: Schema) -> Schema:
    """A list entry: the item as the project file holds it, and its version for If-Match."""
    return {
        "type": "object",
        "required": ["version", "item"],
        "properties": {
            "version": {"type": "integer", "description": "Geef deze versie mee in If-Match."},
            "item": item,
        },
    }


def _entry(entity: RowEntity, row: Any) -> dict[str, Any]:
    return {"version": row.version, "item": row_data(entity, row)}


@dataclass(frozen=True)
class RowApi:
    """The endpoints of one entity with an id of its own (a cost item's ``k1``)."""

    entity: RowEntity
    path: str  # in the URL: "cost-items"
    name: str  # the route's and the services' name: "cost_item"
    words: str  # in the description: "kostenposten"
    create: Writer
    update: Writer
    delete: Writer

    def row(self, scenario: Scenario, key: str) -> Any:
        if not re.match(KEY_PATTERN, key):
            raise Http404()
        row = self.entity.rows(scenario).filter(key=key).first()
        if row is None:
            raise Http404()
        return row


def row_routes(api: RowApi) -> list[URLPattern]:
    item = document_schema(api.entity.schema)
    new = with_optional(item, "id")
    changed = document_schema(
        api.entity.schema, without=("id",), name=f"{api.entity.schema.__name__}Wijziging"
    )
    key = key_parameter("key", f"Het id in het projectbestand, zoals {api.entity.prefix}1.")
    tags = [api.words]

    @extend_schema(
        operation_id=f"{api.name}_list",
        methods=["GET"],
        tags=tags,
        summary=f"De {api.words} van een scenario",
        parameters=[PROJECT_ID, SCENARIO_ID],
        responses={200: list_of(versioned(item)), **errors(*READ_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_create",
        methods=["POST"],
        tags=tags,
        summary="Toevoegen",
        description="Zonder id krijgt het item het volgende vrije id.",
        parameters=[PROJECT_ID, SCENARIO_ID],
        request=body(new),
        responses={201: item, **errors(400, 401, 403, 404, 429)},
    )
    @api_view(["GET", "POST"])
    def collection(request: Request, project_id: int, scenario_id: int) -> Response:
        if request.method == "POST":
            scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
            body = body_object(request)
            given_key = body.pop("id", "")
            row = api.create(scenario=scenario, by=caller(request), key=given_key or "", **body)
            response = with_etag(
                row_data(api.entity, row), row.version, status_code=status.HTTP_201_CREATED
            )
            response["Location"] = reverse(
                f"api:{api.name}", args=[project_id, scenario_id, row.key]
            )
            return response
        scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
        return Response([_entry(api.entity, row) for row in api.entity.rows(scenario)])

    @extend_schema(
        operation_id=f"{api.name}_read",
        methods=["GET"],
        tags=tags,
        summary="Lezen",
        description="De ETag is de versie; geef die mee in If-Match bij wijzigen of verwijderen.",
        parameters=[PROJECT_ID, SCENARIO_ID, key],
        responses={200: item, **errors(*READ_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_update",
        methods=["PUT"],
        tags=tags,
        summary="Wijzigen (het hele item)",
        parameters=[PROJECT_ID, SCENARIO_ID, key, IF_MATCH],
        request=body(changed),
        responses={200: item, **errors(*WRITE_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_delete",
        methods=["DELETE"],
        tags=tags,
        summary="Verwijderen",
        parameters=[PROJECT_ID, SCENARIO_ID, key, IF_MATCH],
        responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
    )
    @api_view(["GET", "PUT", "DELETE"])
    def member(request: Request, project_id: int, scenario_id: int, key: str) -> Response:
        if request.method == "GET":
            scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
            row = api.row(scenario, key)
            return with_etag(row_data(api.entity, row), row.version)
        scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
        row = api.row(scenario, key)
        body = body_object(request) if request.method == "PUT" else {}
        version = expected_version(request)
        try:
            if request.method == "DELETE":
                api.delete(by=caller(request), expected_version=version, **{api.name: row})
                return Response(status=status.HTTP_204_NO_CONTENT)
            body.pop("id", None)
            row = api.update(
                by=caller(request), expected_version=version, **{api.name: row}, **body
            )
        except Conflict as conflict:
            current = api.entity.rows(scenario).filter(pk=row.pk).first()
            return conflict_response(
                conflict,
                yours=body,
                current=row_data(api.entity, current) if current is not None else None,
            )
        return with_etag(row_data(api.entity, row), row.version)

    prefix = SCENARIO_PATH + api.path
    return [
        path(f"{prefix}/", collection, name=f"{api.name}_list"),
        path(f"{prefix}/<str:key>/", member, name=api.name),
    ]


ROW_APIS = (
    RowApi(
        COST_ITEM,
        "cost-items",
        "cost_item",
        "kostenposten",
        money.cost_item_create,
        money.cost_item_update,
        money.cost_item_delete,
    ),
    RowApi(
        FUNDING_LINE,
        "funding-lines",
        "funding_line",
        "financieringsregels",
        money.funding_line_create,
        money.funding_line_update,
        money.funding_line_delete,
    ),
)

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
    description="Alle knoppen van het model; een knop zonder stand is 'niet besproken' (versie 0).",
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
    return Response([_entry(INTEREST, row) for row in rows])


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
    *(route for api in ROW_APIS for route in row_routes(api)),
    path(SCENARIO_PATH + "knobs/", knob_settings, name="knob_setting_list"),
    path(SCENARIO_PATH + "knobs/<int:knob>/", knob_setting, name="knob_setting"),
    path(SCENARIO_PATH + "interests/", interests, name="interest_list"),
    path(SCENARIO_PATH + "interests/<str:party>/<str:value>/", interest, name="interest"),
]
