"""Analyses are cached per project revision: every write moves the revision, so a page never
shows figures of an older project; the cache works in memory and on a real Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.core.cache import caches
from django.test import override_settings

from stuurknop.web.projects import services
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.selectors import (
    cached_for_revision,
    project_revision,
    scenario_analysis,
)
from tests.web.test_settings import run_django

if TYPE_CHECKING:
    from tests.web.conftest import People

REDIS_URL = os.environ.get("STUURKNOP_TEST_REDIS", "redis://127.0.0.1:6379/15")


def _redis_reachable() -> str | None:
    """None when Redis answers, else the reason it does not."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return str(exc)
    return None


@pytest.fixture
def redis_cache() -> Iterator[None]:
    """Django's cache on the real Redis (in CI a missing Redis fails, elsewhere it skips)."""
    reason = _redis_reachable()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL} ({reason}): a failure in CI.")
        pytest.skip(f"no Redis at {REDIS_URL}: {reason}")
    prefix = f"test-{uuid.uuid4().hex}"
    config = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=config):
        yield
        caches["default"].clear()


def _total_cost(project: Project) -> Decimal:
    scenario = project.scenarios.get()
    return scenario_analysis(project, scenario).money.total_costs


WRITES: dict[str, Callable[[Project, People], Any]] = {
    "knob": lambda p, who: services.knob_setting_update(
        scenario=p.scenarios.get(), knob=7, by=who.bram, expected_version=0, status="aan", opening=2
    ),
    "cost item added": lambda p, who: services.cost_item_create(
        scenario=p.scenarios.get(),
        by=who.bram,
        knob=4,
        description="Inrichting",
        kind="eenmalig",
        amount="5000",
        first_year=2025,
    ),
    "cost item changed": lambda p, who: services.cost_item_update(
        cost_item=(item := p.scenarios.get().cost_items.get()),
        by=who.bram,
        expected_version=item.version,
        knob=4,
        description=item.description,
        kind=item.kind,
        amount="30000",
        first_year=item.first_year,
        years=item.years,
    ),
    "funding line added": lambda p, who: services.funding_line_create(
        scenario=p.scenarios.get(),
        by=who.bram,
        cost_item="k1",
        party="woco",
        source="I",
        amount="1000",
    ),
    "interest": lambda p, who: services.interest_set(
        scenario=p.scenarios.get(),
        by=who.bram,
        expected_version=0,
        party="gemeente",
        value="goed_wonen",
        weight=2,
    ),
    "scenario renamed": lambda p, who: services.scenario_update(
        scenario=(s := p.scenarios.get()),
        by=who.bram,
        expected_version=s.version,
        name="Basis herzien",
        chosen=True,
    ),
    "basics": lambda p, who: services.project_basics_update(
        project=p,
        by=who.bram,
        expected_version=p.version,
        name=p.name,
        municipality=p.municipality,
        homes=p.homes + 1,
        first_year=p.first_year,
        horizon_years=p.horizon_years,
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_moves_the_revision(project: Project, people: People, write: str) -> None:
    before = project_revision(project)
    WRITES[write](project, people)
    project.refresh_from_db()
    assert project_revision(project) > before


def test_a_cached_analysis_follows_a_change(project: Project, people: People) -> None:
    assert _total_cost(project) == 20_000 * 5  # 20 000 a year, five years
    WRITES["cost item changed"](project, people)
    assert _total_cost(project) == 30_000 * 5


def test_a_failed_write_leaves_the_revision_and_the_cache_alone(
    project: Project, people: People
) -> None:
    before = project_revision(project)
    cost = _total_cost(project)
    with pytest.raises(Exception, match="bedrag"):
        services.cost_item_create(
            scenario=project.scenarios.get(),
            by=people.bram,
            knob=4,
            description="Fout",
            kind="eenmalig",
            amount="-1",
            first_year=2025,
        )
    assert project_revision(project) == before
    assert _total_cost(project) == cost


def test_the_cache_computes_once_per_revision(project: Project, people: People) -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cached_for_revision(project, "probe", compute) == 1
    assert cached_for_revision(project, "probe", compute) == 1
    WRITES["knob"](project, people)
    assert cached_for_revision(project, "probe", compute) == 2


@pytest.mark.usefixtures("redis_cache")
def test_analyses_are_cached_in_redis(project: Project, people: People) -> None:
    assert caches["default"].__class__.__name__ == "RedisCache"
    revision = project_revision(project)
    scenario = project.scenarios.get()
    first = scenario_analysis(project, scenario)
    key = f"project:{project.pk}:r{revision}:{project.model_version}:analysis:{scenario.pk}"
    assert caches["default"].get(key) == first
    WRITES["cost item changed"](project, people)
    assert scenario_analysis(project, scenario).money.total_costs == 30_000 * 5


def test_a_bad_redis_url_stops_the_start(tmp_path: Path) -> None:
    result = run_django(tmp_path, {"REDIS_URL": "http://cache:6379"}, "check")
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr
