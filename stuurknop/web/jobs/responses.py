"""What a web process answers about a job: the file, or where the job is.

The documents' download and the job's own pages answer the same way: 200 with the file when
the job is done; 202 with a page that says where it is (and ``Retry-After``, ``Refresh``,
``X-Job-Progress`` for scripts) while it waits or runs; 400 with the Dutch refusal when the
input cannot be made into a document; 500 with the reason and a retry button when it failed.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from stuurknop.web.jobs.models import Job
from stuurknop.web.jobs.services import job_status

# How long a browser waits before asking again for a job that is not done yet.
RETRY_SECONDS = 2


def job_file(job: Job) -> HttpResponse:
    """The finished job's file as a private attachment."""
    content = bytes(job.content or b"")
    response = HttpResponse(content, content_type=job.content_type)
    response["Content-Disposition"] = content_disposition_header(True, job.filename)
    response["Content-Length"] = str(len(content))
    # The project is for its members only: no shared cache may keep it, nor the browser's disk.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def job_answer(request: HttpRequest, job: Job) -> HttpResponse:
    """The file when ready; otherwise a page that says where the job is."""
    state = job_status(job)
    if state.ready:
        return job_file(job)
    if state.refused:
        return HttpResponse(state.error, status=400, content_type="text/plain; charset=utf-8")
    status = 500 if state.failed else 202
    response = render(
        request,
        "jobs/not_ready.html",
        {"job": job, "state": state, "retry": RETRY_SECONDS},
        status=status,
    )
    # For scripts: which job, where it is, how far (its page is /taken/<id>/).
    response["X-Job-Id"] = str(job.pk)
    response["X-Job-Status"] = state.status
    response["X-Job-Progress"] = str(state.progress)
    if not state.failed:
        response["Retry-After"] = str(RETRY_SECONDS)
        # Without JavaScript the browser asks again by itself, and saves the file when ready.
        response["Refresh"] = str(RETRY_SECONDS)
    return response


def busy(request: HttpRequest) -> HttpResponse:
    """Too many jobs wait: 503, ask again in a few seconds."""
    response = render(request, "jobs/busy.html", {"retry": RETRY_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Refresh"] = str(RETRY_SECONDS)
    return response
