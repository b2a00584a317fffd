"""Votes in a live session: one per participant and item (again replaces it), checked as
sent, limited per participant, and votes entered on behalf of someone without a phone."""

from __future__ import annotations

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
from stuurknop.web.live.limits import CLIENT_ID_MAX, RATE_VOTES, vote_window
from stuurknop.web.live.models import (
    REMARK_MAX,
    BehalfEntry,
    LiveSession,
    Participant,
    Vote,
)
from stuurknop.web.live.participants import clean_name, participant_join, party_at_table
from stuurknop.web.live.steps import Item, item_by_key, steps_for
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
        revision = bump(session)
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
