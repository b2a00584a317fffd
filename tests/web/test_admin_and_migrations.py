"""The admin opens for support staff, and the committed migrations match the models."""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from stuurknop.web.projects.models import Project

from .two_factor_steps import second_step_passed

if TYPE_CHECKING:
    from tests.web.conftest import People


def test_the_migrations_match_the_models(db: None) -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_admin_shows_projects_read_only(project: Project, people: People) -> None:
    client = second_step_passed(Client(), User.objects.create_superuser("beheer", "", "x" * 12))
    for url in (
        "/beheer/projects/project/",
        f"/beheer/projects/project/{project.pk}/change/",
        f"/beheer/accounts/organisation/{people.woco.pk}/change/",
        "/beheer/projects/invitation/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/beheer/projects/project/add/").status_code == 403
