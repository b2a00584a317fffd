"""The demo: organisations, people with printed passwords, the example projects, in one go."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.demo.loader import DEMO_PASSWORD, example_files, load_demo
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.selectors import projects_for_user


def test_the_demo_has_an_organisation_of_each_wwz_partner_type(db: None) -> None:
    load_demo()
    types = set(Organisation.objects.values_list("party_type", flat=True))
    assert {"woningcorporatie", "zorgorganisatie", "sociaal_werkorganisatie", "gemeente"} <= types


def test_the_demo_people_log_in_with_the_printed_password(db: None) -> None:
    summary = load_demo()
    for username, password, _what in summary.logins:
        assert password == DEMO_PASSWORD
        assert (
            authenticate(RequestFactory().post("/inloggen/"), username=username, password=password)
            is not None
        )


def test_the_example_projects_are_shared_with_different_roles(db: None) -> None:
    summary = load_demo()
    assert len(summary.projects) == len(example_files())
    roles = set(ProjectMember.objects.values_list("role", flat=True))
    if summary.projects:
        assert roles == {"beheerder", "bewerker", "lezer"}
    from django.contrib.auth.models import User

    assert list(projects_for_user(User.objects.get(username="eva"))) == []


def test_loading_the_demo_again_reuses_what_is_there(db: None) -> None:
    load_demo()
    counts = (Project.objects.count(), ProjectMember.objects.count(), Organisation.objects.count())
    load_demo()
    assert (
        Project.objects.count(),
        ProjectMember.objects.count(),
        Organisation.objects.count(),
    ) == counts


def test_the_demo_command_prints_the_address_and_the_logins(db: None) -> None:
    out = StringIO()
    call_command("demo", "--port", "8123", "--no-server", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8123/" in text
    assert f"anna   wachtwoord {DEMO_PASSWORD}" in text


def test_the_demo_refuses_a_production_set_up(db: None, settings: object) -> None:
    settings.DEV = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="STUURKNOP_DEV=1"):
        call_command("demo", "--no-server", stdout=StringIO())


def test_the_command_line_starts_the_demo_without_a_manage_py(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from stuurknop.web.run import run_demo

    run_demo(port=8124, serve=False)
    assert "http://127.0.0.1:8124/" in capsys.readouterr().out


def test_each_demo_project_has_one_open_residents_questionnaire(db: None) -> None:
    from stuurknop.web.residents.models import Questionnaire

    load_demo()
    load_demo()
    for project in Project.objects.all():
        [questionnaire] = Questionnaire.objects.filter(project=project)
        assert questionnaire.is_open, project.name


def test_the_demo_shows_a_meeting_with_its_decisions_and_actions(db: None) -> None:
    from stuurknop.web.projects.models import Action, Decision, Meeting

    load_demo()
    project = Project.objects.get(name__contains="Thuisflat")
    assert Meeting.objects.filter(project=project).count() == 2
    assert Meeting.objects.filter(project=project).first().points.count() == 3  # type: ignore[union-attr]
    assert Decision.objects.filter(project=project).count() == 2
    assert Action.objects.filter(project=project, status="open").count() == 2


def test_the_demo_server_runs_a_job_worker_beside_it(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stuurknop.web.demo.management.commands import demo

    started: list[str] = []
    real_call_command = demo.call_command

    def fake_call_command(name: str, *args: Any, **kwargs: Any) -> None:
        if name == "runserver":
            started.append("server")  # the server itself is not started here
            return
        real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(demo, "start_worker_thread", lambda: started.append("worker"))
    monkeypatch.setattr(demo, "call_command", fake_call_command)
    out = StringIO()
    call_command("demo", "--port", "8124", stdout=out)
    assert started == ["worker", "server"]
    assert "een verwerker draait in dit proces" in out.getvalue()
