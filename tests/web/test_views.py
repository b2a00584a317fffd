"""The first pages: log in, the project list, a project, its export; access for every role."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import parse_json
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services import project_archive

if TYPE_CHECKING:
    from tests.web.conftest import People


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_an_anonymous_visitor_is_sent_to_the_login_page(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_anonymous_visitor_learns_nothing_about_a_project(project: Project) -> None:
    existing = Client().get(reverse("project_detail", args=[project.pk]))
    missing = Client().get(reverse("project_detail", args=[project.pk + 1000]))
    assert existing.status_code == missing.status_code == 302
    assert existing["Location"].replace(str(project.pk), "ID") == missing["Location"].replace(
        str(project.pk + 1000), "ID"
    )


def test_the_login_page_is_dutch_and_sends_a_strict_content_security_policy(db: None) -> None:
    response = Client().get(reverse("login"))
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()
    assert "Wachtwoord" in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_one_logs_in_with_a_password(people: People) -> None:
    client = Client()
    response = client.post(
        reverse("login"), {"username": "anna", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_the_project_list_shows_own_and_shared_projects_with_the_role(
    project: Project, people: People
) -> None:
    anna = client_for(people.anna).get("/")
    assert [p.name for p in anna.context["own"]] == ["De Linde"]
    assert anna.context["shared"] == []
    bram = client_for(people.bram).get("/")
    assert bram.context["own"] == []
    assert [p.name for p in bram.context["shared"]] == ["De Linde"]
    assert "Bewerker" in bram.content.decode()


def test_an_outsider_sees_no_project_in_the_list(project: Project, people: People) -> None:
    response = client_for(people.olaf).get("/")
    assert "De Linde" not in response.content.decode()


def test_archived_projects_leave_the_list(project: Project, people: People) -> None:
    project_archive(project=project, by=people.anna)
    response = client_for(people.anna).get("/")
    assert "De Linde" not in response.content.decode()


@pytest.mark.parametrize("name", ["project_detail", "project_export"])
@pytest.mark.parametrize(
    ("who", "status"), [("anna", 200), ("bram", 200), ("carla", 200), ("olaf", 404)]
)
def test_project_pages_open_for_members_only(
    project: Project, people: People, name: str, who: str, status: int
) -> None:
    response = client_for(getattr(people, who)).get(reverse(name, args=[project.pk]))
    assert response.status_code == status
    assert ("De Linde" in response.content.decode()) is (status == 200)


def test_the_export_is_the_project_file_of_the_command_line(
    project: Project, people: People
) -> None:
    response = client_for(people.carla).get(reverse("project_export", args=[project.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="de-linde.json"'
    document = parse_json(response.content)
    assert document.project.name == "De Linde"
    assert json.loads(response.content)["format"] == "stuurknop-project"


def test_htmx_is_served_from_our_own_static_files(db: None) -> None:
    page = Client().get(reverse("login")).content.decode()
    assert '<script src="/static/django_htmx/htmx-2.min.js"' in page
    assert "https://" not in page
