"""The project's change history: who changed what and when, said in sentences."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from pydantic import ValidationError

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.changes import CostItemName, Names, change_sentence
from stuurknop.projectfile.schema import LogChange
from stuurknop.web.projects.models import CostItem, LogEntry, Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context

PER_PAGE = 50


@dataclass(frozen=True)
class HistoryLine:
    entry: LogEntry
    sentences: tuple[str, ...]  # the entry's changes in words (stuurknop.presentation.changes)


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
    model, known = load_model(project.model_version), _names(project)
    context = project_context(
        request,
        project,
        tab="history",
        page=page,
        lines=[_line(entry, model, known) for entry in page.object_list],
        scenario_names=sorted(names, key=str.casefold),
        scenario_filter=scenario,
    )
    return render(request, "projects/history/list.html", context)


def _names(project: Project) -> Names:
    """The parties' and cost items' names the sentences use, as the project holds them now."""
    items = CostItem.objects.filter(scenario__project=project).select_related("scenario")
    return Names(
        parties=dict(project.parties.values_list("key", "name")),
        cost_items={(c.scenario.name, c.key): CostItemName(c.description, c.kind) for c in items},
    )


def _line(entry: LogEntry, model: Model, names: Names) -> HistoryLine:
    sentences = []
    for data in entry.changes:
        try:
            change = LogChange.model_validate(data)
        except ValidationError:  # every write is validated; said plainly should one not be
            sentences.append("Een wijziging die niet meer te lezen is")
            continue
        sentences.append(change_sentence(change, model, names, scenario=entry.scenario))
    return HistoryLine(entry, tuple(sentences))


urlpatterns = [
    path("projecten/<int:project_id>/geschiedenis/", project_history, name="project_history"),
]
