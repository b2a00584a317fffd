"""The project's other parts, read as the project file holds them: perspectives (only where
the pages show them), resident input, meetings and agreements; and a scenario's evidence plan
(its effects: effect_views.py; lessons and realised money are rows: row_views.py).

Each part is a list field of :class:`~stuurknop.projectfile.schema.ProjectDocument` or
:class:`~stuurknop.projectfile.schema.Scenario`; its item class (and so its schema) is read
from the field's declaration, so naming the field here is all a new part costs. They are read
from the document as the export shows it, so a hidden perspective cannot leak through here.
"""

from __future__ import annotations

from typing import Any, get_args

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from pydantic import BaseModel
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.projectfile import ProjectDocument
from stuurknop.projectfile import schema as doc
from stuurknop.web.api.concurrency import with_etag
from stuurknop.web.api.lookups import api_project, api_scenario
from stuurknop.web.api.openapi import READ_ERRORS, document_schema, errors, list_of
from stuurknop.web.api.params import PROJECT_ID, SCENARIO_ID
from stuurknop.web.api.project_views import visible_project_document
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document, project_revision
from stuurknop.web.projects.services.perspectives import is_own_view, speaker_party

# field of the document → (its path in the URL, what it is in Dutch)
PROJECT_PARTS = {
    "perspectives": ("perspectives", "perspectieven"),
    "resident_input": ("resident-input", "bewonersinbreng"),
    "meetings": ("meetings", "overleggen"),
    "agreements": ("agreements", "samenwerkingsafspraken"),
}
SCENARIO_PARTS = {
    "evidence": ("evidence", "bewijsvoering"),
}


def item_class(owner: type[BaseModel], name: str) -> type[BaseModel]:
    """The class of one item of the list field ``name`` of ``owner``."""
    (cls,) = get_args(owner.model_fields[name].annotation)
    return cls  # type: ignore[no-any-return]


def _dumped(items: list[BaseModel]) -> list[dict[str, Any]]:
    return [item.model_dump(mode="json") for item in items]


def perspectives_shown(request: Request, project: Project) -> ProjectDocument:
    """The document with the perspectives the caller may see: before the reveal the views
    from sessions and residents, plus the caller's own party's own view."""
    shown = visible_project_document(project)
    if project.perspectives_revealed:
        return shown
    mine = speaker_party(request.user, project)
    if mine is None:
        return shown
    full = project_document(project)
    own = [p for p in full.perspectives if is_own_view(p) and p.party == mine.key]
    return shown.model_copy(update={"perspectives": [*shown.perspectives, *own]})


def project_part(field: str, url: str, words: str) -> URLPattern:
    item = document_schema(item_class(doc.ProjectDocument, field))
    hidden = " Eigen standpunten van andere partijen pas als de beheerder ze toont."

    @extend_schema(
        operation_id=f"{field}_list",
        tags=["projectdelen"],
        summary=f"De {words}",
        description="Zoals het projectbestand ze bevat."
        + (hidden if field == "perspectives" else ""),
        parameters=[PROJECT_ID],
        responses={200: list_of(item), **errors(*READ_ERRORS)},
    )
    @api_view(["GET"])
    def part(request: Request, project_id: int) -> Response:
        project = api_project(request, project_id, Role.LEZER)
        document = perspectives_shown(request, project)
        return with_etag(_dumped(getattr(document, field)), project_revision(project))

    return path(f"projects/<int:project_id>/{url}/", part, name=f"{field}_list")


def scenario_part(field: str, url: str, words: str) -> URLPattern:
    item = document_schema(item_class(doc.Scenario, field))

    @extend_schema(
        operation_id=f"{field}_list",
        tags=["scenariodelen"],
        summary=f"De {words} van een scenario",
        parameters=[PROJECT_ID, SCENARIO_ID],
        responses={200: list_of(item), **errors(*READ_ERRORS)},
    )
    @api_view(["GET"])
    def part(request: Request, project_id: int, scenario_id: int) -> Response:
        scenario = api_scenario(request, project_id, scenario_id, Role.LEZER)
        document = visible_project_document(scenario.project)
        items = getattr(document.scenario(scenario.name), field)
        # The evidence plan is written with the scenario's version (measurement_views.py).
        held_by_scenario = field == "evidence"
        version = scenario.version if held_by_scenario else project_revision(scenario.project)
        return with_etag(_dumped(items), version)

    return path(
        f"projects/<int:project_id>/scenarios/<int:scenario_id>/{url}/", part, name=f"{field}_list"
    )


urlpatterns = [
    *(project_part(field, *named) for field, named in PROJECT_PARTS.items()),
    *(scenario_part(field, *named) for field, named in SCENARIO_PARTS.items()),
]
