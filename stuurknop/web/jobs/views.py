"""A job's own pages: where it is (polled by htmx, or reloaded by hand without JavaScript),
its file once ready, and asking again after a failure. Whoever may read the job's project may
see the job (:func:`stuurknop.web.jobs.selectors.job_for`)."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from stuurknop.reports import FORMATS
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.jobs.responses import job_file
from stuurknop.web.jobs.selectors import job_for
from stuurknop.web.jobs.services import job_retry, job_status


@require_safe
def job_page(request: AuthenticatedHttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """Where the job is, with its progress; the download once it is ready."""
    job = job_for(request.user, job_id)
    fmt = FORMATS.get(str(job.params.get("format", "")))
    title = fmt.label if fmt is not None else _("Achtergrondtaak")
    return render(request, "jobs/job.html", {"job": job, "state": job_status(job), "title": title})


@require_safe
def job_download(request: AuthenticatedHttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """The job's file; back to the job's page while it is not ready."""
    job = job_for(request.user, job_id)
    if not job_status(job).ready or job.content is None:
        return redirect("job_page", job_id=job.pk)
    return job_file(job)


@require_POST
def job_again(request: AuthenticatedHttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """Put a failed job back in the queue, then show where it is."""
    job = job_retry(job=job_for(request.user, job_id), user=request.user)
    return redirect("job_page", job_id=job.pk)


urlpatterns = [
    path("taken/<uuid:job_id>/", job_page, name="job_page"),
    path("taken/<uuid:job_id>/bestand/", job_download, name="job_download"),
    path("taken/<uuid:job_id>/opnieuw/", job_again, name="job_again"),
]
