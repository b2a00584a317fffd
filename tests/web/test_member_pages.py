"""Members and invitations in the browser: roles, removal, an expiring link, accepting it."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stuurknop.web.accounts.models import Membership
from stuurknop.web.projects.models import Invitation, Project, ProjectMember, ProjectParty
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import invitation_accept, invitation_create
from stuurknop.web.projects.services.members import token_hash

if TYPE_CHECKING:
    from tests.web.conftest import People

PASSWORD = "vier woorden op een rij"
SIGNUP = {
    "username": "gerda",
    "first_name": "Gerda",
    "last_name": "de Gemeente",
    "email": "gerda@zwolle.nl",
    "password": PASSWORD,
    "password_again": PASSWORD,
}


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def member(project: Project, user: User) -> ProjectMember:
    return ProjectMember.objects.get(project=project, user=user)


@pytest.fixture
def invited(project: Project, people: People) -> tuple[Invitation, str]:
    """anna invites someone of the municipality as bewerker, for the party 'gemeente'."""
    return invitation_create(
        project=project,
        by=people.anna,
        email="gerda@zwolle.nl",
        role=Role.BEWERKER,
        party="gemeente",
    )


def accept_url(token: str) -> str:
    return reverse("invitation_accept", args=[token])


# --- the list -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "manages"),
    [("anna", 200, True), ("bram", 200, False), ("carla", 200, False), ("olaf", 404, False)],
)
def test_members_are_listed_for_members_and_managed_by_the_beheerder(
    project: Project,
    people: People,
    invited: tuple[Invitation, str],
    who: str,
    status: int,
    manages: bool,
) -> None:
    response = client_for(getattr(people, who)).get(reverse("project_members", args=[project.pk]))
    assert response.status_code == status
    page = response.content.decode()
    assert ("Bram" in page and "Bewerker" in page) is (status == 200)
    assert ("Zorggroep Zuid" in page) is (status == 200)  # bram's organisation
    assert ("Rol wijzigen" in page) is manages
    assert ("Uitnodigingslink maken" in page) is manages
    assert ("gerda@zwolle.nl" in page) is manages  # open invitations: for the beheerder only


# --- roles and removal --------------------------------------------------------------------


def test_the_beheerder_changes_a_role(project: Project, people: People) -> None:
    carla = member(project, people.carla)
    response = client_for(people.anna).post(
        reverse("member_role", args=[project.pk, carla.pk]), {"role": "bewerker"}, follow=True
    )
    assert member(project, people.carla).role == "bewerker"
    assert "Carla is nu bewerker." in response.content.decode()


def test_the_last_beheerder_cannot_be_demoted_and_the_page_says_why(
    project: Project, people: People
) -> None:
    anna = member(project, people.anna)
    response = client_for(people.anna).post(
        reverse("member_role", args=[project.pk, anna.pk]), {"role": "lezer"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Een project heeft altijd minstens één beheerder." in html
    assert f'aria-describedby="rol-{anna.pk}-fout"' in html
    assert member(project, people.anna).role == "beheerder"


def test_an_unknown_role_is_refused(project: Project, people: People) -> None:
    carla = member(project, people.carla)
    response = client_for(people.anna).post(
        reverse("member_role", args=[project.pk, carla.pk]), {"role": "koning"}
    )
    assert response.status_code == 400
    assert "Kies een rol uit de lijst." in response.content.decode()
    assert member(project, people.carla).role == "lezer"


def test_only_the_beheerder_manages_members(project: Project, people: People) -> None:
    carla = member(project, people.carla)
    url = reverse("member_role", args=[project.pk, carla.pk])
    assert client_for(people.bram).post(url, {"role": "beheerder"}).status_code == 403
    assert client_for(people.carla).post(url, {"role": "beheerder"}).status_code == 403
    assert client_for(people.olaf).post(url, {"role": "beheerder"}).status_code == 404
    remove = reverse("member_remove", args=[project.pk, carla.pk])
    assert client_for(people.bram).post(remove).status_code == 403
    assert member(project, people.carla).role == "lezer"


def test_the_beheerder_removes_a_member_after_confirming(project: Project, people: People) -> None:
    bram = member(project, people.bram)
    url = reverse("member_remove", args=[project.pk, bram.pk])
    confirm = client_for(people.anna).get(url)
    assert confirm.status_code == 200 and "Ja, verwijderen" in confirm.content.decode()
    assert ProjectMember.objects.filter(pk=bram.pk).exists()
    response = client_for(people.anna).post(url)
    assert response.status_code == 302
    assert not ProjectMember.objects.filter(pk=bram.pk).exists()
    assert (
        client_for(people.bram).get(reverse("project_members", args=[project.pk])).status_code
        == 404
    )


def test_the_last_beheerder_cannot_be_removed(project: Project, people: People) -> None:
    anna = member(project, people.anna)
    response = client_for(people.anna).post(reverse("member_remove", args=[project.pk, anna.pk]))
    assert response.status_code == 400
    assert "minstens één beheerder" in response.content.decode()
    assert ProjectMember.objects.filter(pk=anna.pk).exists()


def test_a_member_of_another_project_is_not_found(project: Project, people: People) -> None:
    other = ProjectMember.objects.create(
        project=Project.objects.create(
            name="Elders", municipality="X", homes=1, first_year=2025, horizon_years=5
        ),
        user=people.olaf,
        role=Role.BEHEERDER,
    )
    url = reverse("member_role", args=[project.pk, other.pk])
    assert client_for(people.anna).post(url, {"role": "lezer"}).status_code == 404


# --- inviting -----------------------------------------------------------------------------


def test_the_beheerder_gets_a_link_once_and_only_its_hash_is_stored(
    project: Project, people: People
) -> None:
    client = client_for(people.anna)
    response = client.post(
        reverse("invitation_create", args=[project.pk]),
        {"email": "gerda@zwolle.nl", "role": "bewerker", "party": "gemeente"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    link = re.search(r'id="uitnodigingslink"[^>]*value="([^"]+)"', html)
    if link is None:
        link = re.search(r'value="([^"]+)"[^>]*id="uitnodigingslink"', html)
    assert link is not None
    token = link.group(1).rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.party.key) == (
        "gerda@zwolle.nl",
        "bewerker",
        "gemeente",
    )
    assert invitation.token_hash == token_hash(token) != token
    # Listed with its expiry; the link itself is never shown again.
    again = client.get(reverse("project_members", args=[project.pk])).content.decode()
    assert token not in again and "gerda@zwolle.nl" in again
    assert timezone.localtime(invitation.expires_at).strftime("%Y") in again


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "geen-adres", "role": "lezer"}, "email", "geldig e-mailadres"),
        ({"email": "a@b.nl", "role": "koning"}, "role", "Selecteer een geldige keuze"),
        ({"email": "a@b.nl", "role": "lezer", "party": "maffia"}, "party", "geldige keuze"),
    ],
)
def test_a_bad_invitation_gets_a_message_beside_the_field(
    project: Project, people: People, data: dict[str, str], field: str, message: str
) -> None:
    response = client_for(people.anna).post(reverse("invitation_create", args=[project.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html[html.index(f'id="id_{field}_error"') :][:300]
    assert not Invitation.objects.exists()


def test_only_the_beheerder_invites(project: Project, people: People) -> None:
    url = reverse("invitation_create", args=[project.pk])
    data = {"email": "x@y.nl", "role": "beheerder"}
    assert client_for(people.bram).post(url, data).status_code == 403
    assert client_for(people.olaf).post(url, data).status_code == 404
    assert not Invitation.objects.exists()


def test_a_revoked_invitation_link_stops_working(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    invitation, token = invited
    url = reverse("invitation_revoke", args=[project.pk, invitation.pk])
    assert client_for(people.bram).post(url).status_code == 403
    assert "Ja, intrekken" in client_for(people.anna).get(url).content.decode()
    assert client_for(people.anna).post(url).status_code == 302
    assert not Invitation.objects.exists()
    assert client_for(people.olaf).get(accept_url(token)).status_code == 404


# --- accepting ----------------------------------------------------------------------------


def test_a_signed_in_user_accepts_with_a_button_and_lands_on_the_project(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    _invitation, token = invited
    client = client_for(people.olaf)
    page = client.get(accept_url(token))
    assert page.status_code == 200
    html = page.content.decode()
    assert "De Linde" in html and "bewerker" in html and "Uitnodiging aannemen" in html
    assert not ProjectMember.objects.filter(user=people.olaf).exists()  # a GET changes nothing
    response = client.post(accept_url(token))
    assert response.status_code == 302
    assert response["Location"] == reverse("project_detail", args=[project.pk])
    joined = member(project, people.olaf)
    assert (joined.role, joined.party.key) == ("bewerker", "gemeente")
    assert client.get(response["Location"]).status_code == 200


def test_an_expired_link_is_refused_with_a_clear_page(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    invitation, token = invited
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client = client_for(people.olaf)
    for response in (client.get(accept_url(token)), client.post(accept_url(token))):
        assert response.status_code == 410
        assert "Deze uitnodiging is verlopen." in response.content.decode()
    assert not ProjectMember.objects.filter(user=people.olaf).exists()


def test_a_link_still_valid_a_minute_before_it_expires(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    invitation, token = invited
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(minutes=1)
    )
    assert client_for(people.olaf).post(accept_url(token)).status_code == 302


def test_a_used_link_is_refused_to_anyone_else(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    _invitation, token = invited
    invitation_accept(token=token, user=people.olaf)
    response = Client().get(accept_url(token))
    assert response.status_code == 410
    assert "Deze uitnodiging is al gebruikt." in response.content.decode()
    other = User.objects.create_user(username="piet", password=PASSWORD)
    assert client_for(other).post(accept_url(token)).status_code == 410
    assert not ProjectMember.objects.filter(user=other).exists()
    # The one who used it just lands on the project again.
    assert client_for(people.olaf).get(accept_url(token)).status_code == 302


def test_an_unknown_link_names_no_project(project: Project, people: People) -> None:
    for client in (Client(), client_for(people.olaf)):
        response = client.get(accept_url("verzonnen-token"))
        assert response.status_code == 404
        html = response.content.decode()
        assert "Deze uitnodiging bestaat niet (meer)." in html
        assert "De Linde" not in html


def test_someone_not_signed_in_may_sign_in_and_come_back(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    _invitation, token = invited
    client = Client()
    page = client.get(accept_url(token)).content.decode()
    login_link = f"{reverse('login')}?next={accept_url(token)}"
    assert f'href="{login_link}"' in page
    assert 'name="username"' in page and 'value="gerda@zwolle.nl"' in page  # the sign-up form
    response = client.post(
        login_link,
        {"username": "olaf", "password": "correct horse battery", "next": accept_url(token)},
    )
    assert response.status_code == 302 and response["Location"] == accept_url(token)
    assert client.post(accept_url(token)).status_code == 302
    assert member(project, people.olaf).role == "bewerker"


def test_a_new_account_joins_the_partys_organisation_and_the_project(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    _invitation, token = invited
    ProjectParty.objects.filter(project=project, key="gemeente").update(organisation=people.elders)
    client = Client()
    response = client.post(accept_url(token), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("project_detail", args=[project.pk])
    gerda = User.objects.get(username="gerda")
    assert (gerda.get_full_name(), gerda.email) == ("Gerda de Gemeente", "gerda@zwolle.nl")
    assert gerda.check_password(PASSWORD)
    assert list(Membership.objects.filter(user=gerda).values_list("organisation", flat=True)) == [
        people.elders.pk
    ]
    assert member(project, gerda).role == "bewerker"
    assert client.get(response["Location"]).status_code == 200  # signed in as gerda


def test_a_new_account_without_an_organisation_party_joins_no_organisation(
    project: Project, people: People
) -> None:
    _invitation, token = invitation_create(
        project=project, by=people.anna, email="x@y.nl", role=Role.LEZER
    )
    assert Client().post(accept_url(token), SIGNUP).status_code == 302
    gerda = User.objects.get(username="gerda")
    assert not Membership.objects.filter(user=gerda).exists()
    assert member(project, gerda).role == "lezer"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"password": "kort", "password_again": "kort"}, "password", "te kort"),
        ({"password": "password123", "password_again": "password123"}, "password", "te algemeen"),
        ({"password_again": "iets anders nog"}, "password_again", "niet gelijk"),
        ({"username": "anna"}, "username", "bestaat al"),
        ({"username": "met spatie"}, "username", "geldige gebruikersnaam"),
        ({"email": ""}, "email", "verplicht"),
    ],
)
def test_bad_account_data_gets_a_dutch_message_and_creates_nothing(
    project: Project,
    people: People,
    invited: tuple[Invitation, str],
    change: dict[str, str],
    field: str,
    message: str,
) -> None:
    _invitation, token = invited
    response = Client().post(accept_url(token), {**SIGNUP, **change})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html[html.index(f'id="id_{field}_error"') :][:400]
    described = re.search(rf'name="{field}"[^>]*aria-describedby="([^"]+)"', html)
    assert described is not None and f"id_{field}_error" in described.group(1).split()
    assert not User.objects.filter(username__in=["gerda", "met spatie"]).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_expired_link_creates_no_account(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    invitation, token = invited
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    response = Client().post(accept_url(token), SIGNUP)
    assert response.status_code == 410
    assert not User.objects.filter(username="gerda").exists()


# --- outsiders ----------------------------------------------------------------------------


def test_an_outsider_gets_404_on_every_member_page(
    project: Project, people: People, invited: tuple[Invitation, str]
) -> None:
    invitation, _token = invited
    carla = member(project, people.carla)
    client = client_for(people.olaf)
    for name, args, method in [
        ("project_members", [project.pk], "get"),
        ("member_role", [project.pk, carla.pk], "post"),
        ("member_remove", [project.pk, carla.pk], "get"),
        ("member_remove", [project.pk, carla.pk], "post"),
        ("invitation_create", [project.pk], "post"),
        ("invitation_revoke", [project.pk, invitation.pk], "get"),
        ("invitation_revoke", [project.pk, invitation.pk], "post"),
        ("project_history", [project.pk], "get"),
        ("scenario_list", [project.pk], "get"),
        ("scenario_compare", [project.pk], "get"),
    ]:
        response = getattr(client, method)(
            reverse(name, args=args), {"role": "lezer"} if method == "post" else {}
        )
        assert response.status_code == 404, name
        assert "De Linde" not in response.content.decode()
    assert ProjectMember.objects.filter(pk=carla.pk).exists()
    assert Invitation.objects.filter(pk=invitation.pk).exists()
