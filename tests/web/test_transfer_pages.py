"""Import and export in the browser: a good file becomes a project, a bad one stores nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import dump_document
from stuurknop.web.accounts.services import membership_add
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    KnobSetting,
    LogEntry,
    Project,
    ProjectMember,
    ProjectParty,
    Scenario,
)
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.imports import MAX_UPLOAD_BYTES

if TYPE_CHECKING:
    from tests.web.conftest import People

ROWS = (
    Project,
    ProjectParty,
    ProjectMember,
    Scenario,
    KnobSetting,
    CostItem,
    FundingLine,
    LogEntry,
)


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def upload(client: Client, content: bytes, name: str = "project.json") -> Any:
    return client.post(
        reverse("project_import"),
        {"file": SimpleUploadedFile(name, content, content_type="application/json")},
    )


def row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in ROWS)


def test_the_import_page_asks_for_a_file(people: People) -> None:
    page = client_for(people.anna).get(reverse("project_import")).content.decode()
    assert "<h1>Project importeren</h1>" in page
    assert 'type="file" name="file"' in page and 'enctype="multipart/form-data"' in page
    assert "hoogstens 2 MB" in page


def test_a_good_file_becomes_a_project_with_the_importer_as_beheerder(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:
    data = document_data(
        parties={"het-anker": "woningcorporatie", "gemeente": "gemeente"},
        costs=[{"amount": "5000"}],
        funding=[{"party": "gemeente", "source": "II", "amount": "5000"}],
    )
    data["parties"][0]["name"] = "Woonstichting Het Anker"  # anna's organisation
    carla = client_for(people.carla)
    response = upload(carla, json.dumps(data).encode())
    project = Project.objects.get()
    assert response["Location"] == reverse("project_detail", args=[project.pk])
    member = ProjectMember.objects.get(project=project)
    assert (member.user, member.role, member.party) == (people.carla, Role.BEHEERDER, None)
    assert project.created_by_organisation == people.welzijn
    page = carla.get(response["Location"]).content.decode()
    assert "Project De Linde is geïmporteerd." in page and "<h1>De Linde</h1>" in page
    # Anna's import: the party named after her organisation becomes hers.
    upload(client_for(people.anna), json.dumps(data).encode())
    mine = ProjectMember.objects.get(user=people.anna)
    assert mine.party is not None and mine.party.organisation == people.woco


def test_export_then_import_gives_the_same_document(project: Project, people: People) -> None:
    client = client_for(people.bram)
    exported = client.get(reverse("project_export", args=[project.pk])).content
    response = upload(client, exported, "de-linde.json")
    copy = Project.objects.exclude(pk=project.pk).get()
    assert response["Location"] == reverse("project_detail", args=[copy.pk])
    assert project_document(copy) == project_document(project)
    assert dump_document(project_document(copy)).encode() == exported


def test_the_overview_links_the_export(project: Project, people: People) -> None:
    page = client_for(people.carla).get(reverse("project_detail", args=[project.pk]))
    assert (
        f'href="{reverse("project_export", args=[project.pk])}" download' in page.content.decode()
    )


def test_a_valid_json_file_that_is_no_valid_project_stores_nothing_and_says_where(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:
    data = document_data(costs=[{"amount": "12.345"}], funding=[{"party": "bank", "source": "II"}])
    before = row_counts()
    response = upload(client_for(people.anna), json.dumps(data).encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het bestand is niet ingelezen; er is niets opgeslagen." in page
    assert (
        '<span class="error-location">scenario &quot;Basis&quot;, kostenpost 1, bedrag</span>: '
        "mag hoogstens 2 decimalen hebben"
    ) in page
    assert row_counts() == before


def test_a_file_with_a_bad_reference_names_it(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:
    data = document_data(costs=[{}], funding=[{"party": "bank", "source": "II"}])
    response = upload(client_for(people.anna), json.dumps(data).encode())
    assert response.status_code == 400
    assert "financiering 1, partij" in response.content.decode()
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dit is geen JSON", "geen geldige JSON"),
        (b'{"naam": "caf\xe9"}', "geen UTF-8-tekst"),
        (b"[1, 2, 3]", "moet een object zijn"),
        (b"[" * 200_000, "te diep genest"),
    ],
)
def test_a_file_that_is_not_a_project_file_at_all_stores_nothing(
    people: People, content: bytes, message: str
) -> None:
    response = upload(client_for(people.anna), content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "er is niets opgeslagen" in page and message in page
    assert row_counts() == (0, 0, 0, 0, 0, 0, 0, 0)


def test_a_file_over_two_megabytes_is_refused_unread(people: People) -> None:
    content = b" " * (MAX_UPLOAD_BYTES + 1)
    response = upload(client_for(people.anna), content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Het bestand is groter dan 2 MB." in page
    assert 'aria-invalid="true"' in page
    assert not Project.objects.exists()


def test_no_file_is_an_error_beside_the_field(people: People) -> None:
    response = client_for(people.anna).post(reverse("project_import"), {})
    assert response.status_code == 400
    assert 'id="id_file_error"' in response.content.decode()
    assert not Project.objects.exists()


def test_someone_at_two_organisations_imports_for_the_chosen_one(
    people: People, document_data: Callable[..., dict[str, Any]]
) -> None:
    membership_add(user=people.anna, organisation=people.zorg)
    client = client_for(people.anna)
    assert 'name="organisation"' in client.get(reverse("project_import")).content.decode()
    client.post(
        reverse("project_import"),
        {
            "file": SimpleUploadedFile("p.json", json.dumps(document_data()).encode()),
            "organisation": people.zorg.pk,
        },
    )
    assert Project.objects.get().created_by_organisation == people.zorg


def test_an_anonymous_visitor_is_sent_to_log_in(db: None) -> None:
    response = Client().get(reverse("project_import"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
