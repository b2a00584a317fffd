"""Documents through the API: started as a background job (:mod:`stuurknop.web.jobs`), asked
after, and downloaded when ready — the same job and file as the documents page's."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpResponse
from django.urls import path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ParseError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.reports import FORMATS, DocumentError
from stuurknop.web.api.lookups import api_scenario, body_object, caller
from stuurknop.web.api.openapi import READ_ERRORS, body, errors
from stuurknop.web.api.params import PROJECT_ID, SCENARIO_ID
from stuurknop.web.jobs.models import Job
from stuurknop.web.jobs.responses import job_file
from stuurknop.web.jobs.selectors import job_for
from stuurknop.web.jobs.services import (
    JobsBusy,
    document_choices,
    job_status,
    start_document_job,
)
from stuurknop.web.projects.roles import Role

TAGS = ["documenten"]
JOB: dict[str, Any] = {
    "type": "object",
    "required": ["id", "status", "label", "progress", "ready", "failed", "url", "file"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "status": {"type": "string", "enum": ["wachtrij", "bezig", "klaar", "mislukt"]},
        "label": {"type": "string", "description": "De status in woorden."},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "step": {"type": "string"},
        "ready": {"type": "boolean", "description": "Klaar: het bestand staat op `file`."},
        "failed": {"type": "boolean"},
        "refused": {"type": "boolean", "description": "Dit document kan zo niet gemaakt worden."},
        "error": {"type": "string", "description": "Waarom het mislukte, in het Nederlands."},
        "waiting_before": {"type": "integer", "description": "Taken die eerder aan de beurt zijn."},
        "attempts": {"type": "integer"},
        "filename": {"type": "string"},
        "url": {"type": "string", "description": "Vraag hier opnieuw hoe ver de taak is."},
        "file": {"type": "string", "description": "Hier staat het bestand als het klaar is."},
    },
}
DOCUMENT_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["format"],
    "additionalProperties": False,
    "properties": {
        "format": {
            "type": "string",
            "enum": sorted(FORMATS),
            "description": "; ".join(f"{k}: {f.label}" for k, f in FORMATS.items()),
        },
        "choices": {
            "type": "object",
            "additionalProperties": {"type": "string", "maxLength": 40},
            "description": 'Keuzes van het formaat, zoals bij de download: {"papier": "A3"}.',
        },
    },
}
JOB_ID = OpenApiParameter(
    "job_id", {"type": "string", "format": "uuid"}, OpenApiParameter.PATH, description="De taak."
)
BUSY = OpenApiResponse(
    description="Er wachten te veel taken; probeer het zo opnieuw.",
    response={"$ref": "#/components/schemas/Fout"},
)


def _job(job: Job) -> dict[str, Any]:
    return {
        "id": str(job.pk),
        **asdict(job_status(job)),
        "url": reverse("api:job", args=[job.pk]),
        "file": reverse("api:job_file", args=[job.pk]),
    }


def _answer(job: Job, code: int) -> Response:
    response = Response(_job(job), status=code)
    response["Location"] = reverse("api:job", args=[job.pk])
    return response


@extend_schema(
    operation_id="document_start",
    tags=TAGS,
    summary="Een document laten maken",
    description=(
        "Start (of vind) de achtergrondtaak die het document maakt van het project zoals het "
        "nu is. Vraag daarna `url` tot `ready` waar is en haal het bestand op bij `file`. "
        "Een lezer mag dit, ook met een sleutel die alleen leest."
    ),
    parameters=[PROJECT_ID, SCENARIO_ID],
    request=body(DOCUMENT_REQUEST),
    responses={202: JOB, **errors(400, 401, 403, 404, 429), 503: BUSY},
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])  # asking for a document reads the project
def documents(request: Request, project_id: int, scenario_id: int) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.LEZER, writes=False)
    given = body_object(request)
    fmt, chosen = given.get("format"), given.get("choices") or {}
    if not isinstance(fmt, str) or not isinstance(chosen, dict):
        raise ParseError("Geef het formaat als tekst en de keuzes als object.")
    try:
        choices = document_choices(fmt, {str(k): str(v) for k, v in chosen.items()})
        job = start_document_job(
            project=scenario.project,
            scenario=scenario,
            user=caller(request),
            fmt=fmt,
            choices=choices,
        )
    except DocumentError as refusal:
        raise ParseError(str(refusal)) from None
    except JobsBusy:
        busy = Response(
            {"detail": "Er wachten te veel taken; probeer het zo opnieuw."},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
        busy["Retry-After"] = "10"
        return busy
    return _answer(job, status.HTTP_202_ACCEPTED)


@extend_schema(
    operation_id="job_read",
    tags=TAGS,
    summary="Hoe ver een taak is",
    parameters=[JOB_ID],
    responses={200: JOB, **errors(*READ_ERRORS)},
)
@api_view(["GET"])
def job(request: Request, job_id: str) -> Response:
    return Response(_job(job_for(request.user, job_id)))


@extend_schema(
    operation_id="job_file",
    tags=TAGS,
    summary="Het bestand van een taak",
    description="Het bestand als de taak klaar is; anders 202 met waar de taak is (409: mislukt).",
    parameters=[JOB_ID],
    responses={
        **{
            (200, content_type): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="Het document."
            )
            for content_type in sorted({f.content_type for f in FORMATS.values()})
        },
        202: JOB,
        409: OpenApiResponse(response=JOB, description="De taak is mislukt; zie `error`."),
        **errors(*READ_ERRORS),
    },
)
@api_view(["GET"])
def job_download(request: Request, job_id: str) -> Response | HttpResponse:
    found = job_for(request.user, job_id)
    state = job_status(found)
    if state.ready:
        return job_file(found)
    # A refused or failed job has no file: 409 with its Dutch reason (retry: start it again).
    failed = state.failed or state.refused
    return _answer(found, status.HTTP_409_CONFLICT if failed else status.HTTP_202_ACCEPTED)


urlpatterns = [
    path(
        "projects/<int:project_id>/scenarios/<int:scenario_id>/documents/",
        documents,
        name="documents",
    ),
    path("jobs/<uuid:job_id>/", job, name="job"),
    path("jobs/<uuid:job_id>/file/", job_download, name="job_file"),
]
