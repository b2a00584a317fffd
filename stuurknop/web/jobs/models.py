"""A job: one piece of heavy work asked for by a person, and what came of it.

The queue itself is django-tasks-db's table (one row per attempt); a job outlives its attempts:
a worker killed half-way leaves a job whose heartbeat stops, and the next worker's sweep puts it
back in the queue or marks it failed with a Dutch message (:mod:`stuurknop.web.jobs.recovery`).
The result is kept in the row itself, so any web process on any machine can hand it out with no
shared disk; ``key`` makes the same work for the same project revision one job.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models import Project


class JobStatus(models.TextChoices):
    QUEUED = "wachtrij", _("In de wachtrij")
    RUNNING = "bezig", _("Wordt gemaakt")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")


class Job(models.Model):
    # A random id: the job's URL tells nothing about other jobs.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("soort"), max_length=40)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(_("gevraagd"), default=dict)
    # The project document as it was when the job was asked for: the worker renders exactly
    # the revision the key names, however the project changes meanwhile.
    input = models.JSONField(null=True, blank=True)
    key = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    step = models.CharField(_("stap"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    task_id = models.CharField(max_length=64, blank=True)
    worker = models.CharField(_("verwerker"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(_("melding"), blank=True)
    # True when the input cannot be made into the result (a DocumentError): asking again
    # gives the same answer, so a page says what to change instead of offering a retry.
    refused = models.BooleanField(default=False)
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=255, blank=True)
    content = models.BinaryField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("achtergrondtaak")
        verbose_name_plural = _("achtergrondtaken")
        constraints = [
            # The same work for the same revision is one job (web processes racing to start it
            # meet here); a failed job is asked again by putting the same row back in the queue.
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="jobs_one_job_per_key"
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="jobs_status_beat")]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
