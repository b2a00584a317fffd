"""Measurements of the evidence plan's indicators through the API: what a monitoring script
sends in (one or many at once, all or none), through the evidence page's service. The evidence
plan is held by its scenario, so the scenario's version is its ETag and the If-Match of a write
(the evidence list answers with it)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile.evidence import Measurement, MeasurementSource
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import api_scenario, caller
from stuurknop.web.api.openapi import IF_MATCH, WRITE_ERRORS, body, document_schema, errors
from stuurknop.web.api.params import PROJECT_ID, SCENARIO_ID
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.evidence import measurements_add

MEASUREMENT = document_schema(Measurement, without=("origin",), name="MeasurementNieuw")
MAX_AT_ONCE = 1000
NEW: dict[str, Any] = {
    "type": "array",
    "maxItems": MAX_AT_ONCE,
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["indicator", "measurement"],
        "additionalProperties": False,
        "properties": {
            "indicator": {"type": "string", "description": "Het id van de indicator."},
            "measurement": MEASUREMENT,
        },
    },
}
ADDED: dict[str, Any] = {
    "type": "object",
    "required": ["added"],
    "properties": {"added": {"type": "integer", "description": "Zoveel metingen toegevoegd."}},
}


@extend_schema(
    operation_id="measurements_add",
    tags=["bewijsvoering"],
    summary="Metingen toevoegen",
    description=(
        "Een of meer metingen van indicatoren uit het bewijsplan, allemaal of geen (een "
        "onbekende indicator of ongeldige meting weigert alles). If-Match: de versie van het "
        "scenario (de ETag van de bewijsvoering)."
    ),
    parameters=[PROJECT_ID, SCENARIO_ID, IF_MATCH],
    request=body(NEW),
    responses={201: ADDED, **errors(*WRITE_ERRORS)},
)
@api_view(["POST"])
def measurements(request: Request, project_id: int, scenario_id: int) -> Response:
    scenario = api_scenario(request, project_id, scenario_id, Role.BEWERKER)
    given = request.data
    if not isinstance(given, list) or not 0 < len(given) <= MAX_AT_ONCE:
        raise ParseError(f"Geef een lijst van 1 tot {MAX_AT_ONCE} metingen.")
    rows = []
    for entry in given:
        if not isinstance(entry, dict) or not isinstance(entry.get("measurement"), dict):
            raise ParseError("Elke meting heeft een indicator en een meting (een object).")
        measurement = {k: v for k, v in entry["measurement"].items() if k != "origin"}
        rows.append((str(entry.get("indicator", "")), measurement))
    version = expected_version(request)
    try:
        added = measurements_add(
            scenario=scenario,
            by=caller(request),
            expected_version=version,
            rows=rows,
            origin=MeasurementSource.HAND,
        )
    except Conflict as conflict:
        current = Scenario.objects.get(pk=scenario.pk)
        return conflict_response(conflict, yours=given, current=list(current.evidence))
    scenario.refresh_from_db(fields=["version"])
    return with_etag({"added": added}, scenario.version, status_code=status.HTTP_201_CREATED)


urlpatterns = [
    path(
        "projects/<int:project_id>/scenarios/<int:scenario_id>/measurements/",
        measurements,
        name="measurements",
    ),
]
