"""Votes in a live session: one per participant and item (again replaces it), checked as
sent, limited per participant, and votes entered on behalf of someone without a phone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from stuurknop.engine.votes import SCORES
from stuurknop.projectfile.text import clean_lines
from stuurknop.web.live.guards import (
    LiveError,
    bump,
    removed_error,
    require_beheerder,
)
from stuurknop.web.live.limits import CLIENT_ID_MAX, RATE_VOTES, vote_windows
from stuurknop.web.live.models import (
    REMARK_MAX,
    BehalfEntry,
    LiveSession,
    Participant,
)
from stuurknop.web.live.participants import clean_name, participant_join, party_at_table
from stuurknop.web.live.steps import Item, item_by_key, steps_for
from stuurknop.web.live.vote_rows import Row, votes_upsert
from stuurknop.web.projects.services.log import log_append


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


def _too_fast() -> LiveError:
    return LiveError("too_fast", _("U stemt te snel. Wacht even en probeer het opnieuw."))


@dataclass(frozen=True)
class Ballot:
    """One vote as a client sent it (any JSON values), not yet checked."""

    participant: Participant
    item: object
    score: object
    remark: object = ""
    client_id: object = ""


@dataclass(frozen=True)
class _Checked:
    position: int
    participant: Participant
    item: str
    score: int | None
    remark: str
    client_id: str


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
    ballot = Ballot(participant, item, score, remark, client_id)
    (outcome,) = votes_cast(session=participant.session, ballots=[ballot], entered_by=entered_by)
    if isinstance(outcome, LiveError):
        raise outcome
    return outcome


def votes_cast(
    *, session: LiveSession, ballots: Sequence[Ballot], entered_by: User | None = None
) -> list[CastVote | LiveError]:
    """Store (or replace) the votes of ``ballots``, participants of ``session``, in one
    transaction with one revision: per ballot, in order, its CastVote or why it was refused.

    Each ballot is checked and counted against its participant's limit on its own; the ones
    that pass are written together (one bump, one look for removed participants, one upsert).
    Two ballots of one participant on one item: the later one is stored, both are acked (the
    earlier one was replaced, as a revote replaces a vote). A closed session refuses them all.
    """
    outcomes: list[CastVote | LiveError | None] = [None] * len(ballots)
    passed: list[_Checked] = []
    for position, ballot in enumerate(ballots):
        try:
            passed.append(_checked(session, position, ballot))
        except LiveError as error:
            outcomes[position] = error
    if entered_by is None:  # each participant's limit, counted for the well-formed votes
        windows = vote_windows([vote.participant.pk for vote in passed])
        for vote, window in zip(passed, windows, strict=True):
            if window.count > RATE_VOTES:
                outcomes[vote.position] = _too_fast()
        passed = [vote for vote in passed if outcomes[vote.position] is None]
    if passed:
        try:
            with transaction.atomic():
                stored = _store(session, passed, entered_by)
        except LiveError as error:  # closed, or every one of them removed: nothing stored
            stored = {vote.position: error for vote in passed}
        for position, outcome in stored.items():
            outcomes[position] = outcome
    return [outcome for outcome in outcomes if outcome is not None]


def _checked(session: LiveSession, position: int, ballot: Ballot) -> _Checked:
    checked, value, text = _check(session, ballot.item, ballot.score, ballot.remark)
    ident = ballot.client_id if isinstance(ballot.client_id, str) else ""
    if len(ident) > CLIENT_ID_MAX:
        raise LiveError("bad_message", _("Dit bericht kan niet worden gelezen."), checked.key)
    return _Checked(position, ballot.participant, checked.key, value, text.strip(), ident)


def _store(
    session: LiveSession, passed: list[_Checked], entered_by: User | None
) -> dict[int, CastVote | LiveError]:
    """Write ``passed`` (inside the caller's transaction); per position what became of it."""
    # The UPDATE that bumps the revision also checks the session is open: its row lock orders
    # these votes against a concurrent close (services.py).
    revision = bump(session)
    # Re-read: a socket keeps its participant for hours, and may outlive a removal.
    present = set(
        Participant.objects.filter(
            pk__in={vote.participant.pk for vote in passed}, removed_at__isnull=True
        ).values_list("pk", flat=True)
    )
    outcomes: dict[int, CastVote | LiveError] = {}
    rows: dict[tuple[int, str], Row] = {}  # the last ballot per participant and item
    by = entered_by.pk if entered_by is not None else None
    for vote in passed:
        pk = vote.participant.pk
        if pk not in present:
            outcomes[vote.position] = removed_error()
            continue
        outcomes[vote.position] = CastVote(
            vote.item, vote.score, vote.remark, vote.client_id, revision
        )
        rows[(pk, vote.item)] = (pk, vote.item, vote.score, vote.remark, vote.client_id, by)
    if not rows:
        raise removed_error()  # rolls the bump back: nothing changed
    votes_upsert(list(rows.values()))
    if entered_by is not None:
        BehalfEntry.objects.bulk_create(
            BehalfEntry(
                session=session,
                participant=vote.participant,
                item=vote.item,
                score=vote.score,
                remark=vote.remark,
                by=entered_by,
            )
            for vote in passed
            if vote.participant.pk in present
        )
    return outcomes


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
    require_beheerder(by, session.project, editable=True)
    clean = clean_name(name)
    chosen = party_at_table(session, party)
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
