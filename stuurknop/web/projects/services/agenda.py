"""Putting a subject on the agenda from a page of the tool: a difference between the parties'
perspectives, a check that fires, an open point of the checklist.

The point goes to the chosen meeting, by default the next one (the first dated today or later,
else the first without a date); when there is none, a meeting "Volgend overleg" is made for it.
The point keeps where it came from (``origin``), the knob or value it concerns, and who brings
it in: the party the writer speaks for, if any. What the point says is taken from the page as
the server computes it now, never from the request.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.engine.divergence import divergence
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import capitalised
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.projectfile.schema import AgendaOrigin
from stuurknop.web.projects.models import AgendaPoint, Meeting, Project, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.selectors import scenario_analysis
from stuurknop.web.projects.services.meetings import meeting_create, point_add
from stuurknop.web.projects.services.perspectives import speaker_party, visible_document
from stuurknop.web.projects.services.validation import invalid, validate_project

NEXT_MEETING = "Volgend overleg"  # the title of a meeting made for a first point


def upcoming_meetings(project: Project, today: dt.date | None = None) -> list[Meeting]:
    """The meetings still to come, the next first: dated today or later, then undated ones."""
    today = today or timezone.localdate()
    return list(
        Meeting.objects.filter(project=project)
        .exclude(date__lt=today)
        .order_by(F("date").asc(nulls_last=True), "position", "id")
    )


def checklist_key(kind: str, knob: int | None, item: str | None) -> str:
    """How a form names one point of the checklist: its kind and what it is about."""
    return f"{kind}:{knob or ''}:{item or ''}"


@transaction.atomic
def agenda_point_add(
    *, project: Project, by: User, subject: str, key: str, meeting: str = ""
) -> AgendaPoint:
    """Put one difference of the divergence page on the agenda.

    ``subject`` is ``knob`` or ``value``, ``key`` the knob number or value id; only a
    difference the page shows now (the own views only once revealed) can be put on it.
    """
    require_editable(by, project)
    shown = visible_document(validate_project(project), revealed=project.perspectives_revealed)
    result = divergence(load_model(project.model_version), shown)
    item = next((i for i in result.largest if (i.subject, i.key) == (subject, key)), None)
    if item is None:
        raise invalid("key", _("dit verschil staat niet (meer) op de pagina met verschillen"))
    return _put(
        project,
        by,
        meeting,
        title=f"Verschil over {item.name}"[:200],
        explanation=capitalised(item.reason),
        origin=AgendaOrigin.VERSCHILLEN,
        knob=int(item.key) if item.subject == "knob" else None,
        value=item.key if item.subject == "value" else None,
    )


@transaction.atomic
def agenda_point_from_check(
    *, scenario: Scenario, by: User, check: str, meeting: str = ""
) -> AgendaPoint:
    """Put a check that fires in ``scenario`` on the agenda."""
    project = scenario.project
    require_editable(by, project)
    fired = next((c for c in scenario_analysis(project, scenario).checks if c.id == check), None)
    if fired is None:
        raise invalid("check", _("deze controle slaat niet (meer) aan"))
    findings = "\n".join(f"- {capitalised(r)}" for r in fired.reasons)
    return _put(
        project,
        by,
        meeting,
        title=fired.title[:200],
        explanation=f"{fired.message}\n{findings}".strip() + f"\n(Scenario {scenario.name})",
        origin=AgendaOrigin.CONTROLE,
        knob=fired.knobs[0] if fired.knobs else None,
    )


@transaction.atomic
def agenda_point_from_checklist(
    *, scenario: Scenario, by: User, item: str, meeting: str = ""
) -> AgendaPoint:
    """Put an open point of ``scenario``'s checklist on the agenda (``item``: its
    :func:`checklist_key`)."""
    project = scenario.project
    require_editable(by, project)
    found = next(
        (
            i
            for i in scenario_analysis(project, scenario).checklist.items
            if not i.done and checklist_key(i.kind.value, i.target.knob, i.target.item) == item
        ),
        None,
    )
    if found is None:
        raise invalid("item", _("dit punt van de checklist is niet (meer) open"))
    open_point = capitalised(found.open_point) if found.open_point else ""
    return _put(
        project,
        by,
        meeting,
        title=reason_text(found.label)[:200],
        explanation=f"{open_point}\n(Scenario {scenario.name})".strip(),
        origin=AgendaOrigin.CHECKLIST,
        knob=found.target.knob,
    )


def _put(
    project: Project,
    by: User,
    meeting_key: str,
    *,
    title: str,
    explanation: str,
    origin: AgendaOrigin,
    knob: int | None = None,
    value: str | None = None,
) -> AgendaPoint:
    meeting = _meeting(project, by, meeting_key)
    party = speaker_party(by, project)
    return point_add(
        meeting=meeting,
        by=by,
        title=title,
        explanation=explanation,
        origin=origin.value,
        knob=knob,
        value=value,
        brought_by=party.key if party else None,
    )


def _meeting(project: Project, by: User, key: str) -> Meeting:
    if key:
        chosen = Meeting.objects.filter(project=project, key=key).first()
        if chosen is None:
            raise invalid("meeting", _("dit overleg bestaat niet (meer)"))
        return chosen
    upcoming = upcoming_meetings(project)
    if upcoming:
        return upcoming[0]
    return meeting_create(project=project, by=by, title=NEXT_MEETING)
