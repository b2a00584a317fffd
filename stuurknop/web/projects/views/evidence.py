"""The evidence and monitoring page of a scenario: per aimed value the evidence needed before the
decision (with its status and finding: text, a link, a file) and the indicators with their
status, rule, chart and table of figures; and the evidence need's add, edit and delete, and the
download of a finding's file. Indicators and measurements: :mod:`.indicators`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from stuurknop.charts.indicator_chart import indicator_chart
from stuurknop.engine.checklist import aimed_values
from stuurknop.engine.indicators import IndicatorState, indicator_status, value_monitoring
from stuurknop.gespreksmodel import Model
from stuurknop.presentation.indicator_reasons import RULE
from stuurknop.presentation.numbers import measured
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.evidence import EvidencePlan
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.evidence_files import FileRefused, checked_file, store, stored_bytes
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.evidence import (
    EvidenceNeedForm,
    MeasurementFileForm,
    MeasurementForm,
)
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.evidence import (
    evidence_need_delete,
    evidence_need_save,
    evidence_plans,
)
from stuurknop.web.projects.templatetags.chart_images import natural_size
from stuurknop.web.projects.views.common import project_context

TAB = "evidence"
STATE_CLASS = {
    IndicatorState.OP_KOERS: "ok",
    IndicatorState.ACHTER: "behind",
    IndicatorState.UIT_KOERS: "off",
    IndicatorState.GEEN_GEGEVENS: "none",
}


def version_of(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def page_url(project: Project, scenario: Scenario, anchor: str = "") -> str:
    url = reverse("evidence_page", args=[project.pk, scenario.pk])
    return f"{url}#{anchor}" if anchor else url


def _values(project: Project, scenario: Scenario, model: Model) -> list[str]:
    """The aimed values, then any other value the scenario has evidence for."""
    document = project_document(project)
    ours = next(s for s in document.scenarios if s.name == scenario.name)
    values = list(aimed_values(ours))
    values += [p.value for p in ours.evidence if p.value not in values]
    known = {v.id for v in model.values}
    return [v for v in values if v in known]


def _indicator_rows(
    plan: EvidencePlan, model: Model, today: dt.date, parties: dict[str, str]
) -> list[dict[str, Any]]:
    rows = []
    for indicator in plan.indicators:
        status = indicator_status(indicator, today)
        said = sentence(status.reason)
        chart = indicator_chart(
            indicator, status, id_prefix=f"ind-{indicator.id}", description=said
        )
        library = None
        if indicator.library:
            library = next(
                (i.name for i in getattr(model, "indicators", ()) if i.id == indicator.library),
                None,
            )
        rows.append(
            {
                "indicator": indicator,
                "state": model.word("indicator_status", status.state.value),
                "state_class": STATE_CLASS[status.state],
                "said": said,
                "chart": chart,
                "wide_svg": mark_safe(natural_size(chart.chart.svg)) if chart else "",
                "phone_svg": mark_safe(chart.phone_svg) if chart else "",
                "owner": parties.get(indicator.owner or "", ""),
                "library": library,
                "direction": model.word("indicator_direction", indicator.direction.value),
                "baseline": measured(indicator.baseline) if indicator.baseline is not None else "",
                "target": measured(indicator.target) if indicator.target is not None else "",
                "measurements": [
                    {
                        "index": i,
                        "m": m,
                        "value": measured(m.value),
                        "origin": model.word("measurement_source", m.origin.value),
                    }
                    for i, m in enumerate(indicator.measurements)
                ],
                "form": MeasurementForm(prefix=f"meting-{indicator.id}"),
            }
        )
    return rows


@scenario_role(Role.LEZER)
def evidence_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Per aimed value: the evidence before the decision and the indicators during execution."""
    context = project_context(request, project, scenario, tab=TAB)
    model: Model = context["model"]
    today = dt.date.today()
    plans = {p.value: p for p in evidence_plans(scenario)}
    parties = {p.key: p.name for p in project.parties.all()}
    sections = []
    for value_id in _values(project, scenario, model):
        plan = plans.get(value_id, EvidencePlan(value=value_id))
        sections.append(
            {
                "value": model.value(value_id),
                "needs": [
                    {
                        "index": i,
                        "need": need,
                        "kind": model.word("evidence_kind", need.kind.value),
                        "status": model.word("evidence_status", need.status.value),
                        "status_class": need.status.value,
                        "route": model.route(need.route).name if need.route else "",
                        "gatherer": parties.get(need.gatherer or "", ""),
                    }
                    for i, need in enumerate(plan.before_decision)
                ],
                "indicators": _indicator_rows(plan, model, today, parties),
                "appears": sentence(value_monitoring(plan, today).reason),
                "library": [
                    i
                    for i in getattr(model, "indicators", ())
                    if value_id in getattr(i, "values", (value_id,))
                ],
            }
        )
    context.update(
        sections=sections,
        rule=RULE,
        import_form=MeasurementFileForm(),
        today=today,
    )
    return render(request, "projects/evidence/page.html", context)


def _need_data(form: EvidenceNeedForm) -> dict[str, Any]:
    return form.data_for_service()


@scenario_role(Role.BEWERKER)
def evidence_need_edit(
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    value: str,
    index: int | None = None,
) -> HttpResponse:
    """Add or change one piece of evidence needed before the decision, with its finding."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    model: Model = context["model"]
    try:
        value_name = model.value(value).name
    except KeyError:
        raise Http404() from None
    plans = {p.value: p for p in evidence_plans(scenario)}
    needs = plans[value].before_decision if value in plans else []
    current = None
    if index is not None:
        if not 0 <= index < len(needs):
            raise Http404()
        current = needs[index]
    initial = current.model_dump(exclude={"file"}) if current else {}
    form = EvidenceNeedForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        model=model,
        value=value,
        parties=list(project.parties.all()),
    )
    if current is None or current.file is None:
        del form.fields["remove_file"]
    version = scenario.version
    status = 200
    if request.method == "POST":
        version = version_of(request)
        if form.is_valid():
            data = _need_data(form)
            data["file"] = current.file.model_dump() if current and current.file else None
            if form.cleaned_data.get("remove_file"):
                data["file"] = None
            upload = form.cleaned_data.get("file")
            try:
                if upload:
                    described, content = checked_file(upload.name, upload, upload.size)
                    data["file"] = described.model_dump()
                evidence_need_save(
                    scenario=scenario,
                    by=request.user,
                    expected_version=version,
                    value=value,
                    index=index,
                    data=data,
                )
                if upload:
                    store(project.pk, described, content)
            except FileRefused as exc:
                form.add_error("file", str(exc))
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Bewijs opgeslagen.")
                return redirect(page_url(project, scenario, f"waarde-{value}"))
        status = 400
    context.update(
        form=form,
        version=version,
        title=(
            f"Bewijs wijzigen bij {value_name}" if current else f"Bewijs toevoegen bij {value_name}"
        ),
        current_file=current.file if current else None,
        back=page_url(project, scenario, f"waarde-{value}"),
        multipart=True,
    )
    return render(request, "projects/evidence/edit.html", context, status=status)


@require_POST
@scenario_role(Role.BEWERKER)
def evidence_need_delete_view(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, value: str, index: int
) -> HttpResponse:
    require_editable(request.user, project)
    try:
        evidence_need_delete(
            scenario=scenario,
            by=request.user,
            expected_version=version_of(request),
            value=value,
            index=index,
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Bewijs verwijderd.")
    return redirect(page_url(project, scenario, f"waarde-{value}"))


@scenario_role(Role.LEZER)
def evidence_file(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, value: str, index: int
) -> HttpResponse:
    """The file of a finding, as an attachment with its stored type."""
    plans = {p.value: p for p in evidence_plans(scenario)}
    needs = plans[value].before_decision if value in plans else []
    if not 0 <= index < len(needs) or needs[index].file is None:
        raise Http404()
    described = needs[index].file
    assert described is not None
    data = stored_bytes(project.pk, described.sha256)
    if data is None:
        raise Http404("Dit bestand staat niet op deze server.")
    response = HttpResponse(data, content_type=described.content_type)
    safe = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in described.name
    )
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


PREFIX = "projecten/<int:project_id>/scenario/<int:scenario_id>/bewijs/"

urlpatterns = [
    path(PREFIX, evidence_page, name="evidence_page"),
    path(f"{PREFIX}<slug:value>/nieuw/", evidence_need_edit, name="evidence_need_add"),
    path(f"{PREFIX}<slug:value>/<int:index>/", evidence_need_edit, name="evidence_need_edit"),
    path(
        f"{PREFIX}<slug:value>/<int:index>/verwijderen/",
        evidence_need_delete_view,
        name="evidence_need_delete",
    ),
    path(f"{PREFIX}<slug:value>/<int:index>/bestand/", evidence_file, name="evidence_file"),
]
