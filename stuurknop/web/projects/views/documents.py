"""The documents of a scenario: a page with every format, and the download of each.

The download renders through the one table of formats (:mod:`stuurknop.reports`), exactly
as ``stuurknop report`` does on the command line, from the project's document; the bytes are
cached per project revision, so a second download of an unchanged project is instant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import path
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from stuurknop.gespreksmodel import load_model
from stuurknop.reports import FORMATS, DocumentError, Options, Rendered
from stuurknop.reports import render as render_document
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.document_jobs import DocumentsBusy, document_when_ready
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document, revision_key
from stuurknop.web.projects.views.common import project_context, render_project_page

# How long a browser waits before asking again for a document still being made.
RETRY_SECONDS = 2


@require_safe
@scenario_role(Role.LEZER)
def documents_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Every document of this scenario, each with what it is for and a download button."""
    context = project_context(
        request,
        project,
        scenario,
        tab="documents",
        formats=list(FORMATS.values()),
    )
    return render_project_page(
        request, "projects/documents/page.html", context, cache_as="documents"
    )


@require_safe
@scenario_role(Role.LEZER)
def document_download(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, fmt: str
) -> HttpResponse:
    """One document of this scenario as a file (``?papier=A1`` for the poster's size)."""
    if fmt not in FORMATS:
        raise Http404()
    chosen: dict[str, str] = {}
    for option in FORMATS[fmt].options:  # the format's own choices (the poster's paper size)
        given = request.GET.get(option.query)
        value = option.choose(given)
        if value is None:
            return HttpResponseBadRequest(
                option.refusal(given or ""), content_type="text/plain; charset=utf-8"
            )
        chosen[option.name] = value
    options = Options(today=dt.date.today()).choosing(chosen)
    # The date is printed on the cover, so tomorrow's download is made afresh.
    choices = ":".join(f"{name}={value}" for name, value in sorted(chosen.items()))
    key = revision_key(
        project, f"document:{fmt}:{scenario.pk}:{choices}:{options.today.isoformat()}"
    )
    try:
        rendered = document_when_ready(key, lambda: _renderer(fmt, project, scenario, options))
    except DocumentError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except DocumentsBusy:
        return _not_yet(request, busy=True)
    if rendered is None:
        return _not_yet(request, busy=False)
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = content_disposition_header(True, rendered.filename)
    response["Content-Length"] = str(len(rendered.content))
    # The project is for its members only: no shared cache may keep it, nor the browser's disk.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _renderer(
    fmt: str, project: Project, scenario: Scenario, options: Options
) -> Callable[[], Rendered]:
    """Read the project here (in the request); the returned function only renders."""
    model = load_model(project.model_version)
    document = project_document(project)
    return lambda: render_document(fmt, model, document, scenario.name, options)


def _not_yet(request: HttpRequest, *, busy: bool) -> HttpResponse:
    """Still being made (202) or too many waiting (503): ask again in a few seconds.

    Without JavaScript the browser reloads by itself (the Refresh header); the documents page's
    script waits for ``Retry-After`` and asks again.
    """
    response = render(
        request,
        "projects/documents/not_yet.html",
        {"busy": busy, "retry": RETRY_SECONDS},
        status=503 if busy else 202,
    )
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Refresh"] = str(RETRY_SECONDS)
    return response


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/documenten/",
        documents_page,
        name="documents_page",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/documenten/<str:fmt>/",
        document_download,
        name="document_download",
    ),
]
