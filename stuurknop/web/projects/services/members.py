"""Who is in a project: invitations with an expiring link, roles, leaving."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.web.projects.errors import InvitationInvalid
from stuurknop.web.projects.models import Invitation, Project, ProjectMember
from stuurknop.web.projects.permissions import require_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import display_name, log_append, log_change
from stuurknop.web.projects.services.validation import party_by_key


def token_hash(token: str) -> str:
    """What is stored of an invitation token (the link itself is shown once, then forgotten)."""
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *,
    project: Project,
    by: User,
    email: str,
    role: Role | str,
    party: str | None = None,
    valid_days: int | None = None,
) -> tuple[Invitation, str]:
    """A beheerder invites someone (e.g. a colleague at a partner organisation) in a ``role``.

    Returns the invitation and its secret token, to be put in the link; only a hash is stored.
    ``party`` is the id of the party at the table the invitee will speak for.
    """
    require_role(by, project, Role.BEHEERDER)
    token = secrets.token_urlsafe(32)
    days = valid_days if valid_days is not None else settings.INVITATION_DAYS
    invitation = Invitation.objects.create(
        project=project,
        token_hash=token_hash(token),
        email=email.strip(),
        role=Role(role).value,
        party=party_by_key(project, party, field="party"),
        created_by=by,
        expires_at=timezone.now() + timedelta(days=days),
    )
    log_append(
        project=project,
        by=by,
        what=f"{invitation.email} uitgenodigd als {Role(role).value}",
    )
    return invitation, token


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> ProjectMember:
    """Make ``user`` a member through an invitation link; each link works once, until it expires.

    Someone who is already a member keeps the higher of the two roles.
    """
    invitation = Invitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
    if invitation is None:
        raise InvitationInvalid("unknown")
    if invitation.accepted_at is not None:
        raise InvitationInvalid("used")
    if invitation.expires_at <= timezone.now():
        raise InvitationInvalid("expired")
    # Claim the link with a conditional update, so that it is used once even under a race.
    claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=timezone.now(), accepted_by=user
    )
    if not claimed:
        raise InvitationInvalid("used")
    role = Role(invitation.role)
    member, created = ProjectMember.objects.get_or_create(
        project=invitation.project,
        user=user,
        defaults={"role": role.value, "party": invitation.party},
    )
    if not created and role.rank > Role(member.role).rank:
        member.role = role.value
        member.save(update_fields=["role"])
    log_append(
        project=invitation.project,
        by=user,
        what=f"{display_name(user)} doet mee als {member.role} (uitnodiging)",
    )
    return member


@transaction.atomic
def member_role_set(*, member: ProjectMember, by: User, role: Role | str) -> ProjectMember:
    """Give a member another role; a project always keeps at least one beheerder."""
    project = member.project
    require_role(by, project, Role.BEHEERDER)
    new = Role(role)
    if member.role == Role.BEHEERDER and new != Role.BEHEERDER:
        _keep_a_beheerder(project, member)
    old = {"role": member.role}
    ProjectMember.objects.filter(pk=member.pk).update(role=new.value)
    member.role = new.value
    log_change(
        project=project,
        by=by,
        what=f"Rol van {display_name(member.user)} gewijzigd",
        old=old,
        new={"role": new.value},
    )
    return member


@transaction.atomic
def member_remove(*, member: ProjectMember, by: User) -> None:
    """Remove someone from the project (a beheerder, or the member themselves)."""
    project = member.project
    if member.user_id != by.pk:
        require_role(by, project, Role.BEHEERDER)
    if member.role == Role.BEHEERDER:
        _keep_a_beheerder(project, member)
    member.delete()
    log_append(project=project, by=by, what=f"{display_name(member.user)} is geen lid meer")


def _keep_a_beheerder(project: Project, leaving: ProjectMember) -> None:
    # Lock the beheerders' rows so that two of them cannot demote each other at the same time.
    others = (
        ProjectMember.objects.select_for_update()
        .filter(project=project, role=Role.BEHEERDER)
        .exclude(pk=leaving.pk)
    )
    if not others.exists():
        raise PermissionDenied(_("Een project heeft altijd minstens één beheerder."))
