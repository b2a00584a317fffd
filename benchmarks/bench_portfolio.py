"""An organisation's portfolio at scale (issue 15): 10,000 projects, 500 organisations, on
PostgreSQL; target: p95 under 500 ms per page.

Set-up: the database ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/
stuurknop_bench_portfolio``, created when missing), migrated, filled once by
``portfolio_data.py`` (kept between runs; ``--fresh`` builds it again). Each page is asked
through Django's full stack in this process (middleware, permission check, selectors, template)
by a signed-in member, after one warm-up; the times are wall-clock per request. Pages: the
portfolio of the organisation in the most projects of the realistic spread (a housing
corporation), the same filtered by knob and source and sorted, its second page, and the
portfolio of the zorgkantoor at the table of all 10,000 projects. Also prints what one summary
costs to compute, the reason the summaries are stored per revision rather than computed per
request.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUDGET_MS = 500.0
REPEATS = 30
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/stuurknop_bench_portfolio"


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stuurknop.web.settings")
    os.environ.setdefault("STUURKNOP_DEV", "1")
    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.conf import settings

    # The developer settings' static files, but no query log (it grows with every request and
    # costs time no production request spends).
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _create_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        print(f"portfolio: skipped, it measures PostgreSQL (DATABASE_URL={url})")
        return
    import psycopg

    try:
        _setup()
    except psycopg.OperationalError as exc:
        print(f"portfolio: skipped, no PostgreSQL at {url}: {exc}")
        return
    import portfolio_data
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from stuurknop.web.accounts.models import Organisation
    from stuurknop.web.portfolio.models import PortfolioEntry
    from stuurknop.web.portfolio.services import summary_refresh
    from stuurknop.web.projects.models import Project, ProjectParty

    fresh = PortfolioEntry.objects.count() == 0  # e.g. a migration dropped the summaries
    if fresh or "--fresh" in sys.argv or Project.objects.count() != portfolio_data.PROJECTS:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE projects_project, accounts_organisation CASCADE")
        start = time.perf_counter()
        portfolio_data.generate()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"portfolio: generated 10,000 projects in {time.perf_counter() - start:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from django.db.models import Count

    largest = (
        Organisation.objects.exclude(slug="zorgkantoor")
        .annotate(n=Count("project_parties"))
        .order_by("-n")
        .first()
    )
    assert largest is not None
    counts = {
        o.slug: ProjectParty.objects.filter(organisation=o).count()
        for o in (largest, Organisation.objects.get(slug="zorgkantoor"))
    }
    user = portfolio_data.bench_user([largest.slug, "zorgkantoor"])
    client = Client()
    client.force_login(user)
    pages = (
        (f"{largest.name} ({counts[largest.slug]} projecten)", largest.slug, ""),
        (
            "  gefilterd: stuurknop 4 aan, bron II, op gemeente",
            largest.slug,
            "?stuurknop=4&bron=II&sorteer=gemeente",
        ),
        ("  pagina 2", largest.slug, "?pagina=2"),
        (f"Zorgkantoor ({counts['zorgkantoor']} projecten)", "zorgkantoor", ""),
    )
    print(f"portfolio pages, {REPEATS} requests each (budget p95 < {BUDGET_MS:.0f} ms):")
    for label, slug, query in pages:
        url = reverse("portfolio_page", args=[slug]) + query
        assert client.get(url).status_code == 200  # warm-up (and any stale summary refreshed)
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        p95 = _p95(times)
        print(
            f"  {label}: median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
            f"ratio to budget {p95 / BUDGET_MS:.2f}"
        )
    project = Project.objects.order_by("id").first()
    assert project is not None
    start = time.perf_counter()
    for _ in range(10):
        summary_refresh(project=project)
    each = (time.perf_counter() - start) * 100
    print(
        f"  one project's summary computed and stored: {each:.0f} ms; for "
        f"{counts[largest.slug]} projects on every request that would be "
        f"{each * counts[largest.slug] / 1000:.0f} s, hence stored per revision"
    )


if __name__ == "__main__":
    main()
