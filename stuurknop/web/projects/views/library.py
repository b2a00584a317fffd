"""The model's library of ready-made indicators, read-only: what each measures, which way is
better, how often and how it is measured, the routes and values it watches, and its source (or
that no public definition was found); the instruments with their published items and scoring.
A project picks from it on the evidence page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.instruments import (
    answer_word,
    category_band,
    citation_text,
    indicator_facts,
    missing_rule,
)
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context


@project_role(Role.LEZER)
def indicator_library(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    model = load_model(project.model_version)
    indicators = [{"indicator": i, "facts": indicator_facts(model, i)} for i in model.indicators]
    instruments = [
        {
            "instrument": x,
            "answers": [answer_word(model, x, a) for a in x.answers] if x.answers else [],
            "items": [
                (item.text, next(s.name for s in x.subscales if s.id == item.subscale))
                for item in x.items
            ],
            "bands": [category_band(model, x, c.key) for c in x.categories],
            "missing": missing_rule(x) if x.items else "",
            "sources": [citation_text(model.citation(s)) for s in x.sources],
        }
        for x in model.instruments
    ]
    citations = [(c, citation_text(c)) for c in model.citations]
    context = project_context(
        request,
        project,
        tab="evidence",
        indicators=indicators,
        instruments=instruments,
        citations=citations,
    )
    return render(request, "projects/library.html", context)


urlpatterns = [
    path(
        "projecten/<int:project_id>/indicatorbibliotheek/",
        indicator_library,
        name="indicator_library",
    ),
]
