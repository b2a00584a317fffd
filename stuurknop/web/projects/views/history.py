"""The project's change history: who changed what and when, with the old and new value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from stuurknop.projectfile.errors import FIELD_LABELS
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context

PER_PAGE = 50


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryLine:
    entry: LogEntry
    # The old and new value per field when both are stored as a JSON object (as every write
    # of this app does); otherwise ``raw`` keeps the texts as written (an imported log).
    fields: tuple[FieldChange, ...]
    raw: bool


@project_role(Role.LEZER)
def project_history(request: HttpRequest, project: Project) -> HttpResponse:
    """Every log entry, newest first, 50 a page; ``?scenario=<name>`` keeps one scenario's."""
    scenario = request.GET.get("scenario", "")
    entries = LogEntry.objects.filter(project=project).order_by("-id")
    if scenario:
        entries = entries.filter(scenario=scenario)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("pagina"))
    # Scenarios named in the log, including ones since renamed or deleted, and today's.
    logged = LogEntry.objects.filter(project=project).exclude(scenario="")
    names = set(logged.values_list("scenario", flat=True).distinct())
    names.update(project.scenarios.values_list("name", flat=True))
    context = project_context(
        request,
        project,
        tab="history",
        page=page,
        lines=[_line(entry) for entry in page.object_list],
        scenario_names=sorted(names, key=str.casefold),
        scenario_filter=scenario,
    )
    return render(request, "projects/history/list.html", context)


def _line(entry: LogEntry) -> HistoryLine:
    old, new = _parse(entry.old), _parse(entry.new)
    if old is None or new is None:
        return HistoryLine(entry, (), raw=bool(entry.old or entry.new))
    keys = list(dict.fromkeys([*old, *new]))
    return HistoryLine(
        entry,
        tuple(
            FieldChange(
                FIELD_LABELS.get(key, key.replace("_", " ")),
                _shown(old.get(key)),
                _shown(new.get(key)),
            )
            for key in keys
        ),
        raw=False,
    )


def _parse(text: str) -> dict[str, Any] | None:
    """The JSON object in ``text`` ({} for no text), or None if it is something else."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _shown(value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "" or value == []:
        return _("(leeg)")
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return str(value)


urlpatterns = [
    path("projecten/<int:project_id>/geschiedenis/", project_history, name="project_history"),
]
