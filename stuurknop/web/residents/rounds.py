"""Rounds of the residents' questionnaire: start one, close it, and what a round measured.

A round is a period of the public questionnaire: a baseline and later rounds ask the same
items, each optionally with validated instruments of the model (the loneliness scale, a report
mark). Starting a round opens the questionnaire; answers given while it is open belong to it.
Closing it closes the questionnaire and, on a project that is not archived, takes the round
into the project in the same transaction: its aggregated answers and instrument results as a
residents' input record (with the round's name), and for every indicator of the project picked
from the model's library and measured by one of the round's instruments, a measurement (origin:
a residents' round). Anonymous as the questionnaire: a round only holds counts and means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stuurknop.engine.instruments import (
    RoundResult,
    indicator_value,
    mark_round,
    scale_round,
)
from stuurknop.engine.residents import Answer, aggregate, resident_input
from stuurknop.gespreksmodel import Model, load_model
from stuurknop.gespreksmodel.library import Instrument, InstrumentKind
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.text import clean_text
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.perspectives import resident_input_add
from stuurknop.web.residents.models import ROUND_NAME_MAX, Questionnaire, Response, Round
from stuurknop.web.residents.services import QuestionnaireError, require_beheerder

MAX_ROUNDS = 40


@dataclass(frozen=True)
class InstrumentOutcome:
    instrument: Instrument
    result: RoundResult


def open_round(questionnaire: Questionnaire) -> Round | None:
    return Round.objects.filter(questionnaire=questionnaire, is_open=True).first()


def rounds_of(questionnaire: Questionnaire) -> list[Round]:
    return list(Round.objects.filter(questionnaire=questionnaire))


def round_answers(round_: Round) -> list[Answer]:
    rows = Response.objects.filter(round=round_).values_list("scores", "help_organise", "remark")
    return [Answer(dict(s or {}), h, r) for s, h, r in rows]


def round_outcomes(model: Model, round_: Round) -> list[InstrumentOutcome]:
    """Each instrument of the round over its answers, scored by the engine."""
    answers = [
        dict(a or {})
        for a in Response.objects.filter(round=round_).values_list("instrument_answers", flat=True)
    ]
    outcomes = []
    for instrument_id in round_.instruments:
        instrument = model.instrument(instrument_id)
        given = [a[instrument_id] for a in answers if instrument_id in a]
        if instrument.kind is InstrumentKind.SCHAAL:
            result = scale_round(instrument, [g for g in given if isinstance(g, dict)])
        else:
            result = mark_round(instrument, [g if isinstance(g, int) else None for g in given])
        outcomes.append(InstrumentOutcome(instrument, result))
    return outcomes


def instrument_result(outcome: InstrumentOutcome) -> doc.InstrumentResult:
    """The project file's record of one instrument over a round."""
    result = outcome.result
    return doc.InstrumentResult(
        instrument=result.instrument,
        respondents=result.respondents,
        scored=result.scored,
        mean=result.mean,
        categories=dict(result.categories),
    )


def _clean_name(name: str) -> str:
    name = clean_text(name).strip()
    if not name:
        raise QuestionnaireError(_("Geef de ronde een naam, bijvoorbeeld 'Nulmeting'."))
    if len(name) > ROUND_NAME_MAX:
        raise QuestionnaireError(
            _("De naam van de ronde is te lang (hoogstens %(n)d tekens).") % {"n": ROUND_NAME_MAX}
        )
    return name


@transaction.atomic
def round_start(
    *,
    questionnaire: Questionnaire,
    by: User,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date | None,
    instruments: Sequence[str],
) -> Round:
    """Start a round (the questionnaire opens); refused while another round is open."""
    project = questionnaire.project
    require_beheerder(by, project)
    row = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    name = _clean_name(name)
    if open_round(row) is not None:
        raise QuestionnaireError(_("Er loopt al een ronde. Sluit die eerst."))
    if Round.objects.filter(questionnaire=row).count() >= MAX_ROUNDS:
        raise QuestionnaireError(_("Deze vragenlijst heeft al het grootste aantal rondes."))
    if Round.objects.filter(questionnaire=row, name=name).exists():
        raise QuestionnaireError(_("Er is al een ronde met deze naam."))
    if ends_on is not None and ends_on < starts_on:
        raise QuestionnaireError(_("De einddatum ligt voor de begindatum."))
    known = {i.id for i in load_model(project.model_version).instruments}
    chosen = list(dict.fromkeys(instruments))
    if any(i not in known for i in chosen):
        raise QuestionnaireError(_("Kies alleen vragenlijsten uit het model."))
    round_ = Round.objects.create(
        questionnaire=row, name=name, starts_on=starts_on, ends_on=ends_on, instruments=chosen
    )
    if not row.is_open:
        row.is_open, row.opened_at, row.opened_by = True, timezone.now(), by
        row.save(update_fields=["is_open", "opened_at", "opened_by"])
    log_append(project=project, by=by, what=f"Bewonersronde '{name}' gestart")
    return round_


@transaction.atomic
def round_close(
    *, round_: Round, by: User, today: dt.date | None = None
) -> doc.ResidentInput | None:
    """Close the round and the questionnaire; take the round into the project (see the module
    docstring). Returns the residents' input record, or None when nothing was taken in (an
    archived project, or a round without answers)."""
    project = round_.questionnaire.project
    require_beheerder(by, project, editing=False)
    row = Round.objects.select_for_update().select_related("questionnaire").get(pk=round_.pk)
    if not row.is_open:
        raise QuestionnaireError(_("Deze ronde is al gesloten."))
    day = today or timezone.localdate()
    row.is_open, row.closed_on = False, day
    row.save(update_fields=["is_open", "closed_on"])
    questionnaire = Questionnaire.objects.select_for_update().get(pk=row.questionnaire_id)
    if questionnaire.is_open:
        questionnaire.is_open, questionnaire.closed_at = False, timezone.now()
        questionnaire.closed_by = by
        questionnaire.save(update_fields=["is_open", "closed_at", "closed_by"])
    log_append(project=project, by=by, what=f"Bewonersronde '{row.name}' gesloten")
    answers = round_answers(row)
    if project.archived or not answers:
        return None
    model = load_model(project.model_version)
    outcomes = round_outcomes(model, row)
    record = resident_input(aggregate(model, answers), day).model_copy(
        update={
            "round": row.name,
            "round_start": row.starts_on,
            "instruments": [instrument_result(o) for o in outcomes],
        }
    )
    resident_input_add(
        project=project,
        by=by,
        resident_input=record,
        what=f"Bewonersronde '{row.name}' verwerkt: antwoorden van {record.respondents} bewoners",
    )
    _measure(project=project, by=by, model=model, round_=row, day=day, outcomes=outcomes)
    return record


def round_measurements(
    model: Model, evidence: Sequence[Mapping[str, Any]], outcomes: Sequence[InstrumentOutcome]
) -> list[tuple[str, Decimal, RoundResult]]:
    """(indicator id, value, the instrument's result) for each indicator of a scenario's
    evidence that was picked from the library and is measured by one of the round's
    instruments."""
    found = []
    for plan in evidence:
        for indicator in plan.get("indicators", []):
            library_id = indicator.get("library")
            if not library_id or library_id not in {i.id for i in model.indicators}:
                continue
            picked = model.indicator(library_id)
            for outcome in outcomes:
                value = indicator_value(picked, outcome.result)
                if value is not None:
                    found.append((str(indicator["id"]), value[0], outcome.result))
    return found


def _measure(
    *,
    project: Project,
    by: User,
    model: Model,
    round_: Round,
    day: dt.date,
    outcomes: Sequence[InstrumentOutcome],
) -> int:
    """Add the round's figures as measurements of the project's indicators; how many."""
    # Imported here: the evidence services are the monitoring's own (engineer B's) module.
    from stuurknop.projectfile.evidence import MeasurementSource
    from stuurknop.web.projects.services.evidence import measurements_add

    added = 0
    for scenario in project.scenarios.all():
        found = round_measurements(model, scenario.evidence, outcomes)
        if not found:
            continue
        rows = []
        for indicator_id, value, result in found:
            note = ngettext(
                "%(round)s: bewonersronde (%(n)d bewoner met een score)",
                "%(round)s: bewonersronde (%(n)d bewoners met een score)",
                result.scored,
            ) % {"round": round_.name, "n": result.scored}
            rows.append((indicator_id, {"date": day, "value": value, "note": note}))
        added += measurements_add(
            scenario=scenario,
            by=by,
            expected_version=scenario.version,
            rows=rows,
            origin=MeasurementSource.BEWONERSRONDE,
        )
    return added
