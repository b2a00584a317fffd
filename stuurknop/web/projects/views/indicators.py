"""Indicators and their measurements on the evidence page: add one from the model's library (and
adapt it) or a new one, change or delete it; a measurement by hand; many from a CSV or Excel
file (each bad row named with its row and column, nothing stored from a file with errors); the
file to fill in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.evidence import Indicator, MeasurementSource
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.evidence import (
    IndicatorForm,
    MeasurementFileForm,
    MeasurementForm,
)
from stuurknop.web.projects.measurement_files import (
    MAX_FILE_BYTES,
    read_measurements,
    template_workbook,
)
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.evidence import (
    evidence_plans,
    indicator_delete,
    indicator_save,
    measurement_delete,
    measurements_add,
)
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.evidence import PREFIX as EVIDENCE
from stuurknop.web.projects.views.evidence import TAB, page_url, version_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _indicators(scenario: Scenario) -> dict[str, tuple[str, Indicator]]:
    return {i.id: (p.value, i) for p in evidence_plans(scenario) for i in p.indicators}


def _from_library(model: Model, library_id: str) -> dict[str, Any]:
    """A form's first answers from a ready-made indicator of the model's library."""
    found = next((i for i in getattr(model, "indicators", ()) if i.id == library_id), None)
    if found is None:
        return {}
    initial: dict[str, Any] = {"library": found.id, "name": found.name}
    for name in ("unit", "direction", "frequency"):
        value = getattr(found, name, None)
        if value is not None:
            initial[name] = getattr(value, "value", value)
    return initial


@scenario_role(Role.BEWERKER)
def indicator_edit(
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    value: str = "",
    indicator_id: str | None = None,
) -> HttpResponse:
    """A new indicator of ``value`` (from the library with ``?bibliotheek=<id>``), or a change."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    model: Model = context["model"]
    current = None
    if indicator_id is not None:
        found = _indicators(scenario).get(indicator_id)
        if found is None:
            raise Http404()
        value, current = found
    try:
        value_name = model.value(value).name
    except KeyError:
        raise Http404() from None
    if current is not None:
        initial = current.model_dump(exclude={"measurements", "id"})
    else:
        initial = _from_library(model, request.GET.get("bibliotheek", ""))
    form = IndicatorForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        model=model,
        value=value,
        parties=list(project.parties.all()),
    )
    version = scenario.version
    status = 200
    if request.method == "POST":
        version = version_of(request)
        if form.is_valid():
            try:
                saved = indicator_save(
                    scenario=scenario,
                    by=request.user,
                    expected_version=version,
                    value=value,
                    indicator_id=indicator_id,
                    data=form.data_for_service(),
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Indicator '{saved.name}' opgeslagen.")
                return redirect(page_url(project, scenario, f"indicator-{saved.id}"))
        status = 400
    title = (
        f"Indicator wijzigen: {current.name}"
        if current
        else f"Indicator toevoegen bij {value_name}"
    )
    context.update(
        form=form,
        version=version,
        title=title,
        back=page_url(project, scenario, f"waarde-{value}"),
        multipart=False,
    )
    return render(request, "projects/evidence/edit.html", context, status=status)


@require_POST
@scenario_role(Role.BEWERKER)
def indicator_delete_view(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, indicator_id: str
) -> HttpResponse:
    require_editable(request.user, project)
    try:
        indicator_delete(
            scenario=scenario,
            by=request.user,
            expected_version=version_of(request),
            indicator_id=indicator_id,
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Indicator verwijderd.")
    return redirect(page_url(project, scenario))


@require_POST
@scenario_role(Role.BEWERKER)
def measurement_add(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, indicator_id: str
) -> HttpResponse:
    """One measurement by hand; a wrong one is said at the top of the page, nothing stored."""
    require_editable(request.user, project)
    form = MeasurementForm(request.POST, prefix=f"meting-{indicator_id}")
    anchor = f"indicator-{indicator_id}"
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"Meting niet opgeslagen: {label}: {error}")
        return redirect(page_url(project, scenario, anchor))
    try:
        measurements_add(
            scenario=scenario,
            by=request.user,
            expected_version=version_of(request),
            rows=[(indicator_id, form.data_for_service())],
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, f"Meting niet opgeslagen: {exc}")
    else:
        messages.success(request, "Meting opgeslagen.")
    return redirect(page_url(project, scenario, anchor))


@require_POST
@scenario_role(Role.BEWERKER)
def measurement_delete_view(
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    indicator_id: str,
    index: int,
) -> HttpResponse:
    require_editable(request.user, project)
    try:
        measurement_delete(
            scenario=scenario,
            by=request.user,
            expected_version=version_of(request),
            indicator_id=indicator_id,
            index=index,
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Meting verwijderd.")
    return redirect(page_url(project, scenario, f"indicator-{indicator_id}"))


@scenario_role(Role.BEWERKER)
def measurements_import(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Measurements from a CSV or Excel file: all of them, or (with any bad row) none."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    form = MeasurementFileForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            names: dict[str, str] = {}
            for key, (_value, indicator) in _indicators(scenario).items():
                names[key] = key
                names.setdefault(indicator.name.strip().lower(), key)
            if upload.size > MAX_FILE_BYTES:  # said before reading it
                errors = ["Het bestand is groter dan 2 MB; er is niets opgeslagen."]
                read = None
            else:
                read = read_measurements(upload.name, upload.read(), names)
                errors = [str(e) for e in read.errors]
            if read is not None and not errors:
                try:
                    count = measurements_add(
                        scenario=scenario,
                        by=request.user,
                        expected_version=version_of(request),
                        rows=list(read.rows),
                        origin=MeasurementSource.BESTAND,
                    )
                except (Conflict, DocumentInvalid) as exc:
                    errors = [str(exc)]
                else:
                    messages.success(request, f"{count} metingen ingelezen.")
                    return redirect(page_url(project, scenario, "metingen-inlezen"))
    context.update(import_form=form, errors=errors, version=scenario.version)
    return render(request, "projects/evidence/import.html", context, status=status)


@scenario_role(Role.LEZER)
def measurements_template(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """The Excel file to fill in: its columns and a row per indicator of the scenario."""
    rows = [(key, indicator.name) for key, (_v, indicator) in _indicators(scenario).items()]
    response = HttpResponse(template_workbook(rows), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="metingen-sjabloon.xlsx"'
    return response


urlpatterns = [
    path(f"{EVIDENCE}<slug:value>/indicator-nieuw/", indicator_edit, name="indicator_add"),
    path(f"{EVIDENCE}indicator/<slug:indicator_id>/", indicator_edit, name="indicator_edit"),
    path(
        f"{EVIDENCE}indicator/<slug:indicator_id>/verwijderen/",
        indicator_delete_view,
        name="indicator_delete",
    ),
    path(
        f"{EVIDENCE}indicator/<slug:indicator_id>/meting/",
        measurement_add,
        name="measurement_add",
    ),
    path(
        f"{EVIDENCE}indicator/<slug:indicator_id>/meting/<int:index>/verwijderen/",
        measurement_delete_view,
        name="measurement_delete",
    ),
    path(f"{EVIDENCE}metingen-inlezen/", measurements_import, name="measurements_import"),
    path(f"{EVIDENCE}metingen-sjabloon.xlsx", measurements_template, name="measurements_template"),
]
