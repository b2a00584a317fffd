"""Staff see the jobs in the admin, read only: what was asked, where it is, what went wrong.
The file and the project snapshot stay out of the page (large, and the project's members')."""

from __future__ import annotations

from django.contrib import admin

from stuurknop.web.jobs.models import Job
from stuurknop.web.projects.admin import ReadOnlyAdmin


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin[Job]):
    list_display = ("kind", "project", "status", "progress", "attempts", "worker", "created_at")
    list_filter = ("status", "kind")
    exclude = ("content", "input")
