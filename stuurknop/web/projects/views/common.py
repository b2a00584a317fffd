"""What every project page shares: the project's header, its tabs, the scenario switcher."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from stuurknop.gespreksmodel import Model, load_model
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import KnobSetting, Project, Scenario
from stuurknop.web.projects.permissions import project_role, role_of
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import cached_for_revision, project_revision

# The scenario pages a switcher can go to; each is routed with (project_id, scenario_id).
SCENARIO_PAGES = (
    "scenario_overview",
    "values_page",
    "evidence_page",
    "money_page",
    "checks_page",
)


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
    role = getattr(project, "viewer_role", None) or role_of(request.user, project)
    model = load_model(project.model_version)
    revision = project_revision(project)
    scenarios, knob_tabs = cached_for_revision(
        project,
        f"layout:{scenario.pk}",
        lambda: _layout_data(project, scenario, model),
        revision=revision,
    )
    return {
        "project": project,
        "revision": revision,
        "scenario": scenario,
        "scenarios": scenarios,
        "role": role,
        "can_edit": bool(role and role.at_least(Role.BEWERKER) and not project.archived),
        "is_beheerder": bool(role and role.at_least(Role.BEHEERDER)),
        "model": model,
        "knob_tabs": knob_tabs,
        "undiscussed": sum(1 for k in knob_tabs if k["status"] == "niet_besproken"),
        "tab": tab,
        **extra,
    }


def _layout_data(
    project: Project, scenario: Scenario, model: Model
) -> tuple[list[Scenario], list[dict[str, Any]]]:
    """The scenarios of the switcher and the knobs' status in ``scenario`` (for the tabs)."""
    statuses = dict(KnobSetting.objects.filter(scenario=scenario).values_list("knob", "status"))
    knob_tabs = [
        {
            "number": knob.number,
            "name": knob.name,
            "status": statuses.get(knob.number, "niet_besproken"),
        }
        for knob in model.knobs
    ]
    return list(project.scenarios.order_by("position", "id")), knob_tabs


# What a cached page body holds instead of a CSRF token; each response gets its own token.
# The mark is random per rendering and never leaves the server, so no text a user types can
# contain it and be turned into the viewer's token.
CSRF_MARK_PREFIX = "stuurknop-csrf-"


def new_csrf_mark() -> str:
    return CSRF_MARK_PREFIX + secrets.token_hex(16)


# A page rendered on PARTS instead of base.html gives its title, this mark, then its content
# (the project's frame with the page in it): all of the page but the personal header.
PARTS = "projects/_page_parts.html"
PARTS_MARK = "<!-- stuurknop:page-body -->"
HEAD_MARK = "<!-- stuurknop:page-head -->"  # between the title and the page's own head links


def render_project_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    cache_as: str,
    build: Callable[[], dict[str, Any]] = dict,
    status: int = 200,
) -> HttpResponse:
    """Render a project page whose content is cached until the project changes.

    ``template`` extends ``projects/_layout.html``; ``context`` comes from
    :func:`project_context`, and ``build()`` adds what the page's content needs, computed only
    when the content is not cached. The content (everything below the site's header: the
    project's name, tabs and scenario switcher, and the page) is cached per page (``cache_as``
    and URL name), scenario, language and role; what differs per person (the header, messages,
    the CSRF token) is made for every request. Only a plain GET is served from the cache: a
    form with errors, a conflict or a query string renders afresh.
    """
    if request.method != "GET" or request.GET or status != 200:
        return render(request, template, {**context, **build()}, status=status)

    def parts() -> tuple[str, str, str, str]:
        csrf_mark = new_csrf_mark()
        html = render_to_string(
            template,
            {**context, **build(), "base_template": PARTS, "csrf_token": csrf_mark},
            request=request,
        )
        title, _mark, rest = html.partition(HEAD_MARK)
        head, _mark, body = rest.partition(PARTS_MARK)
        return title.strip(), head.strip(), body, csrf_mark

    role = context["role"]
    match = request.resolver_match
    url_name = match.url_name if match else ""
    title, head, body, csrf_mark = cached_for_revision(
        context["project"],
        f"page-parts:{cache_as}:{url_name}:{context['scenario'].pk}:{get_language()}:{role or '-'}",
        parts,
        revision=context["revision"],
    )
    response = render(
        request,
        "projects/_cached_page.html",
        # Both parts are our own templates' output, escaped when they were rendered.
        {
            **context,
            "cached_title": mark_safe(title),
            "cached_head": mark_safe(head),  # the page's own stylesheets and scripts
            "cached_body": mark_safe(body),
        },
    )
    if csrf_mark in body:
        response.content = response.content.replace(csrf_mark.encode(), get_token(request).encode())
    return response


@project_role(Role.LEZER)
def scenario_switch(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
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
