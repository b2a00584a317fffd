"""Project pages keep their content in the cache per revision, page, scenario, language and role;
what is personal (the CSRF token, the header) is made for every request."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import knob_setting_update
from stuurknop.web.projects.views.common import CSRF_MARK_PREFIX

if TYPE_CHECKING:
    from tests.web.conftest import People

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def knob_url(project: Project, knob: int = 2) -> str:
    return reverse("knob_page", args=[project.pk, project.scenarios.get().pk, knob])


def signed_in(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def second_bewerker(project: Project, people: People) -> User:
    dirk = User.objects.create_user(username="dirk", password="correct horse battery")
    ProjectMember.objects.create(project=project, user=dirk, role=Role.BEWERKER)
    return dirk


def test_a_cached_form_carries_each_readers_own_working_token(
    project: Project, people: People
) -> None:
    dirk = second_bewerker(project, people)
    signed_in(people.bram).get(knob_url(project))  # fills the cache
    client = signed_in(dirk)
    page = client.get(knob_url(project)).content.decode()
    assert CSRF_MARK_PREFIX not in page
    tokens = set(TOKEN.findall(page))
    assert tokens and all(not t.startswith(CSRF_MARK_PREFIX) for t in tokens)
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    response = client.post(
        reverse("knob_save", args=[project.pk, project.scenarios.get().pk, 2]),
        {
            "csrfmiddlewaretoken": tokens.pop(),
            "status": "aan",
            "opening": "1",
            "version": version[1],
        },
    )
    assert response.status_code == 302
    assert project.scenarios.get().knob_settings.get(knob=2).opening == 1


def test_a_lezer_does_not_get_the_editors_cached_page(project: Project, people: People) -> None:
    editor = signed_in(people.bram).get(knob_url(project)).content.decode()
    reader = signed_in(people.carla).get(knob_url(project)).content.decode()
    assert "Keuze opslaan" in editor
    assert "Keuze opslaan" not in reader and 'csrfmiddlewaretoken" value="stuurknop' not in reader


def test_a_change_shows_at_once_on_a_cached_page(project: Project, people: People) -> None:
    bram = signed_in(people.bram)
    before = bram.get(knob_url(project, 7)).content.decode()
    assert ">niet besproken<" in before.split('class="knob-state"')[1][:300]
    page = bram.get(knob_url(project, 7)).content.decode()
    token = TOKEN.findall(page)[0]
    bram.post(
        reverse("knob_save", args=[project.pk, project.scenarios.get().pk, 7]),
        {"csrfmiddlewaretoken": token, "status": "uit", "version": "0"},
    )
    after = bram.get(knob_url(project, 7)).content.decode()
    assert ">bewust uit<" in after.split('class="knob-state"')[1][:300]


def test_the_header_is_the_readers_own_on_a_cached_page(project: Project, people: People) -> None:
    url = reverse("project_detail", args=[project.pk])
    assert "Bram" in signed_in(people.bram).get(url).content.decode()
    anna = signed_in(people.anna).get(url).content.decode()
    header = anna.split("</header>")[0]
    assert "Anna" in header and "Bram" not in header


def test_a_page_served_from_the_cache_keeps_its_own_scripts_and_stylesheets(
    client, project, people
) -> None:
    from django.urls import reverse

    client.force_login(people.carla)
    scenario = project.scenarios.get(chosen=True)
    url = reverse("documents_page", args=[project.pk, scenario.pk])
    first = client.get(url).content.decode()
    again = client.get(url).content.decode()  # from the cache this time
    for html in (first, again):
        head = html.split("</head>")[0]
        assert "js/downloads.js" in head and "css/documents.css" in head


def test_text_that_looks_like_the_cache_mark_is_shown_as_typed_never_as_a_token(
    project: Project, people: People
) -> None:
    # The probe typed the old fixed placeholder into a text and saw the viewer's token there.
    typed = "stuurknop-csrf-placeholder-0d9f2c stuurknop-csrf-0123456789abcdef0123456789abcdef"
    scenario = project.scenarios.get()
    knob_setting_update(
        scenario=scenario,
        knob=2,
        by=people.bram,
        expected_version=scenario.knob_settings.get(knob=2).version,
        status="aan",
        opening=2,
        elaboration=typed,
    )
    signed_in(people.bram).get(knob_url(project))  # fills the cache
    client = signed_in(people.anna)
    page = client.get(knob_url(project)).content.decode()
    assert typed in page  # before, the fixed placeholder in it became anna's token
