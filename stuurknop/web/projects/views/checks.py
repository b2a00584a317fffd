"""The checklist and the coherence checks of a scenario, each open point linked to its fix."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from stuurknop.presentation.strategy import departures_by_organisation
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.fix_pages import fix_link
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import scenario_analysis
from stuurknop.web.projects.services.agenda import checklist_key, upcoming_meetings
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.decisions import placed
from stuurknop.web.strategy.selectors import project_departures, project_positions


@scenario_role(Role.LEZER)
def checks_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Every checklist point (open ones first) and every check that fired, most severe first."""
    analysis = scenario_analysis(project, scenario)
    items = [
        (
            item,
            None if item.done else fix_link(project.pk, scenario.pk, item.kind, item.target.knob),
            checklist_key(item.kind.value, item.target.knob, item.target.item),
        )
        for item in analysis.checklist.items
    ]
    fired = {check.id for check in analysis.checks}
    context = project_context(request, project, scenario, tab="checks")
    context.update(
        checklist=analysis.checklist,
        open_items=[(item, link, key) for item, link, key in items if not item.done],
        done_items=[item for item, _link, _key in items if item.done],
        checks=[
            (
                check,
                fix_link(
                    project.pk, scenario.pk, check.id, check.knobs[0] if check.knobs else None
                ),
            )
            for check in analysis.checks
        ],
        quiet_checks=[text for text in context["model"].checks if text.id not in fired],
        placed=placed(request, project),
        agenda_meetings=upcoming_meetings(project),
        # Where the scenario departs from the positions of the organisations at the table.
        strategy=departures_by_organisation(
            [p.organisation for p in project_positions(project).values()],
            project_departures(project, scenario),
        ),
    )
    return render(request, "projects/checks/page.html", context)


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/controle/",
        checks_page,
        name="checks_page",
    ),
]
