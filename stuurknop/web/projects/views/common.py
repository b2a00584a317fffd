"""What every project page shares: the project's header, its tabs, the scenario switcher."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse

from stuurknop.model import load_model
from stuurknop.web.projects.models import KnobSetting, Project, Scenario
from stuurknop.web.projects.permissions import project_role, role_of
from stuurknop.web.projects.roles import Role

# The scenario pages a switcher can go to; each is routed with (project_id, scenario_id).
SCENARIO_PAGES = ("scenario_overview", "values_page", "money_page", "checks_page")


def default_scenario(project: Project) -> Scenario:
    """The chosen scenario, else the first one. Every project has at least one scenario."""
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    if scenario is None:  # pragma: no cover - projects are created with a scenario
        raise Http404()
    return scenario


def project_context(
    request: HttpRequest,
    project: Project,
    scenario: Scenario | None = None,
    *,
    tab: str,
    **extra: Any,
) -> dict[str, Any]:
    """The template context of a project page (``projects/_layout.html``).

    ``tab`` names the active tab (``overview``, ``knob``, ``values``, ``money``, ``checks``,
    ``scenarios``, ``history``, ``members``); ``scenario`` is the scenario shown (default: the
    chosen one). ``knob_tabs`` lists the ten knobs with their status in this scenario, so that
    the navigation shows at a glance which knobs are still undiscussed.
    """
    scenario = scenario or default_scenario(project)
    role = role_of(request.user, project)
    model = load_model(project.model_version)
    statuses = dict(KnobSetting.objects.filter(scenario=scenario).values_list("knob", "status"))
    knob_tabs = [
        {
            "number": knob.number,
            "name": knob.name,
            "status": statuses.get(knob.number, "niet_besproken"),
        }
        for knob in model.knobs
    ]
    return {
        "project": project,
        "scenario": scenario,
        "scenarios": list(project.scenarios.order_by("position", "id")),
        "role": role,
        "can_edit": bool(role and role.at_least(Role.BEWERKER) and not project.archived),
        "is_beheerder": bool(role and role.at_least(Role.BEHEERDER)),
        "model": model,
        "knob_tabs": knob_tabs,
        "undiscussed": sum(1 for k in knob_tabs if k["status"] == "niet_besproken"),
        "tab": tab,
        **extra,
    }


@project_role(Role.LEZER)
def scenario_switch(request: HttpRequest, project: Project) -> HttpResponse:
    """Go to the same page for another scenario (the switcher is a plain GET form)."""
    try:
        scenario = project.scenarios.get(pk=int(request.GET.get("scenario", "")))
    except (Scenario.DoesNotExist, ValueError):
        raise Http404() from None
    page = request.GET.get("pagina", "")
    knob = request.GET.get("knop", "")
    if page == "knob_page" and knob.isdigit():
        try:
            return redirect("knob_page", project.pk, scenario.pk, int(knob))
        except NoReverseMatch:
            pass
    if page not in SCENARIO_PAGES:
        page = "scenario_overview"
    try:
        return redirect(reverse(page, args=[project.pk, scenario.pk]))
    except NoReverseMatch:
        return redirect("project_detail", project.pk)


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario-wisselen/",
        scenario_switch,
        name="scenario_switch",
    ),
]
