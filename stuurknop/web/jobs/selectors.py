"""Reading jobs, for whoever may see them."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404

from stuurknop.web.jobs.models import Job
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role


def job_for(user: User | AnonymousUser, job_id: uuid.UUID | str) -> Job:
    """The job if ``user`` may see it: a lezer of its project (the result is the project's),
    or, for a job without a project, whoever started it. Anyone else gets a 404."""
    job = Job.objects.select_related("project").filter(pk=job_id).first()
    if job is None or not user.is_authenticated:
        raise Http404()
    if job.project is not None:
        require_role(user, job.project, Role.LEZER)
    elif job.user_id != user.pk:
        raise Http404()
    return job
