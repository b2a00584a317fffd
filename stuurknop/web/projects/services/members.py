"""Who is in a project: invitations with an expiring link, roles, leaving."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.accounts.services import membership_add
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


def invitation_by_token(token: str, *, for_update: bool = False) -> Invitation | None:
    """The invitation of a link's ``token``, usable or not; None for a token nobody made."""
    rows = Invitation.objects.select_related("project", "party", "created_by")
    if for_update:
        rows = rows.select_for_update(of=("self",))
    return rows.filter(token_hash=token_hash(token)).first()


def invitation_problem(invitation: Invitation) -> str | None:
    """Why ``invitation`` cannot be accepted (``used``, ``expired``), or None if it can."""
    if invitation.accepted_at is not None:
        return "used"
    if invitation.expires_at <= timezone.now():
        return "expired"
    return None


def invitation_for_token(token: str, *, for_update: bool = False) -> Invitation:
    """The open invitation of a link's ``token``; :class:`InvitationInvalid` says why not."""
    invitation = invitation_by_token(token, for_update=for_update)
    if invitation is None:
        raise InvitationInvalid("unknown")
    problem = invitation_problem(invitation)
    if problem is not None:
        raise InvitationInvalid(problem)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> ProjectMember:
    """Make ``user`` a member through an invitation link; each link works once, until it expires.

    Someone who is already a member keeps the higher of the two roles.
    """
    invitation = invitation_for_token(token, for_update=True)
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
        entity=LogEntity.MEMBER,
        key=display_name(member.user),
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


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    """Withdraw an invitation that nobody used yet: its link stops working at once."""
    project = invitation.project
    require_role(by, project, Role.BEHEERDER)
    deleted, _rows = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()
    if not deleted:
        raise InvitationInvalid("used")
    log_append(project=project, by=by, what=f"Uitnodiging van {invitation.email} ingetrokken")


@transaction.atomic
def invitation_signup(
    *,
    token: str,
    username: str,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
) -> ProjectMember:
    """Create an account through an invitation link and accept the invitation with it.

    The link is checked first, so a dead link creates no account. The new user joins the
    organisation of the party the invitation is for, when that party is an organisation here.
    Bad account data raises :class:`ValidationError` with errors per field (``username``,
    ``email``, ``password`` …), checked by Django's own user and password validators.
    """
    invitation = invitation_for_token(token, for_update=True)
    user = User(
        username=username.strip(),
        email=email.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    errors: dict[str, list[str]] = {}
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        errors.update({k: [str(m) for m in v] for k, v in exc.message_dict.items()})
    if not user.email:
        errors.setdefault("email", []).append(_("Vul je e-mailadres in."))
    try:
        validate_password(password, user)
    except ValidationError as exc:
        errors["password"] = [_password_message(e) for e in exc.error_list]
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():  # a savepoint: someone may take the name at the same time
            user.save()
    except IntegrityError:
        raise ValidationError(
            {"username": [_("Er bestaat al een account met deze gebruikersnaam.")]}
        ) from None
    if invitation.party is not None and invitation.party.organisation is not None:
        membership_add(user=user, organisation=invitation.party.organisation)
    return invitation_accept(token=token, user=user)


def _password_message(error: ValidationError) -> str:
    # Django 5.2's Dutch catalogue misses the new wording of this one message.
    if error.code == "password_too_short" and error.params:
        return _("Dit wachtwoord is te kort: gebruik minstens %(min_length)d tekens.") % {
            "min_length": error.params["min_length"]
        }
    return " ".join(error.messages)


def _keep_a_beheerder(project: Project, leaving: ProjectMember) -> None:
    # Lock the beheerders' rows so that two of them cannot demote each other at the same time.
    others = (
        ProjectMember.objects.select_for_update()
        .filter(project=project, role=Role.BEHEERDER)
        .exclude(pk=leaving.pk)
    )
    if not others.exists():
        raise PermissionDenied(_("Een project heeft altijd minstens één beheerder."))
