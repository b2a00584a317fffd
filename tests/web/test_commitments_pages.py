"""The commitments pages and posts: a bewerker who speaks for party A cannot confirm party B's
money through a page, a form post (the worksheet's forged toegezegd is stored as a request)
or an import (test_commitments.py); the paying party's bewerker can."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import FundingLine, Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.money import funding_line_create

from .conftest import People, make_user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def gert(project: Project, people: People) -> User:
    user = make_user("gert", people.elders)  # speaks for the municipality
    ProjectMember.objects.create(project=project, user=user, role=Role.BEWERKER)
    return user


@pytest.fixture
def asked(project: Project, people: People) -> FundingLine:
    """bram (care organisation) asked the municipality to commit € 5.000 a year."""
    line = funding_line_create(
        scenario=project.scenarios.get(), by=people.bram, cost_item="k1", party="gemeente",
        source="III", amount="5000", status="toegezegd",
    )  # fmt: skip
    line.refresh_from_db()
    return line


def post(client: Client, name: str, project: Project, line: FundingLine, **data: str):
    return client.post(reverse(name, args=[project.pk, line.pk]), {"version": line.version, **data})


def test_a_bewerker_of_another_party_cannot_confirm_through_the_page(
    project: Project, people: People, asked: FundingLine
) -> None:
    response = post(client_for(people.bram), "funding_line_confirm", project, asked)
    assert response.status_code == 403
    response = post(client_for(people.bram), "funding_line_decline", project, asked, remark="x")
    assert response.status_code == 403
    asked.refresh_from_db()
    assert asked.status == "in_gesprek" and asked.request["state"] == "open"
    # Nor may a bewerker record a commitment on the party's behalf.
    response = post(
        client_for(people.bram), "funding_line_on_behalf", project, asked,
        evidence_reference="FZ-1", evidence_date="2025-03-14",
    )  # fmt: skip
    assert response.status_code == 403


def test_a_forged_worksheet_post_of_toegezegd_is_stored_as_a_request(
    project: Project, people: People, gert: User
) -> None:
    scenario = project.scenarios.get()
    url = reverse("funding_line_create", args=[project.pk, scenario.pk, 4])
    form = {"cost_item": "k1", "party": "gemeente", "source": "I", "amount": "5000",
            "first_year": "", "years": "", "status": "toegezegd"}  # fmt: skip
    response = client_for(people.bram).post(url, form)
    assert response.status_code in (200, 302)
    line = scenario.funding_lines.order_by("-pk").first()
    assert line.status == "in_gesprek" and line.request["state"] == "open"
    assert line.commitment is None


def test_the_paying_party_sees_confirms_and_the_page_says_by_whom(
    project: Project, people: People, gert: User, asked: FundingLine
) -> None:
    client = client_for(gert)
    mine = client.get(reverse("commitments_mine")).content.decode()
    assert "De Linde" in mine and "Activiteitenbegeleider" in mine
    page = client.get(reverse("commitments_page", args=[project.pk])).content.decode()
    assert "Bevestigen" in page and "Afwijzen" in page
    assert "Vastleggen namens" not in page  # gert is no beheerder
    response = post(client, "funding_line_confirm", project, asked, remark="Raadsbesluit")
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == "toegezegd" and asked.commitment["by"] == "Gert"
    page = client_for(people.carla).get(reverse("commitments_page", args=[project.pk]))
    assert "bevestigd door de partij" in page.content.decode()
    assert "Bevestigen" not in page.content.decode()  # carla does not speak for it


def test_a_beheerder_records_on_behalf_and_every_member_sees_it_as_such(
    project: Project, people: People
) -> None:
    line = funding_line_create(
        scenario=project.scenarios.get(), by=people.anna, cost_item="k1", party="gemeente",
        source="II", amount="2500", status="in_gesprek",
    )  # fmt: skip
    line.refresh_from_db()
    anna = client_for(people.anna)
    assert (
        "Vastleggen namens"
        in anna.get(reverse("commitments_page", args=[project.pk])).content.decode()
    )
    response = post(
        anna, "funding_line_on_behalf", project, line,
        evidence_reference="FZ-2025-0312", evidence_date="2025-03-14",
    )  # fmt: skip
    assert response.status_code == 302
    page = client_for(people.carla).get(reverse("commitments_page", args=[project.pk]))
    text = page.content.decode()
    assert "vastgelegd namens de partij" in text and "FZ-2025-0312" in text
    assert "14 maart 2025" in text


def test_the_letter_is_checked_by_its_content_stored_and_downloaded(
    project: Project, people: People, settings, tmp_path
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = str(tmp_path / "media")
    line = funding_line_create(
        scenario=project.scenarios.get(), by=people.anna, cost_item="k1", party="gemeente",
        source="II", amount="2500", status="in_gesprek",
    )  # fmt: skip
    line.refresh_from_db()
    anna = client_for(people.anna)
    fake = SimpleUploadedFile("brief.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = post(
        anna, "funding_line_on_behalf", project, line,
        evidence_reference="FZ-9", evidence_date="2025-03-14", evidence_file=fake,
    )  # fmt: skip
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.status == "in_gesprek" and line.commitment is None  # nothing stored
    messages = anna.get(reverse("commitments_page", args=[project.pk])).content.decode()
    assert "Dit bestandstype kan niet" in messages
    pdf = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n% brief\n", content_type="application/pdf")
    post(
        anna, "funding_line_on_behalf", project, line,
        evidence_reference="FZ-9", evidence_date="2025-03-14", evidence_file=pdf,
    )  # fmt: skip
    line.refresh_from_db()
    assert line.commitment["evidence_file"]["content_type"] == "application/pdf"
    assert len(line.commitment["evidence_file"]["sha256"]) == 64
    download = client_for(people.carla).get(reverse("commitment_file", args=[project.pk, line.pk]))
    assert download.status_code == 200
    assert b"".join(
        download.streaming_content if download.streaming else [download.content]
    ).startswith(b"%PDF-")


def test_the_history_says_the_confirmation_and_the_fall_back(
    project: Project, people: People, gert: User, asked: FundingLine
) -> None:
    post(client_for(gert), "funding_line_confirm", project, asked, remark="Raadsbesluit")
    history = client_for(people.carla).get(reverse("project_history", args=[project.pk]))
    assert history.status_code == 200
    text = history.content.decode()
    assert "Toezegging bevestigd voor" in text
    assert "bevestigd door de partij (Gert" in text  # the commitment in words
    assert "wacht op bevestiging (gevraagd door Bram)" in text  # the request it answered
    assert "{" not in text.split("<main", 1)[1].split("</main>", 1)[0]  # no raw data shown
