"""The project's side of the questionnaire: results for members, the controls for a beheerder.

Members (lezer and up) see the link, how many answered, the aggregated results and the open
remarks; a beheerder makes, opens and closes the questionnaire, makes a new link, takes the
answers into the project (its residents' input) and downloads the poster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stuurknop.engine.residents import ItemResult, Scored, aggregate
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.numbers import decimal
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.residents.forms import score_labels
from stuurknop.web.residents.models import Questionnaire
from stuurknop.web.residents.selectors import answers_of, latest_round, questionnaire_of
from stuurknop.web.residents.services import (
    QuestionnaireError,
    questionnaire_close,
    questionnaire_create,
    questionnaire_new_link,
    questionnaire_open,
    questionnaire_take_in,
)
from stuurknop.web.residents.views.rounds import rounds_context


def public_url(request: HttpRequest, questionnaire: Questionnaire) -> str:
    return request.build_absolute_uri(reverse("residents_form", args=[questionnaire.token]))


@project_role(Role.LEZER)
def residents_manage(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Everything about the project's questionnaire, for its members only."""
    questionnaire = questionnaire_of(project)
    extra: dict[str, Any] = {"questionnaire": questionnaire}
    if questionnaire is not None:
        # With rounds, the results are the latest round's; before rounds, every answer's.
        current = latest_round(questionnaire)
        answers = answers_of(questionnaire, current)
        summary = aggregate(load_model(project.model_version), answers)
        extra.update(
            current_round=current,
            public_url=public_url(request, questionnaire),
            summary=summary,
            scale=[label for value, label in score_labels() if value],
            item_rows=[_item_row(r) for r in summary.items],
            value_rows=[_scored_row(s) for s in summary.values],
            knob_rows=[_scored_row(s) for s in summary.knobs],
            taken_in=_taken_in(project),
            **rounds_context(load_model(project.model_version), questionnaire),
        )
    context = project_context(request, project, tab="perspectives", **extra)
    return render(request, "residents/manage.html", context)


def _item_row(result: ItemResult) -> dict[str, Any]:
    """One row of the results table: the counts from "heel belangrijk" down, and the average."""
    return {
        "label": result.item.label,
        "answered": result.answered,
        "counts": list(reversed(result.counts)),
        "average": result.average,
        "average_text": decimal(result.average, 1) if result.average is not None else "–",
    }


def _scored_row(scored: Scored) -> dict[str, Any]:
    return {
        "name": scored.name,
        "average_text": decimal(scored.average, 1),
        "reason": reason_text(scored.reason),
    }


def _taken_in(project: Project) -> dict[str, Any] | None:
    """The residents' input last taken into the project (date and respondents), if any."""
    if not project.resident_input:
        return None
    latest = max(project.resident_input, key=lambda r: str(r.get("date", "")))
    return {"date": dt.date.fromisoformat(latest["date"]), "respondents": latest["respondents"]}


def _action(
    done: Promise, act: Callable[[Questionnaire, AuthenticatedHttpRequest], object]
) -> Callable[..., HttpResponse]:
    """A beheerder's button: do ``act`` on the questionnaire, say ``done``, back to the page."""

    @require_POST
    @project_role(Role.BEHEERDER)
    def view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
        questionnaire = questionnaire_of(project)
        if questionnaire is None:
            raise Http404()
        try:
            act(questionnaire, request)
        except QuestionnaireError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(done))
        return redirect("residents_manage", project.pk)

    return view


@require_POST
@project_role(Role.BEHEERDER)
def residents_create(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    try:
        questionnaire_create(project=project, by=request.user)
    except QuestionnaireError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De vragenlijst is gemaakt en staat open."))
    return redirect("residents_manage", project.pk)


residents_open = _action(
    gettext_lazy("De vragenlijst staat open."),
    lambda q, request: questionnaire_open(questionnaire=q, by=request.user),
)
residents_close = _action(
    gettext_lazy("De vragenlijst is gesloten. Er kunnen geen antwoorden meer bij."),
    lambda q, request: questionnaire_close(questionnaire=q, by=request.user),
)
residents_new_link = _action(
    gettext_lazy("Er is een nieuwe link. De oude link en oude posters werken niet meer."),
    lambda q, request: questionnaire_new_link(questionnaire=q, by=request.user),
)
residents_take_in = _action(
    gettext_lazy("De antwoorden zijn verwerkt in het project; ze staan nu bij de perspectieven."),
    lambda q, request: questionnaire_take_in(questionnaire=q, by=request.user),
)


@project_role(Role.LEZER)
def residents_poster(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The A4 poster with the link and its QR code, as PDF."""
    questionnaire = questionnaire_of(project)
    if questionnaire is None:
        raise Http404()
    # Imported here: the typesetter is loaded only when a poster is asked for.
    from stuurknop.web.residents.poster import render_poster

    rendered = render_poster(project_name=project.name, url=public_url(request, questionnaire))
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response
