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
from stuurknop.gespreksmodel import Model, load_model
from stuurknop.gespreksmodel.library import InstrumentKind
from stuurknop.presentation.instruments import answer_word
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.text import clean_lines
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.perspectives import resident_input_add
from stuurknop.web.residents.models import (
    REMARK_MAX,
    HelpOrganise,
    Questionnaire,
    Response,
    Round,
)
from stuurknop.web.residents.selectors import answers_of, latest_round

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


require_beheerder = _require_beheerder  # the rounds' services check the same


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
    # With rounds, the latest round speaks for the residents; before rounds, every answer.
    answers = answers_of(questionnaire, latest_round(questionnaire))
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
    instrument_answers: Mapping[str, object] | None = None,
) -> Response:
    """Store one resident's answer: only while open, only what the questionnaire asks; while
    a round is open, the answer belongs to it with its answers to the round's instruments."""
    row = _locked(questionnaire)
    if not row.is_open or row.project.archived:
        raise QuestionnaireClosed(_("Deze vragenlijst is gesloten."))
    model = load_model(row.project.model_version)
    round_ = Round.objects.filter(questionnaire=row, is_open=True).first()
    asked = _instrument_answers(model, round_, instrument_answers or {})
    items = {item.id for item in model.questionnaire}
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
        round=round_,
        instrument_answers=asked,
        scores=clean,
        help_organise=help_organise,
        remark=remark.strip(),
        created_on=timezone.localdate(),
    )


def _instrument_answers(
    model: Model, round_: Round | None, given: Mapping[str, object]
) -> dict[str, object]:
    """Only the round's instruments, only their items and answers; an instrument left empty
    is left out (the resident skipped it)."""
    if round_ is None:
        return {}
    kept: dict[str, object] = {}
    for instrument_id in round_.instruments:
        instrument = model.instrument(instrument_id)
        answer = given.get(instrument_id)
        if instrument.kind is InstrumentKind.CIJFER:
            if answer is None or answer == "":
                continue
            if not isinstance(answer, int) or not instrument.lowest <= answer <= instrument.highest:
                raise QuestionnaireError(
                    _("Kies een cijfer van %(low)d tot en met %(high)d.")
                    % {"low": instrument.lowest, "high": instrument.highest}
                )
            kept[instrument_id] = answer
            continue
        if not isinstance(answer, Mapping):
            continue
        items = set(instrument.item_ids())
        chosen = {str(k): str(v) for k, v in answer.items() if k in items and v}
        if any(v not in instrument.answers for v in chosen.values()):
            words = [answer_word(model, instrument, a) for a in instrument.answers]
            raise QuestionnaireError(
                _("Kies bij elke uitspraak een van deze antwoorden: %(words)s.")
                % {"words": ", ".join(words)}
            )
        if chosen:
            kept[instrument_id] = chosen
    return kept
