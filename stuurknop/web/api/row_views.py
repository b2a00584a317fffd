"""Rows with an id of their own through the API, one declaration per entity: a scenario's cost
items, funding lines and realised money, the project's decisions, actions and lessons (list,
add, read, change, delete).
Bodies are the project file's classes (:mod:`stuurknop.projectfile.schema`); writes call the
same services as the pages, so the same validation, permissions, log and conflict check apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.http import Http404
from django.urls import URLPattern, path, reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_project, api_scenario, body_object, caller
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
from stuurknop.web.api.params import KEY_PATTERN, PROJECT_ID, SCENARIO_ID, key_parameter
from stuurknop.web.projects.entities import (
    ACTION_ROW,
    ACTUAL_ROW,
    COST_ITEM,
    DECISION_ROW,
    FUNDING_LINE,
    LESSON_ROW,
    RowEntity,
    row_data,
)
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import actuals, decisions, lessons, money

PROJECT_PATH = "projects/<int:project_id>/"
SCENARIO_PATH = PROJECT_PATH + "scenarios/<int:scenario_id>/"
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


def entry(entity: RowEntity, row: Any) -> dict[str, Any]:
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
    # "scenario": a scenario's rows, the new row's id may be given; "project": the project's,
    # the id is always the next free one.
    level: str = "scenario"

    def owner(
        self, request: Request, project_id: int, scenario_id: int, role: Role
    ) -> Scenario | Project:
        if self.level == "project":
            return api_project(request, project_id, role)
        return api_scenario(request, project_id, scenario_id, role)

    def row(self, owner: Scenario | Project, key: str) -> Any:
        if not re.match(KEY_PATTERN, key):
            raise Http404()
        row = self.entity.rows(owner).filter(key=key).first()
        if row is None:
            raise Http404()
        return row

    def created(self, owner: Scenario | Project, by: User, key: str, body: dict[str, Any]) -> Any:
        if self.level == "project":
            return self.create(project=owner, by=by, **body)
        return self.create(scenario=owner, by=by, key=key, **body)

    def prefix(self) -> str:
        return (PROJECT_PATH if self.level == "project" else SCENARIO_PATH) + self.path

    def parameters(self) -> list[OpenApiParameter]:
        return [PROJECT_ID] if self.level == "project" else [PROJECT_ID, SCENARIO_ID]


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
        summary=f"De {api.words}",
        parameters=api.parameters(),
        responses={200: list_of(versioned(item)), **errors(*READ_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_create",
        methods=["POST"],
        tags=tags,
        summary="Toevoegen",
        description="Zonder id krijgt het item het volgende vrije id.",
        parameters=api.parameters(),
        request=body(new),
        responses={201: item, **errors(400, 401, 403, 404, 429)},
    )
    @api_view(["GET", "POST"])
    def collection(request: Request, project_id: int, scenario_id: int = 0) -> Response:
        if request.method == "POST":
            owner = api.owner(request, project_id, scenario_id, Role.BEWERKER)
            body = body_object(request)
            given_key = body.pop("id", "")
            row = api.created(owner, caller(request), given_key or "", body)
            response = with_etag(
                row_data(api.entity, row), row.version, status_code=status.HTTP_201_CREATED
            )
            ids = {"project_id": project_id, "scenario_id": scenario_id, "key": row.key}
            if api.level == "project":
                del ids["scenario_id"]
            response["Location"] = reverse(f"api:{api.name}", kwargs=ids)
            return response
        owner = api.owner(request, project_id, scenario_id, Role.LEZER)
        return Response([entry(api.entity, row) for row in api.entity.rows(owner)])

    @extend_schema(
        operation_id=f"{api.name}_read",
        methods=["GET"],
        tags=tags,
        summary="Lezen",
        description="De ETag is de versie; geef die mee in If-Match bij wijzigen of verwijderen.",
        parameters=[*api.parameters(), key],
        responses={200: item, **errors(*READ_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_update",
        methods=["PUT"],
        tags=tags,
        summary="Wijzigen (het hele item)",
        parameters=[*api.parameters(), key, IF_MATCH],
        request=body(changed),
        responses={200: item, **errors(*WRITE_ERRORS)},
    )
    @extend_schema(
        operation_id=f"{api.name}_delete",
        methods=["DELETE"],
        tags=tags,
        summary="Verwijderen",
        parameters=[*api.parameters(), key, IF_MATCH],
        responses={204: OpenApiResponse(description="Verwijderd."), **errors(*WRITE_ERRORS)},
    )
    @api_view(["GET", "PUT", "DELETE"])
    def member(request: Request, project_id: int, key: str, scenario_id: int = 0) -> Response:
        if request.method == "GET":
            owner = api.owner(request, project_id, scenario_id, Role.LEZER)
            row = api.row(owner, key)
            return with_etag(row_data(api.entity, row), row.version)
        owner = api.owner(request, project_id, scenario_id, Role.BEWERKER)
        row = api.row(owner, key)
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
            current = api.entity.rows(owner).filter(pk=row.pk).first()
            return conflict_response(
                conflict,
                yours=body,
                current=row_data(api.entity, current) if current is not None else None,
            )
        return with_etag(row_data(api.entity, row), row.version)

    return [
        path(f"{api.prefix()}/", collection, name=f"{api.name}_list"),
        path(f"{api.prefix()}/<str:key>/", member, name=api.name),
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
    RowApi(
        DECISION_ROW,
        "decisions",
        "decision",
        "besluiten",
        decisions.decision_create,
        decisions.decision_update,
        decisions.decision_delete,
        level="project",
    ),
    RowApi(
        ACTION_ROW,
        "actions",
        "action",
        "acties",
        decisions.action_create,
        decisions.action_update,
        decisions.action_delete,
        level="project",
    ),
    RowApi(
        ACTUAL_ROW,
        "actuals",
        "actual",
        "gerealiseerd geld",
        actuals.actual_create,
        actuals.actual_update,
        actuals.actual_delete,
    ),
    RowApi(
        LESSON_ROW,
        "lessons",
        "lesson",
        "lessen",
        lessons.lesson_create,
        lessons.lesson_update,
        lessons.lesson_delete,
        level="project",
    ),
)

urlpatterns = [route for api in ROW_APIS for route in row_routes(api)]
