"""Realised money, under the money tab: per year, cost item, funding line, party and source
what was planned and what was spent or received (the blocks of
:mod:`stuurknop.presentation.actuals`, the same the reports show), the amounts entered so far
with their edit and delete, a form to enter one by hand, and the import of a CSV or Excel file
(with a template to fill in)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.actuals import realised
from stuurknop.presentation.actuals import realised_blocks
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.actual_files import Known, read_actuals
from stuurknop.web.projects.actual_template import template_csv, template_xlsx
from stuurknop.web.projects.entities import ACTUAL_ROW, row_data
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.actuals import ActualForm, ActualsUploadForm, funding_line_label
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import Actual, Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.actuals import (
    actual_create,
    actual_delete,
    actual_update,
    actuals_import,
)
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.worksheet.forms import field_for_path

TAB = "money"


def page_url(project: Project, scenario: Scenario, anchor: str = "") -> str:
    url = reverse("actuals_page", args=[project.pk, scenario.pk])
    return f"{url}#{anchor}" if anchor else url


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def _field(path_: str) -> str:
    return field_for_path(path_)[0]


def _choices(scenario: Scenario) -> dict[str, Any]:
    return {
        "cost_items": list(scenario.cost_items.all()),
        "funding_lines": list(scenario.funding_lines.select_related("party", "cost_item")),
    }


@scenario_role(Role.LEZER)
def actuals_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Planned against realised, the amounts entered, and (for an editor) the forms."""
    context = project_context(request, project, scenario, tab=TAB)
    form = None
    status = 200
    if context["can_edit"]:
        data = request.POST if request.method == "POST" else None
        form = ActualForm(data, project=project, **_choices(scenario))
        if data is not None:
            if form.is_valid():
                try:
                    actual_create(scenario=scenario, by=request.user, **form.actual())
                except DocumentInvalid as exc:
                    add_document_errors(form, exc, field_for=_field)
                else:
                    messages.success(request, _("Bedrag vastgelegd."))
                    return redirect(page_url(project, scenario, "gerealiseerd-bedragen"))
            status = 400
    elif request.method == "POST":
        require_editable(request.user, project)
    return _render(request, context, project, scenario, form=form, status=status)


def _render(
    request: HttpRequest,
    context: dict[str, Any],
    project: Project,
    scenario: Scenario,
    *,
    form: ActualForm | None,
    status: int = 200,
    upload: ActualsUploadForm | None = None,
    upload_errors: tuple[str, ...] = (),
) -> HttpResponse:
    document = project_document(project)
    chosen = document.scenario(scenario.name)
    result = realised(context["model"], document, chosen)
    context.update(
        blocks=realised_blocks(result, document, chosen),
        actuals=_rows(scenario),
        form=form,
        upload=upload or (ActualsUploadForm() if context["can_edit"] else None),
        upload_errors=upload_errors,
    )
    return render(request, "projects/money/actuals.html", context, status=status)


def _rows(scenario: Scenario) -> list[dict[str, Any]]:
    rows = []
    for actual in scenario.actuals.select_related(
        "cost_item", "funding_line__party", "funding_line__cost_item"
    ).order_by("year", "position", "id"):
        if actual.cost_item is not None:
            what, kind = actual.cost_item.description, _("uitgegeven")
        else:
            assert actual.funding_line is not None
            what, kind = funding_line_label(actual.funding_line), _("ontvangen")
        rows.append(
            {"actual": actual, "what": what, "kind": kind, "amount": euro(actual.amount, True)}
        )
    return rows


def _actual(scenario: Scenario, actual_id: int) -> Actual:
    actual = Actual.objects.filter(pk=actual_id, scenario=scenario).first()
    if actual is None:
        raise Http404()
    return actual


@scenario_role(Role.BEWERKER)
def actual_edit(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, actual_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    actual = _actual(scenario, actual_id)
    context = project_context(request, project, scenario, tab=TAB)
    posted = request.POST if request.method == "POST" else None
    form = ActualForm(
        posted,
        initial=ActualForm.initial_for(row_data(ACTUAL_ROW, actual)),
        project=project,
        **_choices(scenario),
    )
    version = actual.version
    status = 200
    if posted is not None:
        version = _version(request)
        if form.is_valid():
            try:
                actual_update(
                    actual=actual, by=request.user, expected_version=version, **form.actual()
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc, field_for=_field)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Bedrag opgeslagen."))
                return redirect(page_url(project, scenario, "gerealiseerd-bedragen"))
        status = 400
    context.update(
        form=form,
        version=version,
        title=_("Gerealiseerd bedrag wijzigen (%(year)s)") % {"year": actual.year},
        back=page_url(project, scenario, "gerealiseerd-bedragen"),
    )
    return render(request, "projects/meetings/edit_row.html", context, status=status)


@require_POST
@scenario_role(Role.BEWERKER)
def actual_delete_view(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, actual_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    actual = _actual(scenario, actual_id)
    try:
        actual_delete(actual=actual, by=request.user, expected_version=_version(request))
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Bedrag verwijderd."))
    return redirect(page_url(project, scenario, "gerealiseerd-bedragen"))


@require_POST
@scenario_role(Role.BEWERKER)
def actuals_upload(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Read a file of actuals: every row is checked first; with any error nothing is stored
    and the page lists each error with its row and column."""
    require_editable(request.user, project)
    upload = ActualsUploadForm(request.POST, request.FILES)
    context = project_context(request, project, scenario, tab=TAB)
    form = ActualForm(project=project, **_choices(scenario))
    if not upload.is_valid():
        return _render(request, context, project, scenario, form=form, upload=upload, status=400)
    file = upload.cleaned_data["file"]
    read = read_actuals(file.name, file.read(), _known(project, scenario))
    errors = tuple(str(e) for e in read.errors)
    if not errors:
        try:
            added, replaced = actuals_import(
                scenario=scenario, by=request.user, rows=read.rows, source=file.name
            )
        except DocumentInvalid as exc:
            errors = tuple(str(e) for e in exc.errors)
        else:
            messages.success(
                request,
                _("Ingelezen: %(added)s nieuwe en %(replaced)s vervangen bedragen.")
                % {"added": added, "replaced": replaced},
            )
            return redirect(page_url(project, scenario, "gerealiseerd-inlezen"))
    return _render(
        request,
        context,
        project,
        scenario,
        form=form,
        upload=upload,
        upload_errors=errors,
        status=400,
    )


def _known(project: Project, scenario: Scenario) -> Known:
    costs: dict[str, str] = {}
    shared: set[str] = set()
    for item in scenario.cost_items.all():
        name = item.description.strip().lower()
        if name in costs:
            shared.add(name)
        costs[name] = item.key
    costs = {k: v for k, v in costs.items() if k not in shared}
    costs |= {item.key: item.key for item in scenario.cost_items.all()}
    years = range(project.first_year, project.first_year + project.horizon_years)
    lines = frozenset(scenario.funding_lines.values_list("key", flat=True))
    return Known(costs, lines, years)


@scenario_role(Role.LEZER)
def actuals_template(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, fmt: str
) -> HttpResponse:
    """A file to fill in: a row per cost item and funding line of the scenario."""
    document = project_document(project)
    chosen = document.scenario(scenario.name)
    if fmt == "xlsx":
        data, kind = (
            template_xlsx(document, chosen),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    elif fmt == "csv":
        data, kind = template_csv(document, chosen), "text/csv; charset=utf-8"
    else:
        raise Http404()
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="gerealiseerd-invullen.{fmt}"'
    return response


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/gerealiseerd/",
        actuals_page,
        name="actuals_page",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/gerealiseerd/<int:actual_id>/",
        actual_edit,
        name="actual_edit",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/gerealiseerd/"
        "<int:actual_id>/verwijderen/",
        actual_delete_view,
        name="actual_delete",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/gerealiseerd/inlezen/",
        actuals_upload,
        name="actuals_upload",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/gerealiseerd/"
        "invulbestand.<str:fmt>",
        actuals_template,
        name="actuals_template",
    ),
]
