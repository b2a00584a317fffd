"""Inviting a colleague of a partner organisation with an expiring link; roles and leaving."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from stuurknop.web.projects.errors import InvitationInvalid
from stuurknop.web.projects.models import Invitation, Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import (
    invitation_accept,
    invitation_create,
    member_remove,
    member_role_set,
)
from stuurknop.web.projects.services.members import token_hash
from tests.web.logged import changed

if TYPE_CHECKING:
    from tests.web.conftest import People


def test_a_beheerder_invites_and_the_link_makes_a_member_for_a_party(
    project: Project, people: People
) -> None:

    _invitation, token = invitation_create(
        project=project,
        by=people.anna,
        email="olaf@elders.nl",
        role=Role.BEWERKER,
        party="gemeente",
    )
    member = invitation_accept(token=token, user=people.olaf)
    assert (member.user, member.role, member.party.key) == (people.olaf, "bewerker", "gemeente")
    whats = list(project.log_entries.values_list("what", flat=True))
    assert whats[-2:] == [
        "olaf@elders.nl uitgenodigd als bewerker",
        "Olaf doet mee als bewerker (uitnodiging)",
    ]


def test_an_invitation_expires_after_the_configured_days(project: Project, people: People) -> None:
    invitation, _token = invitation_create(
        project=project, by=people.anna, email="olaf@elders.nl", role=Role.LEZER
    )
    assert (
        timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)
    )


def test_an_expired_invitation_is_rejected(project: Project, people: People) -> None:
    invitation, token = invitation_create(
        project=project, by=people.anna, email="olaf@elders.nl", role=Role.LEZER
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(InvitationInvalid) as invalid:
        invitation_accept(token=token, user=people.olaf)
    assert invalid.value.reason == "expired"
    assert "verlopen" in str(invalid.value)
    assert not ProjectMember.objects.filter(project=project, user=people.olaf).exists()


def test_an_invitation_works_only_once(project: Project, people: People) -> None:
    _invitation, token = invitation_create(
        project=project, by=people.anna, email="olaf@elders.nl", role=Role.LEZER
    )
    invitation_accept(token=token, user=people.olaf)
    with pytest.raises(InvitationInvalid) as invalid:
        invitation_accept(token=token, user=people.olaf)
    assert invalid.value.reason == "used"


def test_an_unknown_token_is_rejected(db: None) -> None:
    with pytest.raises(InvitationInvalid) as invalid:
        invitation_accept(token="made-up", user=None)  # type: ignore[arg-type]
    assert invalid.value.reason == "unknown"


def test_only_a_hash_of_the_token_is_stored(project: Project, people: People) -> None:
    invitation, token = invitation_create(
        project=project, by=people.anna, email="olaf@elders.nl", role=Role.LEZER
    )
    assert len(token) >= 40
    stored = Invitation.objects.get(pk=invitation.pk)
    assert stored.token_hash == token_hash(token)
    assert token not in stored.token_hash


def test_a_bewerker_cannot_invite(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        invitation_create(project=project, by=people.bram, email="x@y.nl", role=Role.LEZER)
    assert not Invitation.objects.exists()


def test_an_outsider_cannot_invite_and_learns_nothing(project: Project, people: People) -> None:
    with pytest.raises(Http404):
        invitation_create(project=project, by=people.olaf, email="x@y.nl", role=Role.BEHEERDER)


def test_accepting_an_invitation_never_lowers_a_role(project: Project, people: People) -> None:
    _invitation, token = invitation_create(
        project=project, by=people.anna, email="bram@zorg.nl", role=Role.LEZER
    )
    member = invitation_accept(token=token, user=people.bram)
    assert member.role == "bewerker"


def test_a_beheerder_changes_roles_and_it_is_logged(project: Project, people: People) -> None:
    member = ProjectMember.objects.get(project=project, user=people.carla)
    member_role_set(member=member, by=people.anna, role=Role.BEWERKER)
    assert ProjectMember.objects.get(pk=member.pk).role == "bewerker"
    entry = project.log_entries.last()
    assert entry.what == "Rol van Carla gewijzigd"
    assert changed(entry) == {"role": ("lezer", "bewerker")}


def test_the_last_beheerder_cannot_step_down_or_leave(project: Project, people: People) -> None:
    anna = ProjectMember.objects.get(project=project, user=people.anna)
    with pytest.raises(PermissionDenied, match="minstens één beheerder"):
        member_role_set(member=anna, by=people.anna, role=Role.LEZER)
    with pytest.raises(PermissionDenied, match="minstens één beheerder"):
        member_remove(member=anna, by=people.anna)


def test_a_member_may_leave_but_not_remove_others(project: Project, people: People) -> None:
    carla = ProjectMember.objects.get(project=project, user=people.carla)
    bram = ProjectMember.objects.get(project=project, user=people.bram)
    with pytest.raises(PermissionDenied):
        member_remove(member=bram, by=people.carla)
    member_remove(member=carla, by=people.carla)
    assert not ProjectMember.objects.filter(pk=carla.pk).exists()
