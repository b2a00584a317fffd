"""Shared set-up of the web tests: Django's settings, named people and a project they share.

The settings module is chosen here (not in pyproject) so that ``pytest tests/web`` works on its
own; a developer machine set-up (``STUURKNOP_DEV=1``) unless the environment says otherwise.
``DATABASE_URL=postgres://…`` runs the same tests on PostgreSQL.

The people: anna is beheerder, bram bewerker and carla lezer of the project; olaf works at an
organisation outside it.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
os.environ.setdefault("STUURKNOP_DEV", "1")

import django

django.setup()

from django.conf import settings

# Single sign-on needs PostgreSQL (its library's array fields); its tests are marked postgres, so
# the SQLite pass would deselect them anyway: not collected there, they are not reported skipped.
collect_ignore = [] if settings.SINGLE_SIGN_ON else ["test_single_sign_on.py"]

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.accounts.services import membership_add, organisation_create
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import


@dataclass
class People:
    anna: User  # beheerder, works at the housing corporation
    bram: User  # bewerker, care organisation
    carla: User  # lezer, welfare organisation
    olaf: User  # outsider: works at another municipality, not in the project
    woco: Organisation
    zorg: Organisation
    welzijn: Organisation
    elders: Organisation


def make_user(username: str, organisation: Organisation) -> User:
    user = User.objects.create_user(
        username=username, password="correct horse battery", first_name=username.capitalize()
    )
    membership_add(user=user, organisation=organisation)
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    # Argon2 is slow on purpose; the tests create many users and test no hashing strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    # Every test's rows are rolled back, so ids (and with them the revision-keyed cache keys
    # of analyses) repeat from test to test: an earlier test's figures must not be found.
    from django.core.cache import cache

    from stuurknop.web.projects.selectors import forget_local_cache

    cache.clear()
    forget_local_cache()


@pytest.fixture
def people(db: None) -> People:
    woco = organisation_create(name="Woonstichting Het Anker", party_type="woningcorporatie")
    zorg = organisation_create(name="Zorggroep Zuid", party_type="zorgorganisatie")
    welzijn = organisation_create(name="Welzijn Samen", party_type="sociaal_werkorganisatie")
    elders = organisation_create(name="Gemeente Elders", party_type="gemeente")
    return People(
        anna=make_user("anna", woco),
        bram=make_user("bram", zorg),
        carla=make_user("carla", welzijn),
        olaf=make_user("olaf", elders),
        woco=woco,
        zorg=zorg,
        welzijn=welzijn,
        elders=elders,
    )


@pytest.fixture
def shared_document(make_document: Callable[..., ProjectDocument]) -> ProjectDocument:
    """De Linde (2025–2029): two knobs on, a yearly cost item with one funding line."""
    return make_document(
        knobs={2: 2, 4: 1},
        costs=[{"id": "k1", "knob": 4, "description": "Activiteitenbegeleider", "amount": "20000"}],
        funding=[{"party": "gemeente", "source": "III", "years": 2, "amount": "20000"}],
        interests={"woco": {"goed_wonen": 3}, "zorg": {"minder_zorgvraag": 2}},
        chosen=True,
    )


@pytest.fixture
def project(people: People, shared_document: ProjectDocument) -> Project:
    """The shared project: anna beheerder, bram bewerker, carla lezer."""
    project = project_import(document=shared_document, by=people.anna, organisation=people.woco)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    ProjectMember.objects.create(project=project, user=people.carla, role=Role.LEZER)
    return project


@pytest.fixture
def as_json() -> Callable[[Any], Any]:
    """Plain JSON data of a document, for exact comparisons."""
    from stuurknop.projectfile import to_data

    return to_data
