"""A party's own view through the API: read only where the pages show it (once the beheerder
reveals the views, or the caller's own party's), and given with If-Match through the same
service as the perspectives page (which decides whether it is the party's own or on its
behalf). A hidden view never leaks: not in a read, not in a conflict's answer."""

from __future__ import annotations

import re
from typing import Any

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from pydantic import ValidationError
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.errors import from_validation_error
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
from stuurknop.web.api.params import KEY_PATTERN, PROJECT_ID, key_parameter
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.perspectives import (
    own_views,
    perspective_set,
    perspective_version,
    speaker_party,
)

PERSPECTIVE = document_schema(doc.Perspective)
# What the caller gives; the party is in the URL, date and origin are the service's.
GIVEN = document_schema(
    doc.Perspective, without=("party", "date", "origin", "session"), name="PerspectiveWijziging"
)
PARTY = key_parameter("party", "Het id van de partij.")


def _visible_view(request: Request, project: Project, party: str) -> dict[str, Any] | None:
    """The party's own view if the caller may see it, else None (also when there is none)."""
    mine = speaker_party(request.user, project)
    if not project.perspectives_revealed and (mine is None or mine.key != party):
        return None
    view = own_views(project.perspectives).get(party)
    return view.model_dump(mode="json") if view is not None else None


@extend_schema(
    operation_id="perspective_read",
    methods=["GET"],
    tags=["projectdelen"],
    summary="Het eigen perspectief van een partij",
    description=(
        "Alleen als de beheerder de perspectieven heeft getoond, of voor je eigen partij; "
        "anders 404. De ETag is de versie om mee te schrijven."
    ),
    parameters=[PROJECT_ID, PARTY],
    responses={200: PERSPECTIVE, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="perspective_set",
    methods=["PUT"],
    tags=["projectdelen"],
    summary="Het perspectief van een partij geven",
    description=(
        "Hoe ver de partij elke knop zou opendraaien (0–3) en hoeveel elke waarde weegt. Eigen "
        "perspectief als je voor deze partij spreekt, anders namens de partij. If-Match: de "
        'versie van de partij ("1" voor het eerste perspectief).'
    ),
    parameters=[PROJECT_ID, PARTY, IF_MATCH],
    request=body(GIVEN),
    responses={200: PERSPECTIVE, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def perspective(request: Request, project_id: int, party: str) -> Response:
    role = Role.LEZER if request.method == "GET" else Role.BEWERKER
    project = api_project(request, project_id, role)
    if not re.match(KEY_PATTERN, party) or not project.parties.filter(key=party).exists():
        raise Http404()
    if request.method == "GET":
        shown = _visible_view(request, project, party)
        if shown is None:
            raise Http404()
        return with_etag(shown, perspective_version(project, party))
    given = body_object(request)
    version = expected_version(request)
    try:
        item = doc.Perspective.model_validate({**given, "party": party})
    except ValidationError as exc:
        raise DocumentInvalid(from_validation_error(exc, given)) from None
    try:
        saved = perspective_set(
            project=project,
            by=caller(request),
            party=party,
            knobs=item.knobs,
            values=item.values,
            remarks=item.remarks,
            expected_version=version,
        )
    except Conflict as conflict:
        stored = _visible_view(request, Project.objects.get(pk=project.pk), party)
        return conflict_response(conflict, yours=given, current=stored)
    return with_etag(saved.model_dump(mode="json"), perspective_version(project, party))


urlpatterns = [
    path("projects/<int:project_id>/perspectives/<str:party>/", perspective, name="perspective"),
]
