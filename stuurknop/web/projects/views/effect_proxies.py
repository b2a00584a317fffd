"""The Kengetallen page of a scenario's effects: the model's proxy library (name, unit, amount,
price year, cited source and where in it), the project's own proxies with their sources, and
the discount rates — the blocks of :mod:`stuurknop.presentation.proxies`, as in the command
line — with every source's web address as a link."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from stuurknop.gespreksmodel import Model
from stuurknop.presentation.proxies import model_library, proxy_blocks, source_lines
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.views.common import project_context


@scenario_role(Role.LEZER)
def effect_proxies_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    context = project_context(request, project, scenario, tab="money")
    model: Model = context["model"]
    settings = project_document(project).effect_settings
    library = model_library(model.version)
    context.update(
        blocks=proxy_blocks(library, settings, with_sources=False),
        sources=source_lines(library, settings),
        project_version=project.version,
    )
    return render(request, "projects/effects/proxies.html", context)
