"""schemathesis against the running app (its WSGI application) on the example projects:
every operation of the OpenAPI schema is called with generated data and a read-write token,
and no answer may be a server error or differ from the schema (status code, content type,
headers, body).

Path arguments are pointed at the imported examples (a random project id would only ever meet
a 404), and every other write names the version it read, so that writes get past the
concurrency check and reach the services. The number of cases run is printed at the end.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client

from stuurknop.web.api.tokens import token_create
from stuurknop.web.projects.models import FundingLine
from stuurknop.web.projects.services import project_import_json
from stuurknop.web.projects.services.actuals import actual_create
from stuurknop.web.projects.services.lessons import lesson_create

from ..conftest import People
from .test_access import api_routes

EXAMPLES = Path(__file__).parents[3] / "stuurknop" / "examples"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Bounded so that the run takes about a minute; more with STUURKNOP_SCHEMATHESIS_EXAMPLES.
EXAMPLES_PER_OPERATION = int(os.environ.get("STUURKNOP_SCHEMATHESIS_EXAMPLES", "5"))
RUN = {"cases": 0, "server_errors": 0}
_alternate = itertools.count()


def api_schema() -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def connection_kept() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request, which would end
    the test's transaction; Django's test client keeps it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def example(connection_kept: None, people: People, settings: Any) -> dict[str, Any]:
    """The Thuisflat example, imported by anna (beheerder), with her token and its ids."""
    settings.STUURKNOP_API_RATE = "100000/minute"
    project = project_import_json(raw=(EXAMPLES / "thuisflat.json").read_bytes(), by=people.anna)
    scenario = project.scenarios.get(chosen=True)
    _token, secret = token_create(user=people.anna, name="schemathesis", scope="schrijven")
    funding = FundingLine.objects.filter(scenario=scenario).first()
    cost = scenario.cost_items.first()
    # A lesson and realised money on a cost item, for their rows' routes.
    lesson = lesson_create(project=project, by=people.anna, title="Vroeg beginnen")
    actual = actual_create(
        scenario=scenario,
        by=people.anna,
        cost_item=cost.key if cost else None,
        year=project.first_year,
        amount="1000",
    )
    # An aimed value with evidence needed and indicators, for the evidence plan's parts.
    plan = next(p for p in scenario.evidence if p["before_decision"] and p["indicators"])
    return {
        "authorization": f"Bearer {secret}",
        "project": project,
        "path": {
            "project_id": project.pk,
            "scenario_id": scenario.pk,
            "party": project.parties.first().key,  # type: ignore[union-attr]
            "value": plan["value"],
            "number": 1,
            "indicator_id": plan["indicators"][0]["id"],
            "organisation_slug": people.woco.slug,
        },
        "keys": {
            "cost-items": cost.key if cost else "k1",
            "funding-lines": funding.key if funding else "f1",
            "lessons": lesson.key,
            "actuals": actual.key,
        },
    }


def _aim(case: Any, example: dict[str, Any]) -> None:
    """Point the case's path at the example and, every other time, name the read version."""
    if case.path_parameters is None:
        return
    for name, value in example["path"].items():
        if name in case.path_parameters:
            case.path_parameters[name] = value
    if "key" in case.path_parameters:
        for part, key in example["keys"].items():
            if f"/{part}/" in case.operation.path:
                case.path_parameters["key"] = key
    if case.method.upper() in {"PUT", "DELETE"} and next(_alternate) % 2 == 0:
        # Through the WSGI app too: Django's test client would connect the signal that closes
        # the database connection after a request again (see connection_kept).
        read = Client(get_wsgi_application()).get(
            case.formatted_path, headers={"Authorization": example["authorization"]}
        )
        if "ETag" in read.headers:
            case.headers = {**(case.headers or {}), "If-Match": read.headers["ETag"]}


def _run_operation(operation: Any, example: dict[str, Any]) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def call(case: Any) -> None:
        _aim(case, example)
        RUN["cases"] += 1
        response = case.call(headers={"Authorization": example["authorization"]})
        if response.status_code >= 500:
            RUN["server_errors"] += 1
        case.validate_response(response, checks=CHECKS)

    call()


def _destructive_last(operation: Any) -> int:
    """Deleting the example's scenario or archiving its project would turn every later call
    into a 404 or 403, so those run after all others (the archive last of all)."""
    if operation.path.endswith("/archive/"):
        return 2
    if operation.method.upper() == "DELETE" and operation.path.endswith(
        "/scenarios/{scenario_id}/"
    ):
        return 1
    return 0


def test_the_api_answers_every_generated_call_as_its_schema_says(
    example: dict[str, Any],
) -> None:
    failures: list[str] = []
    operations = sorted(
        (result.ok() for result in api_schema().get_all_operations()), key=_destructive_last
    )
    for operation in operations:
        try:
            _run_operation(operation, example)
        except Exception as exc:  # one operation's failure must not hide the others'
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    print(
        f"\nschemathesis: {len(operations)} operations, {RUN['cases']} cases run, "
        f"{RUN['server_errors']} server errors"
    )
    assert not failures, "\n\n".join(failures)
    assert RUN["server_errors"] == 0


def test_the_schema_describes_every_route_and_method_of_the_api(
    db: None, connection_kept: None
) -> None:
    described: dict[str, set[str]] = {}
    for result in api_schema().get_all_operations():
        operation = result.ok()
        described.setdefault(operation.path, set()).add(operation.method.upper())
    routed = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern): methods
        for name, (pattern, methods) in api_routes().items()
        if name not in {"api:schema", "api:docs"}
    }
    assert described == routed
