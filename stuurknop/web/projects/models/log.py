"""The project's log of decisions and changes: who, when, what, old and new."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models.project import Project


class LogEntry(models.Model):
    """One line of the log; entries are only ever appended, in ``id`` order."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="log_entries")
    at = models.DateTimeField(_("tijdstip"))
    who = models.CharField(_("wie"), max_length=200)  # the name as written, kept if users go
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.TextField(_("wat"))
    scenario = models.TextField(_("scenario"), blank=True)
    old = models.TextField(_("oud"), blank=True)
    new = models.TextField(_("nieuw"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.who}: {self.what}"
