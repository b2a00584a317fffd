"""Reads of an organisation's portfolio: its projects, their grid, money, cliffs and lessons.

Every figure that spans the whole portfolio is summed by the database from the stored
summaries (see services.py), read by the organisation from its own entries; only one page of
projects is read row by row. A page costs the same handful of queries for five projects or for
ten thousand (a test fixes the count).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.portfolio.models import (
    PortfolioEntry,
    ProjectSummary,
    SummaryCliff,
    SummaryMoney,
)
from stuurknop.web.portfolio.services import VALUE_ORDER, summaries_refresh
from stuurknop.web.projects.models import Lesson, LogEntry, ProjectParty

PAGE_SIZE = 50
SORTS = {
    "naam": ("name", "project_id"),
    "gemeente": ("municipality", "name", "project_id"),
    "fase": ("phase", "name", "project_id"),
    "jaar": ("first_year", "name", "project_id"),
    "woningen": ("-homes", "name", "project_id"),
}
ON = ("1", "2", "3")
CODES = (".", "0", "1", "2", "3")  # a knob not discussed, off, open 1–3
KNOBS = 10
WEIGHTS = ("0", "1", "2", "3")
STATES = {"op_koers": "on_track", "achter": "behind", "uit_koers": "off_track"}
STATES |= {"geen_gegevens": "no_data"}


def _grid_sums(entries: QuerySet[PortfolioEntry]) -> dict[str, Any]:
    """One aggregate over the entries: per knob how many projects have each code, per value
    the average interest and how many projects gave one, and the indicators per state.

    Written as SQL over the entries' query (SUBSTR, CASE and CAST read alike on PostgreSQL and
    SQLite): the same sums as ORM expressions cost more to build than to run.
    """
    knobs = [f"knob_{k}" for k in range(1, KNOBS + 1)]
    inner, inner_params = entries.values(
        *knobs, "interests", *STATES.values()
    ).query.sql_with_params()
    names: list[str] = []
    parts: list[str] = []
    params: list[Any] = []
    for state, column in STATES.items():
        names.append(state)
        parts.append(f"SUM(e.{column})")
    for k in range(1, KNOBS + 1):
        for c, number in zip(CODES, (-1, 0, 1, 2, 3), strict=True):
            names.append(f"k{k}_{c}")
            parts.append(f"SUM(CASE WHEN e.knob_{k} = %s THEN 1 ELSE 0 END)")
            params.append(number)
    said = "SUBSTR(e.interests, {i}, 1) IN (%s, %s, %s, %s)"
    for i in range(1, len(VALUE_ORDER) + 1):
        names += [f"v{i}_avg", f"v{i}_n"]
        parts.append(
            f"AVG(CASE WHEN {said.format(i=i)} THEN CAST(SUBSTR(e.interests, {i}, 1) AS INTEGER)"
            " END)"
        )
        parts.append(f"SUM(CASE WHEN {said.format(i=i)} THEN 1 ELSE 0 END)")
        params += [*WEIGHTS, *WEIGHTS]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)} FROM ({inner}) e", [*params, *inner_params])
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True))


@dataclass(frozen=True)
class Filters:
    """What the portfolio is narrowed to (all optional) and how it is sorted."""

    phase: str = ""
    municipality: str = ""
    partner: int | None = None  # an organisation at the same table
    knob: int | None = None  # knob on (1–10)
    source: str = ""  # the organisation pays from this source
    sort: str = "naam"
    page: int = 1


def _newest_log() -> Coalesce:
    """The project's revision (its newest log entry's id; 0 before the first entry)."""
    newest = LogEntry.objects.filter(project=OuterRef("project_id")).order_by("-id")
    return Coalesce(Subquery(newest.values("id")[:1]), Value(0))


def refresh_stale(organisation: Organisation) -> int:
    """Sum up again the projects whose summary for ``organisation`` is missing or older than
    the project (two queries when nothing changed); how many were refreshed.

    Stale are: its entries of an older revision than their project's (it may even have left
    that table since), and projects it is at the table of without an entry at all (linking a
    party to it is a logged change of the project, so the first kind catches the rest).
    """
    older = (
        PortfolioEntry.objects.filter(organisation=organisation)
        .annotate(newest=_newest_log())
        .exclude(revision=F("newest"))
        .values_list("project_id", "newest")
    )
    missing = (
        ProjectParty.objects.filter(organisation=organisation, at_table=True)
        .exclude(
            project__in=PortfolioEntry.objects.filter(organisation=organisation).values(
                "project_id"
            )
        )
        .annotate(newest=_newest_log())
        .values_list("project_id", "newest")
    )
    stale = dict(older) | dict(missing)
    return summaries_refresh(stale=list(stale.items()))


def entries_of(organisation: Organisation) -> QuerySet[PortfolioEntry]:
    """The organisation's projects (at their table, archived ones left out: the portfolio is
    about what runs and what is planned)."""
    return PortfolioEntry.objects.filter(organisation=organisation, archived=False)


def filtered(organisation: Organisation, filters: Filters) -> QuerySet[PortfolioEntry]:
    """The organisation's entries narrowed by ``filters`` (not yet sorted)."""
    entries = entries_of(organisation)
    if filters.phase:
        entries = entries.filter(phase=filters.phase)
    if filters.municipality:
        entries = entries.filter(municipality=filters.municipality)
    if filters.partner is not None:
        partner = PortfolioEntry.objects.filter(
            project=OuterRef("project_id"), organisation_id=filters.partner
        )
        entries = entries.filter(Exists(partner))
    if filters.knob is not None and 1 <= filters.knob <= KNOBS:
        entries = entries.filter(**{f"knob_{filters.knob}__gte": 1})  # on, 1–3
    if filters.source:
        pays = SummaryMoney.objects.filter(
            project=OuterRef("project_id"), organisation=organisation, source=filters.source
        )
        entries = entries.filter(Exists(pays))
    return entries


@dataclass
class Portfolio:
    """Everything the portfolio page, its workbook and its PDF show."""

    organisation: Organisation
    filters: Filters
    total: int
    page: list[PortfolioEntry]  # one page of projects
    pages: int
    parties: dict[int, list[str]]  # the names at the table, per project id of the page
    knob_counts: list[tuple[int, ...]]  # per knob: projects not discussed, off, at 1, 2, 3
    money: list[Any]  # dicts: year, source, committed, amount (the organisation's)
    cliffs: list[Any]  # dicts: year, drop, projects
    interests: list[tuple[str, float, int]]  # value, average weight, projects that said
    indicators: dict[str, int]
    learning: list[ProjectSummary]  # summaries of projects whose values appear
    lessons: list[Lesson]


def portfolio(
    organisation: Organisation, filters: Filters, *, page_size: int = PAGE_SIZE
) -> Portfolio:
    """The organisation's portfolio, narrowed and sorted by ``filters``; call
    :func:`refresh_stale` first (the views do, before they build the filters' choices)."""
    entries = filtered(organisation, filters)
    ids = entries.values("project_id")
    total = entries.count()
    pages = max(1, -(-total // page_size))
    number = min(max(filters.page, 1), pages)
    order = SORTS.get(filters.sort, SORTS["naam"])
    page = list(entries.order_by(*order)[(number - 1) * page_size : number * page_size])
    parties: dict[int, list[str]] = defaultdict(list)
    for project_id, name in (
        ProjectParty.objects.filter(project__in=[e.project_id for e in page], at_table=True)
        .order_by("position", "id")
        .values_list("project_id", "name")
    ):
        parties[project_id].append(name)
    figures = _grid_sums(entries)
    appearing = list(
        ProjectSummary.objects.filter(project__in=ids)
        .exclude(values_appearing=[])
        .select_related("project")
        .order_by("project__name")
    )
    # Archived projects keep no money rows, so the whole portfolio needs no join.
    money = SummaryMoney.objects.filter(organisation=organisation)
    if filters != Filters(sort=filters.sort, page=filters.page):
        money = money.filter(project__in=ids)
    return Portfolio(
        organisation=organisation,
        filters=filters,
        total=total,
        page=page,
        pages=pages,
        parties=dict(parties),
        knob_counts=[
            tuple(int(figures[f"k{k}_{c}"] or 0) for c in CODES) for k in range(1, KNOBS + 1)
        ],
        money=list(
            money.values("year", "source", "committed")
            .annotate(amount=Sum("amount"))
            .order_by("year", "source", "committed")
        ),
        cliffs=list(
            SummaryCliff.objects.filter(project__in=ids)
            .values("year")
            .annotate(drop=Sum("drop"), projects=Count("project", distinct=True))
            .order_by("year")
        ),
        interests=[
            (value, float(figures[f"v{i}_avg"]), int(figures[f"v{i}_n"]))
            for i, value in enumerate(VALUE_ORDER, start=1)
            if figures[f"v{i}_n"]
        ],
        indicators={state: int(figures[state] or 0) for state in STATES},
        learning=appearing,
        lessons=list(
            Lesson.objects.filter(project__in=[s.project_id for s in appearing], shared=True)
            .select_related("project")
            .order_by("project__name", "position", "id")[:50]
        ),
    )


def choices_version(organisation: Organisation) -> str:
    """Changes whenever one of the organisation's entries does (each refresh writes new rows,
    with higher ids): the cache key of the filters' choices."""
    seen = PortfolioEntry.objects.filter(organisation=organisation).aggregate(
        n=Count("id"), newest=Max("id")
    )
    return f"portfolio:{organisation.pk}:{seen['n']}:{seen['newest']}"


def filter_choices(organisation: Organisation) -> tuple[list[str], list[tuple[int, str]]]:
    """The municipalities and partners of the filters, cached until the portfolio changes."""
    key = choices_version(organisation)
    found = cache.get(key)
    if found is None:
        found = (municipalities_of(organisation), partners_of(organisation))
        cache.set(key, found, timeout=3600)
    return found  # type: ignore[no-any-return]


def municipalities_of(organisation: Organisation) -> list[str]:
    """The municipalities of the organisation's projects (the filter's choices)."""
    return list(
        entries_of(organisation)
        .order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )


def partners_of(organisation: Organisation) -> list[tuple[int, str]]:
    """The organisations at the table with it in at least one project (the filter's choices)."""
    beside = PortfolioEntry.objects.filter(
        project__in=entries_of(organisation).values("project_id")
    ).exclude(organisation=organisation)
    return list(
        Organisation.objects.filter(pk__in=beside.values("organisation_id"))
        .order_by("name")
        .values_list("pk", "name")
    )


def recurring(learning: list[ProjectSummary], *, at_least: int = 2) -> dict[str, Counter[Any]]:
    """Knob settings (knob, opening) and funding constructions (knob, source) that recur in at
    least ``at_least`` of the projects whose values appear."""
    settings: Counter[tuple[int, str]] = Counter()
    constructions: Counter[tuple[int, str]] = Counter()
    for summary in learning:
        for i, code in enumerate(summary.knobs, start=1):
            if code in ON:
                settings[(i, code)] += 1
        for knob, source in summary.constructions:
            constructions[(int(knob), str(source))] += 1
    return {
        "settings": Counter({k: n for k, n in settings.items() if n >= at_least}),
        "constructions": Counter({k: n for k, n in constructions.items() if n >= at_least}),
    }
