"""The ten worksheet pages, one per stuurknop, and saving how a knob is set.

The page shows the model's worksheet (questions, illustrations, investment, lessons,
mechanisms) beside the project's own choices; its cost items and funding lines are edited in
place by :mod:`stuurknop.web.projects.worksheet.row_editor`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import knob_setting_update
from stuurknop.web.projects.worksheet import row_editor
from stuurknop.web.projects.worksheet.forms import KnobSettingForm, add_document_errors
from stuurknop.web.projects.worksheet.page import (
    MoneyState,
    knob_of,
    page_url,
    render_knob_page,
    scenario_editor,
    setting_form,
)
from stuurknop.web.projects.worksheet.sheet import (
    conflict_view,
    describe_setting,
    knob_sheet,
    last_change,
    parties_by_key,
)


@scenario_role(Role.LEZER)
def knob_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, knob: int
) -> HttpResponse:
    """The worksheet of ``knob``; ``?wijzig=<row>`` opens a cost or funding row for editing."""
    return render_knob_page(
        request,
        project,
        scenario,
        knob_of(project, knob),
        money=MoneyState(editing=request.GET.get("wijzig", "")[:40]),
    )


@scenario_editor
def knob_save(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, knob: int
) -> HttpResponse:
    """Save the knob's form, as the editor saw it (the version is in the form)."""
    the_knob = knob_of(project, knob)
    model = load_model(project.model_version)
    sheet = knob_sheet(project, scenario, the_knob)
    form = setting_form(model, sheet, request.POST)
    if form.is_valid():
        try:
            knob_setting_update(
                scenario=scenario,
                knob=knob,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.setting(),
            )
        except Conflict as conflict:
            # Show both versions and start the form again from the stored one.
            stored = knob_sheet(project, scenario, the_knob)
            parties = parties_by_key(stored.parties)
            view = conflict_view(
                conflict,
                describe_setting(form.setting(), model, the_knob, parties),
                describe_setting(stored.setting, model, the_knob, parties),
                last_change(project, scenario, conflict.what),
            )
            fresh = setting_form(
                model, stored, initial=KnobSettingForm.initial_for(stored.setting, stored.version)
            )
            return render_knob_page(
                request,
                project,
                scenario,
                the_knob,
                setting=fresh,
                setting_conflict=view,
                status=409,
            )
        except DocumentInvalid as invalid:
            add_document_errors(form, invalid)
        else:
            messages.success(
                request,
                _("Stuurknop %(n)s (%(name)s) is opgeslagen.")
                % {"n": the_knob.number, "name": the_knob.name},
            )
            return redirect(page_url(project, scenario, the_knob, "stand"))
    return render_knob_page(request, project, scenario, the_knob, setting=form, status=400)


_KNOB = "projecten/<int:project_id>/scenario/<int:scenario_id>/knop/<int:knob>/"

urlpatterns = [
    path(_KNOB, knob_page, name="knob_page"),
    path(f"{_KNOB}opslaan/", knob_save, name="knob_save"),
    *row_editor.urlpatterns,
]
