"""The facilitator's writes of a live session: start, move to a step, reveal, close (and the
perspectives a closed session leaves behind)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.engine.votes import party_score
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.text import clean_text
from stuurknop.web.live.codes import new_code
from stuurknop.web.live.guards import LiveError, bump, closed_error, require_beheerder
from stuurknop.web.live.models import (
    LiveSession,
    Vote,
)
from stuurknop.web.live.steps import item_by_key, step_by_key, steps_for
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.perspectives import perspectives_add


@transaction.atomic
def session_start(*, project: Project, by: User, name: str) -> LiveSession:
    """Open a session on ``project`` with a fresh join code; the first step is the values."""
    require_beheerder(by, project, editable=True)
    name = clean_text(name).strip()
    if not name:
        raise LiveError("bad_name", _("Geef de sessie een naam."), "name")
    if len(name) > 120:
        raise LiveError("bad_name", _("Een naam is hoogstens 120 tekens."), "name")
    first = steps_for(project.model_version)[0].key
    for _attempt in range(20):
        try:
            with transaction.atomic():  # a taken code rolls back this savepoint only
                session = LiveSession.objects.create(
                    project=project, name=name, code=new_code(), step=first, created_by=by
                )
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - 20 collisions among ~890 million codes
        raise LiveError("no_code", _("Er kon geen vrije code worden gemaakt; probeer het opnieuw."))
    log_append(
        project=project,
        by=by,
        what=f"Live sessie gestart: {name}",
    )
    return session


@transaction.atomic
def session_move(
    *, session: LiveSession, by: User, action: str, step: str | None = None
) -> LiveSession:
    """Go to the ``next`` or ``previous`` step, or ``goto`` step ``step``."""
    require_beheerder(by, session.project)
    steps = steps_for(session.project.model_version)
    keys = [s.key for s in steps]
    here = keys.index(session.step) if session.step in keys else 0
    if action == "next":
        target = keys[min(here + 1, len(keys) - 1)]
    elif action == "previous":
        target = keys[max(here - 1, 0)]
    elif action == "goto" and step in keys:
        target = step
    else:
        raise LiveError("bad_step", _("Die stap bestaat niet."), "step")
    bump(session, step=target, breakdown="")  # a new step starts without the breakdown
    return session


@transaction.atomic
def session_reveal(*, session: LiveSession, by: User, revealed: bool = True) -> LiveSession:
    """Show (or hide again) the results of the current step."""
    require_beheerder(by, session.project)
    shown = [key for key in session.revealed if key != session.step]
    if revealed:
        shown.append(session.step)
    bump(session, revealed=shown, breakdown="")  # hiding hides the breakdown too
    return session


@transaction.atomic
def session_breakdown(*, session: LiveSession, by: User, shown: bool = True) -> LiveSession:
    """Show (or hide) the current step's results per party on the beamer: refused until the
    step is revealed, so that nobody sees a party's votes before everyone's."""
    require_beheerder(by, session.project)
    row = LiveSession.objects.select_for_update().get(pk=session.pk)
    if row.closed_at is not None:
        raise closed_error()
    if not shown:
        bump(session, breakdown="")
        return session
    if row.step not in row.revealed:
        raise LiveError(
            "not_revealed",
            _("Toon eerst de uitslag van deze stap. Daarna kunt u de uitslag per partij tonen."),
        )
    step = step_by_key(steps_for(session.project.model_version), row.step)
    if step is None or not any(item.scored for item in step.items):
        raise LiveError("no_scores", _("Deze stap heeft geen cijfers om per partij te tonen."))
    bump(session, breakdown=row.step)
    return session


def open_session(code: str) -> LiveSession | None:
    """The open session with join code ``code``, if any."""
    return LiveSession.objects.select_related("project").filter(code=code, closed_at=None).first()


@transaction.atomic
def session_close(*, session: LiveSession, by: User) -> list[doc.Perspective]:
    """Close the session (its code dies) and store its results as perspectives, per party."""
    require_beheerder(by, session.project, editable=True)
    row = LiveSession.objects.select_for_update().get(pk=session.pk)
    if row.closed_at is not None:
        raise closed_error()
    perspectives = session_perspectives(row, timezone.localdate())
    now = timezone.now()
    LiveSession.objects.filter(pk=row.pk).update(
        closed_at=now, closed_by=by, revision=F("revision") + 1
    )
    session.closed_at = now
    session.closed_by = by
    if perspectives:
        perspectives_add(
            project=session.project,
            by=by,
            perspectives=perspectives,
            what=f"Live sessie gesloten: {row.name}; resultaten opgeslagen als perspectieven",
        )
    else:
        log_append(project=session.project, by=by, what=f"Live sessie gesloten: {row.name}")
    return perspectives


def session_perspectives(session: LiveSession, date: dt.date) -> list[doc.Perspective]:
    """One perspective per party that voted: the median per item of its participants' scores
    (rounded half up), their remarks as lines, ``namens`` if the facilitator entered them all."""
    steps = steps_for(session.project.model_version)
    votes = (
        Vote.objects.filter(participant__session=session, participant__removed_at__isnull=True)
        .select_related("participant__party")
        .order_by("participant__joined_at", "participant_id", "id")
    )
    scores: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    remarks: dict[int, list[str]] = defaultdict(list)
    behalf: dict[int, bool] = {}
    parties: dict[int, ProjectParty] = {}
    for vote in votes:
        party = vote.participant.party
        parties[party.pk] = party
        behalf[party.pk] = behalf.get(party.pk, True) and vote.entered_by_id is not None
        if vote.score is not None:
            scores[party.pk][vote.item].append(vote.score)
        if vote.remark:
            voted = item_by_key(steps, vote.item)
            where = "" if voted is None or voted.kind == "remarks" else f" ({_where(vote.item)})"
            remarks[party.pk].append(f"{vote.participant.name}{where}: {vote.remark}")
    result = []
    for pk, party in parties.items():
        knobs: dict[int, int] = {}
        values: dict[str, int] = {}
        for item, item_scores in scores[pk].items():
            score = party_score(item_scores)
            if score is None:
                continue
            if item.startswith("knob-"):
                knobs[int(item.removeprefix("knob-"))] = score
            elif item.startswith("value-"):
                values[item.removeprefix("value-")] = score
        result.append(
            doc.Perspective(
                party=party.key,
                date=date,
                origin=doc.PerspectiveOrigin.NAMENS if behalf[pk] else doc.PerspectiveOrigin.SESSIE,
                session=session.name,
                knobs=knobs,
                values=values,
                remarks="\n".join(remarks[pk])[:20_000],
            )
        )
    return result


def _where(item: str) -> str:
    """Where a remark was made, in the log's Dutch: "knop 4"."""
    return f"knop {item.removeprefix('knob-')}" if item.startswith("knob-") else item
