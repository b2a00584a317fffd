"""The project's log of decisions and changes: who, when, what, and the changes as data."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stuurknop.web.projects.models.project import Project


class LogEntryQuerySet(models.QuerySet["LogEntry"]):
    def about(self, entity: str, key: str) -> LogEntryQuerySet:
        """Entries that may hold a change of ``entity`` ``key``; confirm with
        :meth:`LogEntry.changes_entity`.

        JSON containment is not available on SQLite, so this narrows by text: the stored JSON
        holds ``"key": "k1"`` on SQLite and PostgreSQL alike (other characters than ASCII are
        escaped on SQLite only, so such a key narrows by its entity alone).
        """
        rows = self.filter(changes__icontains=f'"entity": {json.dumps(entity)}')
        if key.isascii():
            rows = rows.filter(changes__icontains=f'"key": {json.dumps(key)}')
        return rows


class LogEntry(models.Model):
    """One line of the log; entries are only ever appended, in ``id`` order.

    ``changes`` is the list of :class:`~stuurknop.projectfile.schema.LogChange` as JSON data,
    exactly as the project file holds it (see stuurknop.web.projects.services.log).
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="log_entries")
    at = models.DateTimeField(_("tijdstip"))
    who = models.CharField(_("wie"), max_length=200)  # the name as written, kept if users go
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.TextField(_("wat"))
    scenario = models.TextField(_("scenario"), blank=True)
    changes = models.JSONField(_("wijzigingen"), default=list, blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.who}: {self.what}"

    def changes_entity(self, entity: str, key: str) -> bool:
        """Whether one of the entry's changes is about ``entity`` ``key``."""
        return any(_get(c, "entity", "key") == (entity, key) for c in self.changes)

    def sets(self, entity: str, field: str, value: Any) -> bool:
        """Whether one of the entry's changes set ``field`` of an ``entity`` to ``value``."""
        return any(
            _get(c, "entity", "field", "new") == (entity, field, value) for c in self.changes
        )


def _get(change: Any, *names: str) -> tuple[Any, ...]:
    return tuple(change.get(n) for n in names) if isinstance(change, dict) else ()
