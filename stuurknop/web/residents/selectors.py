"""Reads of the residents' questionnaire: by project, by public token, and its answers."""

from __future__ import annotations

from stuurknop.engine.residents import Answer
from stuurknop.web.projects.models import Project
from stuurknop.web.residents.models import Questionnaire, Response, Round


def questionnaire_of(project: Project) -> Questionnaire | None:
    return Questionnaire.objects.filter(project=project).first()


def questionnaire_by_token(token: str) -> Questionnaire | None:
    """The questionnaire behind a public link, with its project; None for an unknown link."""
    return Questionnaire.objects.select_related("project").filter(token=token).first()


def answers_of(questionnaire: Questionnaire, round_: Round | None = None) -> list[Answer]:
    """Every stored answer as the engine takes it; with ``round_`` that round's only."""
    found = Response.objects.filter(questionnaire=questionnaire)
    if round_ is not None:
        found = found.filter(round=round_)
    rows = found.values_list("scores", "help_organise", "remark")
    return [
        Answer(dict(scores or {}), help_organise, remark) for scores, help_organise, remark in rows
    ]


def response_count(questionnaire: Questionnaire) -> int:
    return Response.objects.filter(questionnaire=questionnaire).count()


def latest_round(questionnaire: Questionnaire) -> Round | None:
    """The round that speaks for the residents now: the latest started (None before rounds)."""
    return Round.objects.filter(questionnaire=questionnaire).last()
