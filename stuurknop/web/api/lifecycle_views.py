"""A scenario copied whole and a project archived, through the API: the same services as the
scenario page's copy button and the project's archive button."""

from __future__ import annotations

from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile import schema as doc
from stuurknop.web.api.concurrency import with_etag
from stuurknop.web.api.lookups import api_project, api_scenario, body_object, caller
from stuurknop.web.api.openapi import Schema, body, errors
from stuurknop.web.api.params import PROJECT_ID, SCENARIO_ID
from stuurknop.web.api.part_views import PROJECT_PATH, SCENARIO, scenario_data
from stuurknop.web.api.project_views import PROJECT_SUMMARY, project_summary
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.projects import project_archive
from stuurknop.web.projects.services.scenarios import scenario_copy
from stuurknop.web.projects.services.validation import validate_item

SCENARIO_COPY: Schema = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "description": "De naam van de kopie (uniek in het project)."},
        "description": {
            "type": "string",
            "description": "Zonder omschrijving houdt de kopie die van het origineel.",
        },
    },
}


@extend_schema(
    operation_id="scenario_copy",
    tags=["scenario's"],
    summary="Een scenario kopiëren",
    description=(
        "Een nieuw scenario dat in alles gelijk is aan dit scenario behalve de naam: standen, "
        "belangen, kosten, financiering, effecten, bewijs en gerealiseerd geld. Niet gekozen."
    ),
    parameters=[PROJECT_ID, SCENARIO_ID],
    request=body(SCENARIO_COPY),
    responses={201: SCENARIO, **errors(400, 401, 403, 404, 429)},
)
@api_view(["POST"])
def scenario_copy_view(request: Request, project_id: int, scenario_id: int) -> Response:
    source = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    given = body_object(request)
    description = given.get("description")
    # The name and description as a scenario takes them: a Dutch 400 with their place.
    item = validate_item(
        doc.Scenario, {"name": given.get("name", ""), "description": description or ""}
    )
    copy = scenario_copy(
        source=source,
        by=caller(request),
        name=item.name,
        description=None if description is None else item.description,
    )
    response = with_etag(scenario_data(copy), copy.version, status_code=status.HTTP_201_CREATED)
    response["Location"] = reverse("api:scenario", args=[project_id, copy.pk])
    return response


@extend_schema(
    operation_id="project_archive",
    tags=["projecten"],
    summary="Het project archiveren (beheerder)",
    description=(
        "Het project verdwijnt uit de lijst en is daarna alleen te lezen (ook via de API). "
        "Terughalen uit het archief kan op de pagina van het archief."
    ),
    parameters=[PROJECT_ID],
    request=None,
    responses={200: PROJECT_SUMMARY, **errors(401, 403, 404, 429)},
)
@api_view(["POST"])
def archive(request: Request, project_id: int) -> Response:
    project = api_project(request, project_id, Role.BEHEERDER)
    project_archive(project=project, by=caller(request))
    return Response(project_summary(project, Role.BEHEERDER.value))


urlpatterns = [
    path(
        PROJECT_PATH + "scenarios/<int:scenario_id>/copy/",
        scenario_copy_view,
        name="scenario_copy",
    ),
    path(PROJECT_PATH + "archive/", archive, name="project_archive"),
]
