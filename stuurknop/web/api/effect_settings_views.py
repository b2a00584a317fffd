"""The project's effect settings (the discount rate and its own proxies) through the API,
written as one validated whole through the effects page's service, under the project's
version (the ETag, as for the basics)."""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile.effects import EffectSettings
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_project, body_object, caller
from stuurknop.web.api.openapi import (
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    body,
    document_schema,
    errors,
)
from stuurknop.web.api.params import PROJECT_ID
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.effects import effect_settings, effect_settings_save

SETTINGS = document_schema(EffectSettings)
TAGS = ["effecten"]


@extend_schema(
    operation_id="effect_settings_read",
    methods=["GET"],
    tags=TAGS,
    summary="Discontovoet en eigen kengetallen",
    description="De ETag is de versie van het project (dezelfde als die van de projectgegevens).",
    parameters=[PROJECT_ID],
    responses={200: SETTINGS, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="effect_settings_update",
    methods=["PUT"],
    tags=TAGS,
    summary="Discontovoet en eigen kengetallen wijzigen",
    description=(
        "Het geheel: een kengetal dat er niet in staat, vervalt. Daarna moet het hele project "
        "nog kloppen, anders 400 en blijft alles zoals het was."
    ),
    parameters=[PROJECT_ID, IF_MATCH],
    request=body(SETTINGS),
    responses={200: SETTINGS, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def effect_settings_view(request: Request, project_id: int) -> Response:
    if request.method == "GET":
        project = api_project(request, project_id, Role.LEZER)
        return with_etag(effect_settings(project).model_dump(mode="json"), project.version)
    project = api_project(request, project_id, Role.BEWERKER)
    given = body_object(request)
    version = expected_version(request)
    try:
        saved = effect_settings_save(
            project=project, by=caller(request), expected_version=version, data=given
        )
    except Conflict as conflict:
        current = effect_settings(Project.objects.get(pk=project.pk))
        return conflict_response(conflict, yours=given, current=current.model_dump(mode="json"))
    return with_etag(saved.model_dump(mode="json"), project.version)


urlpatterns = [
    path(
        "projects/<int:project_id>/effect-settings/",
        effect_settings_view,
        name="effect_settings",
    ),
]
