"""Reads of an organisation's portfolio: its projects, their grid, money, cliffs and lessons.

Every figure that spans the whole portfolio is summed by the database from the stored
summaries (see services.py), so a page costs the same handful of queries for five projects or
for ten thousand; only one page of projects is read row by row. A test fixes the count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Substr

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.portfolio.models import ProjectSummary, SummaryCliff, SummaryMoney
from stuurknop.web.portfolio.services import summaries_refresh
from stuurknop.web.projects.models import Interest, Lesson, LogEntry, Project, ProjectParty

PAGE_SIZE = 50
SORTS = {
    "naam": ("name", "id"),
    "gemeente": ("municipality", "name", "id"),
    "fase": ("phase", "name", "id"),
    "jaar": ("first_year", "name", "id"),
    "woningen": ("-homes", "name", "id"),
}
ON = ("1", "2", "3")


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


def projects_of(organisation: Organisation) -> QuerySet[Project]:
    """The projects ``organisation`` is in: one of their parties at the table links to it.

    Archived projects are left out: the portfolio is about what runs and what is planned.
    """
    at_table = ProjectParty.objects.filter(
        project=OuterRef("pk"), organisation=organisation, at_table=True
    )
    return Project.objects.filter(Exists(at_table), archived=False)


def refresh_stale(organisation: Organisation) -> int:
    """Sum up again the organisation's projects changed since their summary; how many."""
    newest = LogEntry.objects.filter(project=OuterRef("pk")).order_by("-id").values("id")[:1]
    stale = (
        projects_of(organisation)
        .annotate(current=Subquery(newest))
        .filter(
            Q(portfolio_summary__isnull=True)
            | ~Q(portfolio_summary__revision=F("current"))
            | Q(portfolio_summary__revision__isnull=True)
        )
        .values_list("pk", "current")
    )
    return summaries_refresh(stale=[(pk, current or 0) for pk, current in stale])


def filtered(organisation: Organisation, filters: Filters) -> QuerySet[Project]:
    """The organisation's projects narrowed by ``filters`` (not yet sorted)."""
    projects = projects_of(organisation)
    if filters.phase:
        projects = projects.filter(phase=filters.phase)
    if filters.municipality:
        projects = projects.filter(municipality=filters.municipality)
    if filters.partner is not None:
        partner = ProjectParty.objects.filter(
            project=OuterRef("pk"), organisation_id=filters.partner, at_table=True
        )
        projects = projects.filter(Exists(partner))
    if filters.knob is not None:
        projects = projects.annotate(
            knob_code=Substr("portfolio_summary__knobs", filters.knob, 1)
        ).filter(knob_code__in=ON)
    if filters.source:
        pays = SummaryMoney.objects.filter(
            project=OuterRef("pk"), party__organisation=organisation, source=filters.source
        )
        projects = projects.filter(Exists(pays))
    return projects


@dataclass
class Portfolio:
    """Everything the portfolio page, its workbook and its PDF show."""

    organisation: Organisation
    filters: Filters
    total: int
    page: list[Project]  # one page of projects, with their summary and parties
    pages: int
    knob_codes: list[str]  # of every filtered project, for the grid's counts
    money: list[Any]  # dicts: year, source, committed, amount (the organisation's)
    money_by_project: dict[int, dict[bool, Decimal]]
    cliffs: list[Any]  # dicts: year, drop, projects
    interests: list[Any]  # dicts: value, average, projects
    indicators: dict[str, int]
    learning: list[ProjectSummary]  # summaries of projects whose values appear
    lessons: list[Lesson]


def portfolio(
    organisation: Organisation, filters: Filters, *, page_size: int = PAGE_SIZE
) -> Portfolio:
    """The organisation's portfolio, narrowed and sorted by ``filters``."""
    refresh_stale(organisation)
    projects = filtered(organisation, filters)
    ids = projects.values("pk")
    total = projects.count()
    pages = max(1, -(-total // page_size))
    number = min(max(filters.page, 1), pages)
    page = list(
        projects.select_related("portfolio_summary")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=ProjectParty.objects.filter(at_table=True).order_by("position", "id"),
            )
        )
        .order_by(*SORTS.get(filters.sort, SORTS["naam"]))[
            (number - 1) * page_size : number * page_size
        ]
    )
    own_money = SummaryMoney.objects.filter(project__in=ids, party__organisation=organisation)
    money = list(
        own_money.values("year", "source", "committed")
        .annotate(amount=Sum("amount"))
        .order_by("year", "source", "committed")
    )
    by_project: dict[int, dict[bool, Decimal]] = {}
    for row in (
        own_money.filter(project__in=[p.pk for p in page])
        .values("project", "committed")
        .annotate(amount=Sum("amount"))
    ):
        by_project.setdefault(row["project"], {})[row["committed"]] = row["amount"]
    summaries = ProjectSummary.objects.filter(project__in=ids)
    indicators = summaries.aggregate(
        op_koers=Sum("on_track"),
        achter=Sum("behind"),
        uit_koers=Sum("off_track"),
        geen_gegevens=Sum("no_data"),
    )
    appearing = list(
        summaries.exclude(values_appearing=[]).select_related("project").order_by("project__name")
    )
    return Portfolio(
        organisation=organisation,
        filters=filters,
        total=total,
        page=page,
        pages=pages,
        knob_codes=list(summaries.values_list("knobs", flat=True)),
        money=money,
        money_by_project=by_project,
        cliffs=list(
            SummaryCliff.objects.filter(project__in=ids)
            .values("year")
            .annotate(drop=Sum("drop"), projects=Count("project", distinct=True))
            .order_by("year")
        ),
        interests=list(
            Interest.objects.filter(
                scenario__portfolio_summaries__project__in=ids,
                party__organisation=organisation,
            )
            .values("value")
            .annotate(average=Avg("weight"), projects=Count("scenario", distinct=True))
            .order_by("value")
        ),
        indicators={k: v or 0 for k, v in indicators.items()},
        learning=appearing,
        lessons=list(
            Lesson.objects.filter(project__in=[s.project_id for s in appearing], shared=True)
            .select_related("project")
            .order_by("project__name", "position", "id")[:50]
        ),
    )


def municipalities_of(organisation: Organisation) -> list[str]:
    """The municipalities of the organisation's projects (the filter's choices)."""
    return list(
        projects_of(organisation)
        .order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )


def partners_of(organisation: Organisation) -> list[tuple[int, str]]:
    """The organisations at the table with it in at least one project (the filter's choices)."""
    return list(
        Organisation.objects.filter(
            project_parties__at_table=True,
            project_parties__project__in=projects_of(organisation).values("pk"),
        )
        .exclude(pk=organisation.pk)
        .order_by("name")
        .values_list("pk", "name")
        .distinct()
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
