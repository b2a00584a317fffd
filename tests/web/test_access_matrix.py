"""Every URL of the site, asked by every kind of person: who gets in, and how the others don't.

The test walks Django's URL resolver, so a page is covered the moment it is routed; its
expectations come from ``ACCESS`` in ``tests/web/access_matrix.py``. Anonymous visitors go to
the login page (unless a route is public), outsiders get 404 (a project's existence must not
leak), members below the route's role get 403, the others get in. An archived project refuses
every ``editable`` route, even to its beheerder. One project, built once through the services,
serves the whole module; each test's changes are rolled back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from stuurknop.projectfile import parse_document
from stuurknop.web.accounts.services import membership_add, organisation_create
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    Interest,
    Invitation,
    LogEntry,
    Project,
    ProjectMember,
)
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import forget_local_cache
from stuurknop.web.projects.services import (
    invitation_accept,
    invitation_create,
    project_import,
)

from .access_matrix import ACCESS, AREAS, Access

# Admin pages have the admin's own checks (tests/web/test_admin_model.py); the language switcher
# is Django's, tested in tests/web/test_i18n.py. The JSON API answers with status codes, not
# pages: its own matrix is tests/web/api/test_access.py.
SKIPPED_NAMESPACES = {"admin", "api"}
SKIPPED_NAMES = {"set_language"}
PEOPLE = ("anonymous", "olaf", "carla", "bram", "anna")
ROLES = {"olaf": None, "carla": Role.LEZER, "bram": Role.BEWERKER, "anna": Role.BEHEERDER}
KNOWN_ROLES = {"public", "user", "organisation", *Role.values}
PROJECT_NAME = "Matrixhof"


@dataclass(frozen=True)
class Route:
    name: str  # as reverse() takes it, with its namespace
    pattern: str  # the whole path pattern, for messages
    kwargs: tuple[str, ...]


def _kwarg_names(pattern: Any) -> list[str]:
    converters = getattr(pattern, "converters", None)
    if converters is not None:  # path("…/<int:project_id>/")
        return list(converters)
    return list(pattern.regex.groupindex)  # re_path(r"…(?P<name>…)")


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str, namespace: str | None, names: list[str]
) -> Iterator[Route | str]:
    for entry in patterns:
        here = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else None
            yield from _walk(
                entry.url_patterns,
                here,
                inner or entry.namespace or namespace,
                [*names, *_kwarg_names(entry.pattern)],
            )
        elif entry.name is None:
            yield here  # a route nobody can reverse, nor put in the table
        elif entry.name not in SKIPPED_NAMES:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(name, here, (*names, *_kwarg_names(entry.pattern)))


def site_routes() -> tuple[list[Route], list[str]]:
    """Every named route of the site (minus the skipped ones), and the paths without a name."""
    named: dict[str, Route] = {}
    nameless: list[str] = []
    for found in _walk(get_resolver().url_patterns, "", None, []):
        if isinstance(found, Route):
            named.setdefault(found.name, found)  # reverse() takes the first one, as here
        else:
            nameless.append(found)
    return list(named.values()), nameless


ROUTES, NAMELESS = site_routes()
COVERED = [route for route in ROUTES if route.name in ACCESS]


# --- The world: one project with one of everything a URL can name -----------------------


@dataclass
class World:
    project: Project
    people: dict[str, User]
    kwargs: dict[str, Any]


def _person(username: str, organisation_name: str, party_type: str) -> User:
    organisation = organisation_create(name=organisation_name, party_type=party_type)
    user = User.objects.create_user(
        username=username, password="correct horse battery", email=f"{username}@example.org"
    )
    membership_add(user=user, organisation=organisation)
    return user


def _build_world(
    document_data: Callable[..., dict[str, Any]], make_scenario: Callable[..., dict[str, Any]]
) -> World:
    people = {
        "anna": _person("anna", "Woonstichting Matrix", "woningcorporatie"),
        "bram": _person("bram", "Zorggroep Matrix", "zorgorganisatie"),
        "carla": _person("carla", "Welzijn Matrix", "sociaal_werkorganisatie"),
        "olaf": _person("olaf", "Gemeente Elders", "gemeente"),
    }
    basis = make_scenario(
        "Basis",
        knobs={4: 2, 2: 1},
        costs=[{"id": "k1", "knob": 4, "description": "Activiteitenbegeleider", "amount": 20000}],
        funding=[{"party": "gemeente", "source": "III", "years": 2, "amount": 20000}],
        interests={"woco": {"goed_wonen": 3}, "zorg": {"minder_zorgvraag": 2}},
        chosen=True,
    )
    data = document_data(scenarios=[basis, make_scenario("Variant")])
    data["project"]["name"] = PROJECT_NAME
    anna = people["anna"]
    project = project_import(document=parse_document(data), by=anna)
    for username, role in (("bram", Role.BEWERKER), ("carla", Role.LEZER)):
        _invitation, token = invitation_create(
            project=project, by=anna, email=f"{username}@example.org", role=role
        )
        invitation_accept(token=token, user=people[username])
    open_invitation, open_token = invitation_create(
        project=project, by=anna, email="nog-niet@example.org", role=Role.LEZER
    )
    scenario = project.scenarios.get(name="Basis")
    cost_item = CostItem.objects.get(scenario=scenario, key="k1")
    extra: dict[str, Any] = {}
    for area in AREAS:
        extra.update(area.world_kwargs(project, people))
    return World(
        project=project,
        people=people,
        kwargs={
            "project_id": project.pk,
            "scenario_id": scenario.pk,
            "knob": cost_item.knob,
            "cost_item_id": cost_item.pk,
            "funding_line_id": FundingLine.objects.get(scenario=scenario, cost_item=cost_item).pk,
            "interest_id": Interest.objects.filter(scenario=scenario).values_list("pk", flat=True)[
                0
            ],
            "party_id": project.parties.get(key="woco").pk,
            "member_id": ProjectMember.objects.get(project=project, user=people["bram"]).pk,
            "invitation_id": open_invitation.pk,
            "token": open_token,
            "uidb64": urlsafe_base64_encode(force_bytes(anna.pk)),  # Django's reset link
            **extra,
        },
    )


@pytest.fixture(scope="module")
def world(
    django_db_setup: None,
    django_db_blocker: Any,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> Iterator[World]:
    """Built once per module inside a transaction that is rolled back at the end; every test
    runs in a savepoint of its own within it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world(document_data, make_scenario)
        transaction.set_rollback(True)
    cache.clear()  # analyses cached for this project's id must not outlive it
    forget_local_cache()


# --- Asking --------------------------------------------------------------------------------


def _url(route: Route, world: World) -> str:
    unknown = [name for name in route.kwargs if name not in world.kwargs]
    if unknown:
        pytest.fail(
            f"{route.name} ({route.pattern}) takes {unknown}: use the fixed URL kwarg names "
            f"{sorted(world.kwargs)}, or teach tests/web/test_access_matrix.py the new one."
        )
    return reverse(route.name, kwargs={name: world.kwargs[name] for name in route.kwargs})


def _data(access: Access, world: World) -> dict[str, Any]:
    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return value.format(**world.kwargs)
        if isinstance(value, list | tuple):
            return [fill(item) for item in value]
        return value

    return {key: fill(value) for key, value in access.data.items()}


def _ask(world: World, who: str, route: Route, method: str | None = None) -> HttpResponse:
    access = ACCESS[route.name]
    client = Client()
    if who != "anonymous":
        client.force_login(world.people[who])
    url = _url(route, world)
    if (method or access.method) == "POST":
        return client.post(url, _data(access, world))
    return client.get(url, _data(access, world))


def _got_in(response: HttpResponse, access: Access) -> bool:
    """Access granted: a page, a redirect, or (for a POST) a form that refuses its body."""
    code = response.status_code
    return 200 <= code < 400 or (access.method == "POST" and code == 400)


def _expected(access: Access, who: str) -> str:
    if access.role == "public":
        return "in"
    if who == "anonymous":
        return "login"
    if access.role == "user":
        return "in"
    if access.role == "organisation":  # anna works at the world's organisation
        return "in" if who == "anna" else "404"
    role = ROLES[who]
    if role is None:
        return "404"
    return "in" if role.at_least(access.role) else "403"


def _fingerprint(project: Project) -> tuple[int, ...]:
    """What any change through the services leaves behind (each writes the log)."""
    project.refresh_from_db()
    return (
        LogEntry.objects.filter(project=project).count(),
        project.version,
        int(project.archived),
        ProjectMember.objects.filter(project=project).count(),
        Invitation.objects.filter(project=project).count(),
        Project.objects.count(),
    )


# --- The table covers the site ------------------------------------------------------------


def test_every_route_of_the_site_has_an_entry_in_the_access_table() -> None:
    missing = sorted(f"{r.name}  ({r.pattern})" for r in ROUTES if r.name not in ACCESS)
    assert not missing, (
        "These URL names have no entry in ACCESS (tests/web/access_matrix.py); add one per "
        "name, e.g. 'name': Access(\"lezer\"), saying who may use it:\n  " + "\n  ".join(missing)
    )


def test_every_route_has_a_name() -> None:
    assert not NAMELESS, f"Give these routes a name (and an ACCESS entry): {NAMELESS}"


def test_every_entry_of_the_access_table_is_a_route_of_the_site() -> None:
    routed = {route.name for route in ROUTES}
    stale = sorted(set(ACCESS) - routed - SKIPPED_NAMES)
    assert not stale, f"ACCESS has entries for URL names that are not routed (remove them): {stale}"


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_each_entry_names_a_known_role_and_method(name: str) -> None:
    access = ACCESS[name]
    assert access.role in KNOWN_ROLES, f"{name}: role {access.role!r} is not one of {KNOWN_ROLES}"
    assert access.method in {"GET", "POST"}, f"{name}: method {access.method!r}"
    assert not (access.editable and access.role in {"public", "user", "organisation"}), (
        f"{name}: only a project route can be refused for an archived project"
    )


# --- Who gets in ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("route", COVERED, ids=lambda r: r.name)
def test_each_person_gets_the_status_the_table_expects(
    world: World, db: None, route: Route, who: str
) -> None:
    access = ACCESS[route.name]
    response = _ask(world, who, route)
    expected = _expected(access, who)
    seen = f"{access.method} {route.name} as {who}: {response.status_code}"
    if expected == "login":
        assert response.status_code == 302, seen
        assert response["Location"].startswith(reverse("login") + "?next="), seen
    elif expected == "404":
        assert response.status_code == 404, seen
    elif expected == "403":
        assert response.status_code == 403, seen
    else:
        assert _got_in(response, access), seen
        if access.role == "public" and who == "anonymous" and response.status_code == 302:
            assert not response["Location"].startswith(reverse("login")), seen
    if response.status_code in (403, 404) and who == "olaf":
        assert PROJECT_NAME not in response.content.decode(), f"{seen} shows the project name"


EDITABLE = [route for route in COVERED if ACCESS[route.name].editable]


@pytest.mark.parametrize("route", EDITABLE, ids=lambda r: r.name)
def test_an_archived_project_refuses_editing_routes_even_to_its_beheerder(
    world: World, db: None, route: Route
) -> None:
    Project.objects.filter(pk=world.project.pk).update(archived=True)
    before = _fingerprint(world.project)
    response = _ask(world, "anna", route)
    assert response.status_code == 403, f"{route.name} on an archived project"
    assert _fingerprint(world.project) == before


POST_ONLY = [route for route in COVERED if ACCESS[route.name].method == "POST"]


@pytest.mark.parametrize("route", POST_ONLY, ids=lambda r: r.name)
def test_a_post_route_asked_with_get_changes_nothing(world: World, db: None, route: Route) -> None:
    before = _fingerprint(world.project)
    response = _ask(world, "anna", route, method="GET")
    # 405 is the usual answer; a form page or a redirect will do, as long as nothing changed.
    assert response.status_code < 500, route.name
    assert _fingerprint(world.project) == before, f"GET {route.name} changed something"
