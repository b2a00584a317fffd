"""Who takes part in a live session: joining with a name and a party, the token that
identifies a phone afterwards, and the facilitator removing someone."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.projectfile.text import clean_text
from stuurknop.web.live.codes import new_token, token_hash
from stuurknop.web.live.guards import (
    LiveError,
    bump,
    require_beheerder,
)
from stuurknop.web.live.models import (
    NAME_MAX,
    LiveSession,
    Participant,
)
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.services.log import log_append


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


def parties_at_table(project: Project) -> list[ProjectParty]:
    return list(project.parties.filter(at_table=True).order_by("position", "id"))


def clean_name(name: str) -> str:
    name = " ".join(clean_text(name).split())
    if not name:
        raise LiveError("bad_name", _("Vul uw naam in."), "name")
    if len(name) > NAME_MAX:
        raise LiveError(
            "bad_name", _("Een naam is hoogstens %(n)d tekens.") % {"n": NAME_MAX}, "name"
        )
    return name


def party_at_table(session: LiveSession, key: str) -> ProjectParty:
    party = ProjectParty.objects.filter(project=session.project, key=key, at_table=True).first()
    if party is None:
        raise LiveError("bad_party", _("Kies de partij namens wie u meedoet."), "party")
    return party


@transaction.atomic
def participant_join(
    *, session: LiveSession, name: str, party: str, on_behalf_by: User | None = None
) -> tuple[Participant, str]:
    """A new participant and the token that identifies them from now on (kept only hashed)."""
    clean = clean_name(name)
    chosen = party_at_table(session, party)
    bump(session)
    token = new_token()
    participant = Participant.objects.create(
        session=session,
        name=clean,
        party=chosen,
        token_hash=token_hash(token),
        on_behalf_by=on_behalf_by,
    )
    return participant, token


@transaction.atomic
def participant_remove(*, session: LiveSession, by: User, participant_id: int) -> Participant:
    """Take a participant out of an open session: their token stops working and their votes
    no longer count (they stay in the database, unused, until the session is deleted)."""
    require_beheerder(by, session.project, editable=True)
    participant = (
        Participant.objects.select_for_update()
        .select_related("party")
        .filter(pk=participant_id, session=session, removed_at__isnull=True)
        .first()
    )
    if participant is None:
        raise LiveError("unknown_participant", _("Deze deelnemer doet niet (meer) mee."))
    bump(session)  # refused once the session is closed: its results are stored by then
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
