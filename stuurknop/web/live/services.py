"""Writes of a live session: start, step, reveal, join, vote, vote on someone's behalf, remove
a participant, close.

Every vote bumps the session's ``revision`` with one UPDATE that also checks the session is
still open: that row lock orders votes against a concurrent close (PostgreSQL), so a vote is
either stored before the close reads the votes, or refused as "closed" — never lost silently.
Broadcasting to the sockets is not done here: the callers (views, consumers) announce a change
after the transaction committed (see ``broadcast.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.engine.votes import SCORES, party_score
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.text import clean_lines, clean_text
from stuurknop.web.live.codes import new_code, new_token, token_hash
from stuurknop.web.live.limits import CLIENT_ID_MAX, RATE_VOTES, vote_window
from stuurknop.web.live.models import (
    NAME_MAX,
    REMARK_MAX,
    BehalfEntry,
    LiveSession,
    Participant,
    Vote,
)
from stuurknop.web.live.steps import Item, item_by_key, steps_for
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import log_append
from stuurknop.web.projects.services.perspectives import perspectives_add


class LiveError(Exception):
    """A refused action, with a code for scripts (PROTOCOL.md) and a Dutch message."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def closed_error() -> LiveError:
    return LiveError("closed", _("Deze sessie is gesloten. Stemmen kan niet meer."))


def _require_beheerder(by: User, project: Project, *, editable: bool = False) -> None:
    require_role(by, project, Role.BEHEERDER)
    if editable and project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def _bump(session: LiveSession, **changes: object) -> int:
    """Count a change of an open session; its new revision. Refused once it is closed."""
    updated = LiveSession.objects.filter(pk=session.pk, closed_at__isnull=True).update(
        revision=F("revision") + 1, **changes
    )
    if not updated:
        raise closed_error()
    revision = LiveSession.objects.values_list("revision", flat=True).get(pk=session.pk)
    session.revision = revision
    for name, value in changes.items():
        setattr(session, name, value)
    return revision


# --- The facilitator ---------------------------------------------------------------------


@transaction.atomic
def session_start(*, project: Project, by: User, name: str) -> LiveSession:
    """Open a session on ``project`` with a fresh join code; the first step is the values."""
    _require_beheerder(by, project, editable=True)
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
    _require_beheerder(by, session.project)
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
    _bump(session, step=target)
    return session


@transaction.atomic
def session_reveal(*, session: LiveSession, by: User, revealed: bool = True) -> LiveSession:
    """Show (or hide again) the results of the current step."""
    _require_beheerder(by, session.project)
    shown = [key for key in session.revealed if key != session.step]
    if revealed:
        shown.append(session.step)
    _bump(session, revealed=shown)
    return session


# --- Participants -------------------------------------------------------------------------


def open_session(code: str) -> LiveSession | None:
    """The open session with join code ``code``, if any."""
    return LiveSession.objects.select_related("project").filter(code=code, closed_at=None).first()


def participant_by_token(session: LiveSession, token: str | None) -> Participant | None:
    """The participant of ``session`` holding ``token``; None for a removed one."""
    if not token or len(token) > 200:
        return None
    found = (
        Participant.objects.select_related("party")
        .filter(session=session, token_hash=token_hash(token), removed_at__isnull=True)
        .first()
    )
    if found is not None:
        found.session = session  # every vote reads it: no query per vote
    return found


def was_removed(session: LiveSession, token: str | None) -> bool:
    """Whether ``token`` belonged to a participant of ``session`` the facilitator removed."""
    if not token or len(token) > 200:
        return False
    return Participant.objects.filter(
        session=session, token_hash=token_hash(token), removed_at__isnull=False
    ).exists()


def removed_error() -> LiveError:
    return LiveError(
        "removed",
        _(
            "De gespreksleider heeft u uit deze sessie gehaald. Uw stemmen tellen niet mee. "
            "Denkt u dat dit een vergissing is? Zeg het tegen de gespreksleider."
        ),
    )


def parties_at_table(project: Project) -> list[ProjectParty]:
    return list(project.parties.filter(at_table=True).order_by("position", "id"))


def _clean_name(name: str) -> str:
    name = " ".join(clean_text(name).split())
    if not name:
        raise LiveError("bad_name", _("Vul uw naam in."), "name")
    if len(name) > NAME_MAX:
        raise LiveError(
            "bad_name", _("Een naam is hoogstens %(n)d tekens.") % {"n": NAME_MAX}, "name"
        )
    return name


def _party(session: LiveSession, key: str) -> ProjectParty:
    party = ProjectParty.objects.filter(project=session.project, key=key, at_table=True).first()
    if party is None:
        raise LiveError("bad_party", _("Kies de partij namens wie u meedoet."), "party")
    return party


@transaction.atomic
def participant_join(
    *, session: LiveSession, name: str, party: str, on_behalf_by: User | None = None
) -> tuple[Participant, str]:
    """A new participant and the token that identifies them from now on (kept only hashed)."""
    clean = _clean_name(name)
    chosen = _party(session, party)
    _bump(session)
    token = new_token()
    participant = Participant.objects.create(
        session=session,
        name=clean,
        party=chosen,
        token_hash=token_hash(token),
        on_behalf_by=on_behalf_by,
    )
    return participant, token


@dataclass(frozen=True)
class CastVote:
    item: str
    score: int | None
    remark: str
    client_id: str
    revision: int


def _check(
    session: LiveSession, item_key: object, score: object, remark: object
) -> tuple[Item, int | None, str]:
    """The item, the score and the remark of a vote as a client sent them (any JSON value),
    checked; anything else is refused with a LiveError, never another exception."""
    if item_key is None:
        raise LiveError("unknown_item", _("Dit bericht zegt niet over welke vraag het gaat."))
    if not isinstance(item_key, str):
        raise LiveError("unknown_item", _("Deze vraag hoort niet bij deze sessie."))
    item = item_by_key(steps_for(session.project.model_version), item_key)
    if item is None:
        raise LiveError("unknown_item", _("Deze vraag hoort niet bij deze sessie."), item_key)
    if remark is None:  # JSON's null: no remark
        remark = ""
    if not isinstance(remark, str):
        raise LiveError("bad_remark", _("Een opmerking moet tekst zijn."), item_key)
    remark = clean_lines(remark)  # what text the product accepts (stuurknop.projectfile.text)
    if len(remark) > REMARK_MAX:
        raise LiveError(
            "remark_too_long",
            _("Een opmerking is hoogstens %(n)d tekens.") % {"n": REMARK_MAX},
            item_key,
        )
    if not item.scored:
        if score is not None:
            raise LiveError("bad_score", _("Bij deze vraag hoort geen score."), item_key)
        if not remark.strip():
            raise LiveError("bad_score", _("Schrijf eerst iets op."), item_key)
        return item, None, remark
    return item, _score(score, item_key), remark


def _score(score: object, item_key: str) -> int:
    """A score of 0–3. A whole number sent as a float (``2.0``, as some JSON writers do) is
    taken as that number; a boolean is not a score, although Python counts True as 1."""
    if isinstance(score, float) and score.is_integer():  # NaN and infinity are not
        score = int(score)
    if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
        raise LiveError(
            "bad_score",
            _("Kies een van de antwoorden (een heel getal van %(low)d tot en met %(high)d).")
            % {"low": SCORES[0], "high": SCORES[-1]},
            item_key,
        )
    return score


def _rate_limit(participant: Participant) -> None:
    if vote_window(participant.pk).count > RATE_VOTES:
        raise LiveError("too_fast", _("U stemt te snel. Wacht even en probeer het opnieuw."))


def vote_cast(
    *,
    participant: Participant,
    item: object,
    score: object,
    remark: object = "",
    client_id: object = "",
    entered_by: User | None = None,
) -> CastVote:
    """Store (or replace) ``participant``'s vote on ``item``; refused with a LiveError."""
    session = participant.session
    checked, value, text = _check(session, item, score, remark)
    text = text.strip()
    ident = client_id if isinstance(client_id, str) else ""
    if len(ident) > CLIENT_ID_MAX:
        raise LiveError("bad_message", _("Dit bericht kan niet worden gelezen."), checked.key)
    if entered_by is None:
        _rate_limit(participant)
    with transaction.atomic():
        revision = _bump(session)
        # Re-read: a socket keeps its participant for hours, and may outlive a removal.
        if not Participant.objects.filter(pk=participant.pk, removed_at__isnull=True).exists():
            raise removed_error()
        Vote.objects.update_or_create(
            participant=participant,
            item=checked.key,
            defaults={
                "score": value,
                "remark": text,
                "client_id": ident,
                "entered_by": entered_by,
            },
        )
        if entered_by is not None:
            BehalfEntry.objects.create(
                session=session,
                participant=participant,
                item=checked.key,
                score=value,
                remark=text,
                by=entered_by,
            )
    return CastVote(checked.key, value, text, ident, revision)


@transaction.atomic
def votes_on_behalf(
    *,
    session: LiveSession,
    by: User,
    name: str,
    party: str,
    votes: dict[str, tuple[int | None, str]],
) -> Participant:
    """The facilitator enters the view of someone without a phone (a new participant each
    time a new name is given; the same name and party again changes that person's votes)."""
    _require_beheerder(by, session.project, editable=True)
    clean = _clean_name(name)
    chosen = _party(session, party)
    participant = Participant.objects.filter(
        session=session,
        name=clean,
        party=chosen,
        on_behalf_by__isnull=False,
        removed_at__isnull=True,
    ).first()
    if participant is None:
        participant, _token = participant_join(
            session=session, name=clean, party=party, on_behalf_by=by
        )
    participant.session = session
    for item, (score, remark) in votes.items():
        vote_cast(participant=participant, item=item, score=score, remark=remark, entered_by=by)
    log_append(
        project=session.project,
        by=by,
        what=f"Live sessie {session.name}: stem ingevoerd namens {clean} ({chosen.name})",
    )
    return participant


@transaction.atomic
def participant_remove(*, session: LiveSession, by: User, participant_id: int) -> Participant:
    """Take a participant out of an open session: their token stops working and their votes
    no longer count (they stay in the database, unused, until the session is deleted)."""
    _require_beheerder(by, session.project, editable=True)
    participant = (
        Participant.objects.select_for_update()
        .select_related("party")
        .filter(pk=participant_id, session=session, removed_at__isnull=True)
        .first()
    )
    if participant is None:
        raise LiveError("unknown_participant", _("Deze deelnemer doet niet (meer) mee."))
    _bump(session)  # refused once the session is closed: its results are stored by then
    participant.removed_at = timezone.now()
    participant.removed_by = by
    participant.save(update_fields=["removed_at", "removed_by"])
    log_append(
        project=session.project,
        by=by,
        what=(
            f"Live sessie {session.name}: deelnemer verwijderd: "
            f"{participant.name} ({participant.party.name})"
        ),
    )
    return participant


# --- Closing ------------------------------------------------------------------------------


@transaction.atomic
def session_close(*, session: LiveSession, by: User) -> list[doc.Perspective]:
    """Close the session (its code dies) and store its results as perspectives, per party."""
    _require_beheerder(by, session.project, editable=True)
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


__all__ = [
    "CastVote",
    "LiveError",
    "open_session",
    "participant_by_token",
    "participant_join",
    "participant_remove",
    "parties_at_table",
    "session_close",
    "session_move",
    "session_perspectives",
    "session_reveal",
    "session_start",
    "vote_cast",
    "votes_on_behalf",
    "was_removed",
]
