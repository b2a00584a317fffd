"""Project lists, a project's overview, its export, and archiving it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from stuurknop.engine.next_steps import next_steps
from stuurknop.engine.summary import key_figures
from stuurknop.gespreksmodel import Model
from stuurknop.presentation.reasons import capitalised
from stuurknop.projectfile import dump_document
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.fix_pages import fix_link
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import project_role, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import (
    project_document,
    projects_for_user,
    scenario_analysis,
)
from stuurknop.web.projects.services import projects as project_services
from stuurknop.web.projects.services.commitments import open_requests, waiting_confirmation
from stuurknop.web.projects.services.perspectives import visible_document
from stuurknop.web.projects.views import project_setup
from stuurknop.web.projects.views.common import (
    default_scenario,
    project_context,
    render_project_page,
)
from stuurknop.web.projects.views.decisions import meetings_follow_up

OPEN_CHECKS_SHOWN = 3


def project_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's projects: the ones of their own organisation, and those shared with them."""
    projects = list(projects_for_user(request.user))
    return render(
        request,
        "projects/project_list.html",
        {
            "own": [p for p in projects if p.is_own],
            "shared": [p for p in projects if not p.is_own],
            # Funding lines waiting for the confirmation of a party this person speaks for.
            "to_confirm": len(open_requests(request.user)),
        },
    )


def project_archive_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's archived projects (read-only until a beheerder brings one back)."""
    projects = list(projects_for_user(request.user, archived=True))
    return render(
        request,
        "projects/project_list.html",
        {
            "archive": True,
            "own": [p for p in projects if p.is_own],
            "shared": [p for p in projects if not p.is_own],
        },
    )


@project_role(Role.LEZER)
def project_detail(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The overview of the project's chosen scenario."""
    return _overview(request, project, default_scenario(project))


@scenario_role(Role.LEZER)
def scenario_overview(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """The overview of any scenario of the project."""
    return _overview(request, project, scenario)


def _overview(request: HttpRequest, project: Project, scenario: Scenario) -> HttpResponse:
    context = project_context(request, project, scenario, tab="overview")
    # Late actions and due reviews depend on the day: the cached page is per day too.
    today = timezone.localdate()
    return render_project_page(
        request,
        "projects/project_detail.html",
        context,
        cache_as=f"overview:{today.isoformat()}",
        build=lambda: {
            **_overview_content(project, scenario, context["model"]),
            **meetings_follow_up(project, today),
            "waiting_confirmation": waiting_confirmation(project),
        },
    )


def _overview_content(project: Project, scenario: Scenario, model: Model) -> dict[str, Any]:
    analysis = scenario_analysis(project, scenario)
    party_types = {t.id: t.name for t in model.party_types}
    return dict(
        figures=key_figures(analysis),
        next_steps=[
            (step, fix_link(project.pk, scenario.pk, step.topic, step.knob))
            for step in next_steps(analysis)
        ],
        open_checks=[
            (check, fix_link(project.pk, scenario.pk, check.id, _first(check.knobs)))
            for check in analysis.checks[:OPEN_CHECKS_SHOWN]
        ],
        checks_count=len(analysis.checks),
        # The chosen scenario against the frozen agreement (engine.agreement's departures).
        agreement_departs=[
            capitalised(r)
            for c in analysis.checks
            if c.id == "afspraak_wijkt_af"
            for r in c.reasons
        ],
        parties=[
            (party, party_types.get(party.party_type, party.party_type))
            for party in project.parties.select_related("organisation")
        ],
    )


def _first(knobs: tuple[int, ...]) -> int | None:
    return knobs[0] if knobs else None


@project_role(Role.LEZER)
def project_export(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The project file, in the same format as the command line's. Until the beheerder reveals
    the parties' own views, the file leaves them out: a download must not show what the pages
    hide (the file then holds the views from live sessions and the residents' input only)."""
    document = visible_document(project_document(project), revealed=project.perspectives_revealed)
    response = HttpResponse(dump_document(document), content_type="application/json; charset=utf-8")
    filename = f"{slugify(project.name) or 'project'}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@project_role(Role.BEHEERDER)
def project_archive(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Ask, then archive: the project leaves the lists and becomes read-only."""
    if request.method == "POST" and not project.archived:
        project_services.project_archive(project=project, by=request.user)
        messages.success(request, _("Het project is gearchiveerd. Het is nu alleen te lezen."))
        return redirect("project_detail", project.pk)
    return render(
        request,
        "projects/overview/archive_confirm.html",
        project_context(request, project, tab="overview", to_archive=True),
    )


@project_role(Role.BEHEERDER)
def project_unarchive(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Ask, then bring an archived project back: it can be edited again."""
    if request.method == "POST" and project.archived:
        project_services.project_unarchive(project=project, by=request.user)
        messages.success(request, _("Het project is uit het archief gehaald."))
        return redirect("project_detail", project.pk)
    return render(
        request,
        "projects/overview/archive_confirm.html",
        project_context(request, project, tab="overview", to_archive=False),
    )


urlpatterns = [
    path("", project_list, name="project_list"),
    path("projecten/archief/", project_archive_list, name="project_archive_list"),
    path("projecten/<int:project_id>/", project_detail, name="project_detail"),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/",
        scenario_overview,
        name="scenario_overview",
    ),
    path("projecten/<int:project_id>/export.json", project_export, name="project_export"),
    path("projecten/<int:project_id>/archiveren/", project_archive, name="project_archive"),
    path("projecten/<int:project_id>/uit-archief/", project_unarchive, name="project_unarchive"),
    # Creating a project and its basics and parties live in their own module.
    *project_setup.urlpatterns,
]
