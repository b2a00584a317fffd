"""The effects page of a scenario: value against cost in money, per party (present values, net
present value, benefit–cost ratio, payback, P10/P50/P90 and the chance of coming out ahead), who
pays and who benefits per year, the tornado and the redistribution proposal — the blocks of
:mod:`stuurknop.presentation.effects`, as in the plan — and the effect estimates with their add,
edit and delete, and the discount rate."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from stuurknop.engine.effect_report import effect_report
from stuurknop.engine.effects import proxy_amounts
from stuurknop.gespreksmodel import Model
from stuurknop.presentation.blocks import Paragraph
from stuurknop.presentation.effects import NO_EFFECTS, effect_blocks
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.proxies import model_library, proxy_phrase
from stuurknop.projectfile import DocumentInvalid, ProjectDocument
from stuurknop.projectfile.schema import Scenario as ScenarioDoc
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.effects import (
    PERCENT_LIST,
    EffectForm,
    EffectSettingsForm,
    ProxyForm,
)
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.effects import (
    effect_delete,
    effect_estimates,
    effect_save,
    effect_settings,
    effect_settings_save,
)
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.effect_proxies import effect_proxies_page

TAB = "money"


def version_of(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def page_url(project: Project, scenario: Scenario) -> str:
    return reverse("effects_page", args=[project.pk, scenario.pk])


def _scenario_doc(document: ProjectDocument, scenario: Scenario) -> ScenarioDoc:
    return next(s for s in document.scenarios if s.name == scenario.name)


def _proxies(model: Model, document: ProjectDocument) -> list[tuple[str, str]]:
    """The proxy choices, each said as on the pages: name, price and source."""
    library = model_library(model.version)
    settings = document.effect_settings
    ids = [p.id for p in library.proxies] if library is not None else []
    ids += [p.id for p in settings.proxies]
    return [(i, proxy_phrase(i, library, settings)) for i in ids]


@scenario_role(Role.LEZER)
def effects_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    context = project_context(request, project, scenario, tab=TAB)
    model: Model = context["model"]
    document = project_document(project)
    ours = _scenario_doc(document, scenario)
    report = effect_report(model, document, ours) if ours.effects else None
    blocks = effect_blocks(model, document, ours, report) if report else (Paragraph(NO_EFFECTS),)
    parties = {p.id: p.name for p in document.parties}
    amounts = proxy_amounts(document, model.version)
    context.update(
        blocks=blocks,
        effects=[
            {"effect": e, "party": parties.get(e.beneficiary, e.beneficiary)} for e in ours.effects
        ],
        rate=document.effect_settings.discount_rate,
        proxies=_proxies(model, document),
        own_proxies=[
            {"proxy": p, "amount": euro(p.amount, cents=True)}
            for p in document.effect_settings.proxies
        ],
        proxy_count=len(amounts),
        version=scenario.version,
        project_version=project.version,
    )
    return render(request, "projects/effects/page.html", context)


@scenario_role(Role.BEWERKER)
def effect_edit(
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    effect_id: str | None = None,
) -> HttpResponse:
    """Add or change one effect estimate."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    model: Model = context["model"]
    document = project_document(project)
    current = None
    if effect_id is not None:
        current = next((e for e in effect_estimates(scenario) if e.id == effect_id), None)
        if current is None:
            raise Http404()
    initial: dict[str, Any] = (
        current.model_dump()
        if current
        else {
            "first_year": document.project.first_year,
            **dict.fromkeys(("drop_off", "deadweight", "attribution", "displacement"), 0),
        }
    )
    if current is None:
        # from a knob's worksheet (?stuurknop=N): the new estimate starts tied to that knob
        knob = request.GET.get("stuurknop", "")
        if knob.isdigit() and int(knob) in {k.number for k in model.knobs}:
            initial["knobs"] = [int(knob)]
    form = EffectForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        model=model,
        parties=list(project.parties.all()),
        proxies=_proxies(model, document),
        scenario=_scenario_doc(document, scenario),
    )
    version = scenario.version
    status = 200
    if request.method == "POST":
        version = version_of(request)
        if form.is_valid():
            try:
                effect_save(
                    scenario=scenario,
                    by=request.user,
                    expected_version=version,
                    effect_id=effect_id,
                    data=form.data_for_service(),
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Effectschatting opgeslagen.")
                return redirect(page_url(project, scenario))
        status = 400
    context.update(
        form=form,
        version=version,
        title="Effectschatting wijzigen" if current else "Effectschatting toevoegen",
        back=page_url(project, scenario),
        percent_list=PERCENT_LIST,
        percents=(0, 25, 50, 75, 100),
        proxies_url=reverse("effect_proxies", args=[project.pk, scenario.pk]),
    )
    return render(request, "projects/effects/edit.html", context, status=status)


@require_POST
@scenario_role(Role.BEWERKER)
def effect_delete_view(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, effect_id: str
) -> HttpResponse:
    require_editable(request.user, project)
    try:
        effect_delete(
            scenario=scenario,
            by=request.user,
            expected_version=version_of(request),
            effect_id=effect_id,
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Effectschatting verwijderd.")
    return redirect(page_url(project, scenario))


@scenario_role(Role.BEWERKER)
def effect_settings_edit(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """The project's discount rate (its own proxies come with an imported project file)."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    current = effect_settings(project)
    form = EffectSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"discount_rate": current.discount_rate},
    )
    version = project.version
    status = 200
    if request.method == "POST":
        version = version_of(request)
        if form.is_valid():
            data = current.model_dump(mode="json") | form.data_for_service()
            try:
                effect_settings_save(
                    project=project, by=request.user, expected_version=version, data=data
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Discontovoet opgeslagen.")
                return redirect(page_url(project, scenario))
        status = 400
    context.update(
        form=form,
        version=version,
        title="Discontovoet",
        back=page_url(project, scenario),
        percent_list="",
        percents=(),
    )
    return render(request, "projects/effects/edit.html", context, status=status)


@scenario_role(Role.BEWERKER)
def proxy_add(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """A proxy of the project's own, with its source (a figure without a source is refused)."""
    require_editable(request.user, project)
    context = project_context(request, project, scenario, tab=TAB)
    form = ProxyForm(request.POST if request.method == "POST" else None)
    version = project.version
    status = 200
    if request.method == "POST":
        version = version_of(request)
        if form.is_valid():
            current = effect_settings(project).model_dump(mode="json")
            data = {**current, "proxies": [*current["proxies"], form.data_for_service()]}
            try:
                effect_settings_save(
                    project=project, by=request.user, expected_version=version, data=data
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Kengetal opgeslagen.")
                return redirect(page_url(project, scenario))
        status = 400
    context.update(
        form=form,
        version=version,
        title="Eigen kengetal toevoegen",
        back=page_url(project, scenario),
        percent_list="",
        percents=(),
        proxies_url=reverse("effect_proxies", args=[project.pk, scenario.pk]),
    )
    return render(request, "projects/effects/edit.html", context, status=status)


@require_POST
@scenario_role(Role.BEWERKER)
def proxy_delete(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, proxy_id: str
) -> HttpResponse:
    """Remove a proxy of the project's own; refused while an effect estimate names it."""
    require_editable(request.user, project)
    current = effect_settings(project).model_dump(mode="json")
    data = {**current, "proxies": [p for p in current["proxies"] if p["id"] != proxy_id]}
    try:
        effect_settings_save(
            project=project, by=request.user, expected_version=version_of(request), data=data
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Kengetal verwijderd.")
    return redirect(page_url(project, scenario))


PREFIX = "projecten/<int:project_id>/scenario/<int:scenario_id>/effecten/"

urlpatterns = [
    path(PREFIX, effects_page, name="effects_page"),
    path(f"{PREFIX}nieuw/", effect_edit, name="effect_add"),
    path(f"{PREFIX}discontovoet/", effect_settings_edit, name="effect_settings"),
    path(f"{PREFIX}kengetallen/", effect_proxies_page, name="effect_proxies"),
    path(f"{PREFIX}kengetallen/nieuw/", proxy_add, name="effect_proxy_add"),
    path(
        f"{PREFIX}kengetallen/<slug:proxy_id>/verwijderen/",
        proxy_delete,
        name="effect_proxy_delete",
    ),
    path(f"{PREFIX}<slug:effect_id>/", effect_edit, name="effect_edit"),
    path(f"{PREFIX}<slug:effect_id>/verwijderen/", effect_delete_view, name="effect_delete"),
]
