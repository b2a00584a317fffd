"""Writes of the residents' questionnaire: its life (make, open, close, new link), a resident's
answer, and taking the aggregated answers into the project as its residents' input.

Everything a beheerder does is checked here again (the role, an archived project) and written to
the project's log; a resident's answer is stored only while the questionnaire is open.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.engine.residents import aggregate, resident_input
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.text import clean_lines
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.perspectives import resident_input_add
from stuurknop.web.residents.models import REMARK_MAX, HelpOrganise, Questionnaire, Response
from stuurknop.web.residents.selectors import answers_of

TOKEN_BYTES = 24  # 32 URL-safe characters: not guessable, short enough for a poster


class QuestionnaireError(ValueError):
    """A request the questionnaire cannot honour; the message is Dutch, for the page."""


class QuestionnaireClosed(QuestionnaireError):
    """The questionnaire takes no answers now (closed, or its project is archived)."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _require_beheerder(by: User, project: Project, *, editing: bool = True) -> None:
    require_role(by, project, Role.BEHEERDER)
    if editing and project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def _locked(questionnaire: Questionnaire) -> Questionnaire:
    return Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)


@transaction.atomic
def questionnaire_create(*, project: Project, by: User) -> Questionnaire:
    """Make the project's questionnaire, open at once (one per project)."""
    _require_beheerder(by, project)
    if Questionnaire.objects.filter(project=project).exists():
        raise QuestionnaireError(_("Dit project heeft al een bewonersvragenlijst."))
    questionnaire = Questionnaire.objects.create(
        project=project, token=new_token(), is_open=True, opened_at=timezone.now(), opened_by=by
    )
    log_append(project=project, by=by, what="Bewonersvragenlijst gemaakt en geopend")
    return questionnaire


@transaction.atomic
def questionnaire_open(*, questionnaire: Questionnaire, by: User) -> Questionnaire:
    _require_beheerder(by, questionnaire.project)
    row = _locked(questionnaire)
    if not row.is_open:
        row.is_open, row.opened_at, row.opened_by = True, timezone.now(), by
        row.save(update_fields=["is_open", "opened_at", "opened_by"])
        log_append(project=row.project, by=by, what="Bewonersvragenlijst geopend")
    return row


@transaction.atomic
def questionnaire_close(*, questionnaire: Questionnaire, by: User) -> Questionnaire:
    """Close it; allowed on an archived project too (closing only protects)."""
    _require_beheerder(by, questionnaire.project, editing=False)
    row = _locked(questionnaire)
    if row.is_open:
        row.is_open, row.closed_at, row.closed_by = False, timezone.now(), by
        row.save(update_fields=["is_open", "closed_at", "closed_by"])
        log_append(project=row.project, by=by, what="Bewonersvragenlijst gesloten")
    return row


@transaction.atomic
def questionnaire_new_link(*, questionnaire: Questionnaire, by: User) -> Questionnaire:
    """A new public link; the old one stops working at once. The answers so far stay."""
    _require_beheerder(by, questionnaire.project)
    row = _locked(questionnaire)
    row.token = new_token()
    row.save(update_fields=["token"])
    log_append(
        project=row.project,
        by=by,
        what="Nieuwe link voor de bewonersvragenlijst; de oude link werkt niet meer",
    )
    return row


@transaction.atomic
def questionnaire_take_in(
    *, questionnaire: Questionnaire, by: User, today: dt.date | None = None
) -> doc.ResidentInput:
    """Aggregate every answer so far and append it to the project's residents' input."""
    project = questionnaire.project
    _require_beheerder(by, project)
    answers = answers_of(questionnaire)
    if not answers:
        raise QuestionnaireError(_("Er zijn nog geen antwoorden om te verwerken."))
    summary = aggregate(load_model(project.model_version), answers)
    record = resident_input(summary, today or timezone.localdate())
    resident_input_add(
        project=project,
        by=by,
        resident_input=record,
        what=f"Antwoorden van {record.respondents} bewoners verwerkt in het project",
    )
    return record


@transaction.atomic
def response_submit(
    *,
    questionnaire: Questionnaire,
    scores: Mapping[str, int],
    help_organise: str,
    remark: str,
) -> Response:
    """Store one resident's answer: only while open, only what the questionnaire asks."""
    row = _locked(questionnaire)
    if not row.is_open or row.project.archived:
        raise QuestionnaireClosed(_("Deze vragenlijst is gesloten."))
    items = {item.id for item in load_model(row.project.model_version).questionnaire}
    clean = {key: int(score) for key, score in scores.items() if key in items}
    if any(score not in (0, 1, 2, 3) for score in clean.values()):
        raise QuestionnaireError(_("Een antwoord kan alleen 0, 1, 2 of 3 zijn."))
    if help_organise not in ("", *HelpOrganise.values):
        raise QuestionnaireError(_("Kies ja, misschien of nee."))
    remark = clean_lines(remark)  # what text the product accepts (stuurknop.projectfile.text)
    if len(remark) > REMARK_MAX:
        raise QuestionnaireError(_("Uw opmerking is te lang."))
    return Response.objects.create(
        questionnaire=row,
        scores=clean,
        help_organise=help_organise,
        remark=remark.strip(),
        created_on=timezone.localdate(),
    )
