"""A project full of the worst text people can type still shows every page and every document.

The probe's texts: control characters, formula and markup look-alikes, the cache's old CSRF
placeholder, and texts at the longest length allowed, entered through the services as forms
and imports would. Every route of the access table is then asked by the beheerder (the role
that sees the most), and every document format is downloaded: no answer may be a server error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from stuurknop.reports.registry import FORMATS
from stuurknop.web.jobs.worker import run_queued_jobs
from stuurknop.web.projects.models import CostItem, FundingLine, KnobSetting, Scenario
from stuurknop.web.projects.selectors import forget_local_cache
from stuurknop.web.projects.services import (
    cost_item_update,
    funding_line_create,
    knob_setting_update,
    project_basics_update,
    project_party_add,
    scenario_update,
)
from stuurknop.web.projects.services.perspectives import (
    perspective_set,
    perspective_version,
    perspectives_reveal,
)
from stuurknop.web.projects.services.projects import project_party_update

from .access_matrix import ACCESS
from .test_access_matrix import COVERED, Route, World, _ask, _build_world

FORMULA = '=HYPERLINK("http://example.invalid","klik")'
LONG_NAME = ("=cmd|' /C calc'!A0 \x01\x0b\x1b <b>vet</b> " * 10)[:200]
LONG_TEXT = ('"\\<script>\x1b</script> stuurknop-csrf-placeholder-0d9f2c\r\n' * 400)[:20_000]


def _make_hostile(world: World) -> None:
    anna = world.people["anna"]
    project = world.project
    project.refresh_from_db()
    project_basics_update(
        project=project,
        by=anna,
        expected_version=project.version,
        name=FORMULA,
        municipality="@SUM(A1)\x01",
        homes=80,
        first_year=project.first_year,
        horizon_years=project.horizon_years,
        neighbourhood="+31\x0b",
        description=LONG_TEXT,
    )
    woco = project.parties.get(key="woco")
    project_party_update(
        project=project,
        party=woco,
        by=anna,
        name=LONG_NAME,
        party_type=woco.party_type,
        at_table=True,
    )
    project_party_add(project=project, by=anna, name="-1\x1b Fonds", party_type="fonds")
    scenario = Scenario.objects.get(project=project, name="Basis")
    scenario_update(
        scenario=scenario,
        by=anna,
        expected_version=scenario.version,
        name="Basis \x1b[2J",
        description=LONG_TEXT,
        chosen=True,
    )
    for knob in (2, 4):
        setting = KnobSetting.objects.get(scenario=scenario, knob=knob)
        knob_setting_update(
            scenario=scenario,
            knob=knob,
            by=anna,
            expected_version=setting.version,
            status="aan",
            opening=3,
            elaboration=LONG_TEXT,
            lead_party="woco",
            answers=[LONG_TEXT, FORMULA, "\x01"],
        )
    item = CostItem.objects.get(scenario=scenario, key="k1")
    cost_item_update(
        cost_item=item,
        by=anna,
        expected_version=item.version,
        knob=item.knob,
        description=LONG_NAME,
        kind=item.kind,
        amount=item.amount,
        first_year=item.first_year,
        years=item.years,
        party="woco",
    )
    funding_line_create(
        scenario=scenario, by=anna, cost_item="k1", party="woco", source="IV", amount="1000"
    )
    perspective_set(
        project=project,
        by=anna,
        party="woco",
        knobs={2: 3},
        values={"goed_wonen": 3},
        remarks=LONG_TEXT,
        expected_version=perspective_version(project, "woco"),
    )
    perspectives_reveal(project=project, by=anna)


@pytest.fixture(scope="module")
def hostile_world(
    django_db_setup: None,
    django_db_blocker: Any,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        world = _build_world(document_data, make_scenario)
        _make_hostile(world)
        world.kwargs["funding_line_id"] = FundingLine.objects.filter(
            scenario__project=world.project
        ).values_list("pk", flat=True)[0]
        yield world
        transaction.set_rollback(True)
    cache.clear()
    forget_local_cache()


PROJECT_ROUTES = [r for r in COVERED if ACCESS[r.name].role in {"lezer", "bewerker", "beheerder"}]


@pytest.mark.parametrize("route", PROJECT_ROUTES, ids=lambda r: r.name)
def test_every_project_route_answers_without_a_server_error(
    hostile_world: World, db: None, route: Route
) -> None:
    response = _ask(hostile_world, "anna", route)
    assert response.status_code < 500, f"{route.name}: {response.status_code}"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_document_downloads(hostile_world: World, db: None, fmt: str) -> None:
    client = Client()
    client.force_login(hostile_world.people["anna"])
    kwargs = hostile_world.kwargs
    url = f"/projecten/{kwargs['project_id']}/scenario/{kwargs['scenario_id']}/documenten/{fmt}/"
    assert client.get(url).status_code == 202  # queued: a worker makes it
    run_queued_jobs()
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert len(response.content) > 1000
