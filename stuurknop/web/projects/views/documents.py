"""The documents of a scenario: a page with every format, and the download of each.

A download never renders in the request: it starts (or finds) the job that makes the document
(:func:`stuurknop.web.jobs.services.start_document_job`) and answers with the file once a worker
has made it, or with where the job is (202, asked again after ``Retry-After``). The job is keyed
by the project's revision, so the same document of an unchanged project is made once, and any
web process hands it out (the file is kept with the job in the database).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.urls import path
from django.views.decorators.http import require_safe

from stuurknop.reports import FORMATS, DocumentError
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.jobs.responses import busy, job_answer
from stuurknop.web.jobs.services import JobsBusy, document_choices, start_document_job
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context, render_project_page


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
    """One document of this scenario as a file once made (``?papier=A1`` for the poster).

    Asking is idempotent: the first ask queues the job, later asks find the same job.
    """
    if fmt not in FORMATS:
        raise Http404()
    try:
        choices = document_choices(fmt, request.GET)
    except DocumentError as refusal:
        return HttpResponseBadRequest(str(refusal), content_type="text/plain; charset=utf-8")
    try:
        job = start_document_job(
            project=project, scenario=scenario, user=request.user, fmt=fmt, choices=choices
        )
    except JobsBusy:
        return busy(request)
    return job_answer(request, job)


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
