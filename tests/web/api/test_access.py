"""Every API endpoint and method, called by every kind of person with a read-write token.

Anonymous callers get 401 (unless public), outsiders 404 (a project's existence must not
leak), members below the endpoint's role 403; the others get in (an answer below 400, or the
400/412/428 that refuses the empty body or the guessed version after access was granted). The
endpoints are found by walking the URL resolver, so a new one fails here until it is listed in
``access_table.py``; each test's changes are rolled back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from stuurknop.web.jobs.services import start_document_job
from stuurknop.web.projects.models import (
    Action,
    Actual,
    Decision,
    FundingLine,
    Lesson,
    Project,
    Scenario,
)
from stuurknop.web.projects.selectors import forget_local_cache
from stuurknop.web.projects.services.effects import effect_save
from stuurknop.web.projects.services.evidence import evidence_need_save, indicator_save
from stuurknop.web.projects.services.perspectives import perspective_set, perspectives_reveal

from ..test_access_matrix import PROJECT_NAME, ROLES, World, _build_world
from .access_table import API_ACCESS, ApiAccess
from .conftest import token_client

# One effect estimate in the world's chosen scenario, for the routes that name one.
EFFECT = {
    "id": "wmo-uitstel",
    "value": "minder_zorgvraag",
    "route": "beter_zien",
    "knobs": [4],
    "beneficiary": "gemeente",
    "low": "0",
    "expected": "12000",
    "high": "30000",
    "first_year": "2026",
    "years": "3",
    "assumption": "Twee bewoners per jaar later in de Wmo.",
}
PEOPLE = ("anonymous", "olaf", "carla", "bram", "anna")
IGNORED_METHODS = {"OPTIONS", "HEAD"}


def api_routes() -> dict[str, tuple[str, set[str]]]:
    """Every route of the API: name → (pattern, the methods its view answers)."""
    found: dict[str, tuple[str, set[str]]] = {}

    def walk(patterns: list[Any], prefix: str, inside: bool) -> None:
        for entry in patterns:
            here = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, here, inside or entry.app_name == "api")
            elif isinstance(entry, URLPattern) and inside:
                view = entry.callback
                cls = getattr(view, "cls", getattr(view, "view_class", None))
                methods = {
                    m.upper()
                    for m in getattr(cls, "http_method_names", [])
                    if hasattr(cls, m) and m.upper() not in IGNORED_METHODS
                }
                found[f"api:{entry.name}"] = (here, methods)

    walk(get_resolver().url_patterns, "", False)
    return found


ROUTES = api_routes()
CASES = [(name, method) for name, access in API_ACCESS.items() for method in sorted(access.methods)]


def test_every_endpoint_and_method_is_in_the_table() -> None:
    missing = sorted(set(ROUTES) - set(API_ACCESS))
    assert not missing, f"add these API routes to tests/web/api/access_table.py: {missing}"
    stale = sorted(set(API_ACCESS) - set(ROUTES))
    assert not stale, f"access_table.py lists routes that do not exist: {stale}"
    for name, (pattern, methods) in ROUTES.items():
        listed = set(API_ACCESS[name].methods)
        assert listed == methods, f"{name} ({pattern}) answers {methods}, the table {listed}"


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, document_data: Any, make_scenario: Any
) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        built = _build_world(document_data, make_scenario)
        funding = FundingLine.objects.filter(scenario_id=built.kwargs["scenario_id"]).first()
        assert funding is not None
        scenario = Scenario.objects.get(pk=built.kwargs["scenario_id"])
        job = start_document_job(
            project=built.project, scenario=scenario, user=built.people["anna"], fmt="pdf"
        )
        # A revealed own view of woco, so that members may read it (hidden ones are 404).
        anna = built.people["anna"]
        perspective_set(
            project=built.project,
            by=anna,
            party="woco",
            knobs={4: 2},
            values={},
            remarks="",
            expected_version=1,
        )
        perspectives_reveal(project=built.project, by=anna)
        effect_save(
            scenario=scenario,
            by=anna,
            expected_version=scenario.version,
            effect_id=None,
            data=EFFECT,
        )
        # Evidence needed for goed_wonen and an indicator of it, for the evidence plan's parts.
        scenario.refresh_from_db()
        evidence_need_save(
            scenario=scenario,
            by=anna,
            expected_version=scenario.version,
            value="goed_wonen",
            index=None,
            data={"kind": "onderzoek", "description": "Onderzoek naar wonen"},
        )
        indicator = indicator_save(
            scenario=scenario,
            by=anna,
            expected_version=scenario.version,
            value="goed_wonen",
            indicator_id=None,
            data={"name": "Tevredenheid over de woning"},
        )
        built.kwargs.update(
            number=1,
            indicator_id=indicator.id,
            own_party="woco",
            effect_id=EFFECT["id"],
            key="k1",
            funding_key=funding.key,
            party="woco",
            value="goed_wonen",
            knob=4,
            job_id=job.pk,
            organisation_slug=built.people["anna"].memberships.get().organisation.slug,
            decision_key=Decision.objects.get(pk=built.kwargs["decision_id"]).key,
            action_key=Action.objects.get(pk=built.kwargs["action_id"]).key,
            lesson_key=Lesson.objects.get(pk=built.kwargs["lesson_id"]).key,
            actual_key=Actual.objects.get(pk=built.kwargs["actual_id"]).key,
        )
        yield built
        transaction.set_rollback(True)
    cache.clear()
    forget_local_cache()


def _expected(role: str, who: str) -> str:
    if role == "public":
        return "in"
    if who == "anonymous":
        return "401"
    if role == "user":
        return "in"
    if role == "organisation":
        return "in" if who == "anna" else "404"
    held = ROLES[who]
    if held is None:
        return "404"
    return "in" if held.at_least(role) else "403"


def _call(world: World, who: str, name: str, access: ApiAccess, method: str) -> Any:
    client = APIClient() if who == "anonymous" else token_client(world.people[who])
    pattern, _methods = ROUTES[name]
    wanted = [part.split(">")[0].split(":")[-1] for part in pattern.split("<")[1:]]
    kwargs = {arg: world.kwargs[access.kwargs.get(arg, arg)] for arg in wanted}
    url = reverse(name, kwargs=kwargs)
    headers = {"HTTP_IF_MATCH": '"999"'} if method in {"PUT", "DELETE"} else {}
    body = {} if method in {"POST", "PUT"} else None
    return client.generic(
        method,
        url,
        data="{}" if body is not None else "",
        content_type="application/json",
        **headers,
    )


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize(("name", "method"), CASES, ids=[f"{n} {m}" for n, m in CASES])
def test_each_person_gets_the_status_the_table_expects(
    world: World, db: None, name: str, method: str, who: str
) -> None:
    access = API_ACCESS[name]
    response = _call(world, who, name, access, method)
    expected = _expected(access.methods[method], who)
    seen = f"{method} {name} as {who}: {response.status_code}"
    if expected == "in":
        assert response.status_code < 400 or response.status_code in {400, 412, 428}, seen
    else:
        assert str(response.status_code) == expected, seen
    if response.status_code >= 400:
        assert PROJECT_NAME not in response.content.decode(), f"{seen} shows the project name"


def test_an_archived_project_refuses_every_write_even_to_its_beheerder(
    world: World, db: None
) -> None:
    Project.objects.filter(pk=world.project.pk).update(archived=True)
    # Not the project's: a new project, a document (it reads), an organisation's positions.
    others = {"api:project_list", "api:documents", "api:positions"}
    writes = [(n, m) for n, m in CASES if m != "GET" and n not in others]
    for name, method in writes:
        response = _call(world, "anna", name, API_ACCESS[name], method)
        assert response.status_code == 403, f"{method} {name}: {response.status_code}"
