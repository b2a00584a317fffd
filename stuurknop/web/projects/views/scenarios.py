"""The scenarios of a project: their key figures; create (empty or as a copy), rename, choose,
delete. Comparing two is in :mod:`.scenario_compare`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stuurknop.presentation.numbers import euro
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import LogEntry, Project, Scenario
from stuurknop.web.projects.permissions import project_role, require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import scenario_analysis
from stuurknop.web.projects.services.scenarios import (
    scenario_copy,
    scenario_create,
    scenario_delete,
    scenario_update,
)
from stuurknop.web.projects.views import scenario_compare
from stuurknop.web.projects.views.common import project_context


class ScenarioForm(forms.Form):
    """A scenario's name and description; ``version`` is the one the editor saw."""

    name = forms.CharField(label=gettext_lazy("Naam"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Omschrijving"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScenarioEditForm(ScenarioForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ScenarioCreateForm(ScenarioForm):
    copy_of = forms.TypedChoiceField(
        label=gettext_lazy("Beginnen met"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=gettext_lazy(
            "Een kopie neemt alle standen, belangen, kosten, financiering, effecten en "
            "bewijsvoering over; zonder nieuwe omschrijving ook de omschrijving."
        ),
    )

    def __init__(self, *args: Any, scenarios: list[Scenario], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        copy_of = self.fields["copy_of"]
        assert isinstance(copy_of, forms.TypedChoiceField)  # declared above
        copy_of.choices = [("", _("een leeg scenario"))] + [
            (s.pk, _("een kopie van %(name)s") % {"name": s.name}) for s in scenarios
        ]


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


@project_role(Role.LEZER)
def scenario_list(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Every scenario with its key figures; forms to add one for those who may edit."""
    return _list_page(request, project, None)


@require_POST
@project_role(Role.BEWERKER)
def scenario_create_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Add a scenario, empty or as a copy of another one."""
    require_editable(request.user, project)
    scenarios = list(project.scenarios.all())
    form = ScenarioCreateForm(request.POST, scenarios=scenarios)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["copy_of"] is None:
                scenario = scenario_create(
                    project=project,
                    by=request.user,
                    name=data["name"],
                    description=data["description"],
                )
            else:
                source = next(s for s in scenarios if s.pk == data["copy_of"])
                scenario = scenario_copy(
                    source=source,
                    by=request.user,
                    name=data["name"],
                    # Left empty, a copy keeps the description of its source.
                    description=data["description"] or None,
                )
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            messages.success(
                request, _("Scenario %(name)s is toegevoegd.") % {"name": scenario.name}
            )
            return redirect("scenario_list", project.pk)
    return _list_page(request, project, form, status=400)


def _list_page(
    request: HttpRequest, project: Project, form: ScenarioCreateForm | None, status: int = 200
) -> HttpResponse:
    scenarios = list(project.scenarios.order_by("position", "id"))
    rows = []
    for scenario in scenarios:
        analysis = scenario_analysis(project, scenario)
        rows.append(
            {
                "scenario": scenario,
                "costs": euro(analysis.money.total_costs),
                "gap": euro(analysis.money.total_shortfall),
                "has_gap": analysis.money.total_shortfall > 0,
                "timing_gap": euro(analysis.money.total_timing_gap),
                "has_timing_gap": analysis.money.total_timing_gap > 0,
                "checklist": analysis.checklist.percentage,
                "open_checks": len(analysis.checks),
            }
        )
    context = project_context(
        request,
        project,
        tab="scenarios",
        rows=rows,
        form=form or ScenarioCreateForm(scenarios=scenarios),
    )
    return render(request, "projects/scenarios/list.html", context, status=status)


@scenario_role(Role.BEWERKER)
def scenario_edit(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Rename a scenario or change its description; a lost update shows both versions."""
    require_editable(request.user, project)
    status, conflict = 200, None
    if request.method == "POST":
        form = ScenarioEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                scenario_update(
                    scenario=scenario,
                    by=request.user,
                    expected_version=data["version"],
                    name=data["name"],
                    description=data["description"],
                    chosen=scenario.chosen,
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                stored = Scenario.objects.filter(pk=scenario.pk).first()
                if stored is None:
                    messages.error(request, str(exc))
                    return redirect("scenario_list", project.pk)
                conflict = {
                    "message": str(exc),
                    "mine": {"name": data["name"], "description": data["description"]},
                    "stored": stored,
                    "last_change": _last_change(project, stored),
                }
                scenario = stored
                form = _edit_form(stored)
                status = 409
            else:
                messages.success(
                    request, _("Scenario %(name)s is opgeslagen.") % {"name": scenario.name}
                )
                return redirect("scenario_list", project.pk)
        if conflict is None:
            status = 400
    else:
        form = _edit_form(scenario)
    context = project_context(
        request, project, scenario, tab="scenarios", edited=scenario, form=form, conflict=conflict
    )
    return render(request, "projects/scenarios/edit.html", context, status=status)


def _edit_form(scenario: Scenario) -> ScenarioEditForm:
    return ScenarioEditForm(
        initial={
            "name": scenario.name,
            "description": scenario.description,
            "version": scenario.version,
        }
    )


def _last_change(project: Project, scenario: Scenario) -> LogEntry | None:
    """The newest log entry that changed this scenario to what is stored now (who, when)."""
    entries = project.log_entries.filter(what__startswith="Scenario ").order_by("-id")[:50]
    for entry in entries:
        if entry.what == f"Scenario {scenario.name!r} gewijzigd" or entry.sets(
            "scenario", "name", scenario.name
        ):
            return entry
    return None


@require_POST
@scenario_role(Role.BEWERKER)
def scenario_choose(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Make this the chosen scenario; the one chosen before is no longer chosen."""
    require_editable(request.user, project)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Dit verzoek is niet compleet. Probeer het opnieuw."))
        return _list_page(request, project, None, status=400)
    try:
        scenario_update(
            scenario=scenario,
            by=request.user,
            expected_version=form.cleaned_data["version"],
            name=scenario.name,
            description=scenario.description,
            chosen=True,
        )
    except Conflict as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("%(name)s is nu het gekozen scenario.") % {"name": scenario.name}
        )
    return redirect("scenario_list", project.pk)


@scenario_role(Role.BEWERKER)
def scenario_delete_view(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Ask for confirmation (GET), then delete the scenario with everything in it (POST)."""
    require_editable(request.user, project)
    status, error = 200, ""
    version = scenario.version
    if request.method == "POST":
        form = VersionForm(request.POST)
        if not form.is_valid():
            status, error = 400, _("Dit verzoek is niet compleet. Probeer het opnieuw.")
        else:
            try:
                scenario_delete(
                    scenario=scenario,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as exc:
                status, error = 400, " ".join(exc.messages)
            except Conflict as exc:
                if exc.current_version == 0:
                    messages.error(request, str(exc))
                    return redirect("scenario_list", project.pk)
                status, error = 409, str(exc)
            else:
                messages.success(
                    request, _("Scenario %(name)s is verwijderd.") % {"name": scenario.name}
                )
                return redirect("scenario_list", project.pk)
    context = project_context(
        request,
        project,
        tab="scenarios",
        doomed=scenario,
        version=version,
        error=error,
        is_last=project.scenarios.count() == 1,
    )
    return render(request, "projects/scenarios/delete.html", context, status=status)


urlpatterns = [
    path("projecten/<int:project_id>/scenarios/", scenario_list, name="scenario_list"),
    path(
        "projecten/<int:project_id>/scenarios/nieuw/",
        scenario_create_view,
        name="scenario_create",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/wijzigen/",
        scenario_edit,
        name="scenario_edit",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/kiezen/",
        scenario_choose,
        name="scenario_choose",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/verwijderen/",
        scenario_delete_view,
        name="scenario_delete",
    ),
    *scenario_compare.urlpatterns,
]
