"""Keeping the portfolio's summaries in step with the projects.

A summary is computed lazily: whenever a portfolio is read, the projects in it whose stored
summary is missing or of an older revision are summed up again (every write service appends to
the project's log, so its newest log id is its revision). Measured (benchmarks/bench_portfolio.py):
one summary costs tens of milliseconds (the project document's reads and the engine), so
computing them on every request is out of the question for thousands of projects; stored, only
the projects that changed since the last read pay it, and a portfolio of thousands of
unchanged projects is summed by the database alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from stuurknop.engine.portfolio import ProjectSummary as Summary
from stuurknop.engine.portfolio import project_summary
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument
from stuurknop.web.portfolio.models import (
    PortfolioEntry,
    ProjectSummary,
    SummaryCliff,
    SummaryMoney,
)
from stuurknop.web.projects.models import Project, ProjectParty, Scenario
from stuurknop.web.projects.selectors import project_document, project_revision

ZERO = Decimal(0)
# The values in the default model's order: the positions of an entry's interest code.
VALUE_ORDER = tuple(v.id for v in load_model().values)


@dataclass(frozen=True)
class Seat:
    """A party of the project linked to an organisation."""

    organisation_id: int
    at_table: bool


@dataclass
class SummaryRows:
    head: ProjectSummary
    entries: list[PortfolioEntry]
    money: list[SummaryMoney]
    cliffs: list[SummaryCliff]


def summary_rows(
    *,
    project: Project,
    revision: int,
    scenario: Scenario | None,
    summary: Summary,
    seats: Mapping[str, Seat],
) -> SummaryRows:
    """The rows that store ``summary`` of ``project`` (not saved: the caller saves them).

    ``seats``: the project's parties linked to an organisation, by the party's key. An
    organisation gets an entry where one of its parties sits at the table; its money there
    counts every party linked to it.
    """
    counts = summary.indicators
    head = ProjectSummary(
        project_id=project.pk,
        revision=revision,
        model_version=project.model_version,
        scenario=scenario,
        knobs=summary.knobs,
        on_track=counts.get("op_koers", 0),
        behind=counts.get("achter", 0),
        off_track=counts.get("uit_koers", 0),
        no_data=counts.get("geen_gegevens", 0),
        values_appearing=list(summary.values_appearing),
        constructions=[list(pair) for pair in summary.constructions],
    )
    money: dict[tuple[int, str, int, bool], Decimal] = defaultdict(Decimal)
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for cell in summary.money:
        seat = seats.get(cell.party)
        if seat is None:
            continue
        money[(seat.organisation_id, cell.source, cell.year, cell.committed)] += cell.amount
        totals[seat.organisation_id][0 if cell.committed else 1] += cell.amount
    interests: dict[int, dict[str, int]] = defaultdict(dict)
    for party, weights in summary.interests.items():
        seat = seats.get(party)
        if seat is None:
            continue
        mine = interests[seat.organisation_id]
        for value, weight in weights.items():
            mine[value] = max(weight, mine.get(value, 0))
    at_table = {s.organisation_id for s in seats.values() if s.at_table}
    # Only the portfolios the project is in hold its money (an organisation that pays but has
    # no seat at the table is not in it); an archived project is in none.
    money = {key: amount for key, amount in money.items() if key[0] in at_table}
    if project.archived:
        money.clear()
    entries = [
        PortfolioEntry(
            organisation_id=org,
            project_id=project.pk,
            revision=revision,
            name=project.name,
            municipality=project.municipality,
            phase=project.phase,
            first_year=project.first_year,
            homes=project.homes,
            archived=project.archived,
            knobs=summary.knobs,
            **knob_numbers(summary.knobs),
            committed=totals[org][0],
            open=totals[org][1],
            interests=interest_code(interests.get(org, {})),
            on_track=head.on_track,
            behind=head.behind,
            off_track=head.off_track,
            no_data=head.no_data,
        )
        for org in sorted(at_table)
    ]
    return SummaryRows(
        head=head,
        entries=entries,
        money=[
            SummaryMoney(
                project_id=project.pk,
                organisation_id=org,
                source=source,
                year=year,
                committed=committed,
                amount=amount,
            )
            for (org, source, year, committed), amount in sorted(money.items())
        ],
        cliffs=[
            SummaryCliff(
                project_id=project.pk, year=c.year, drop=c.drop, sources=",".join(c.sources)
            )
            for c in summary.cliffs
        ],
    )


def knob_numbers(code: str) -> dict[str, int]:
    """``"3.0…"`` → ``{"knob_1": 3, "knob_2": -1, "knob_3": 0, …}``."""
    return {f"knob_{k}": -1 if c == "." else int(c) for k, c in enumerate(code, start=1)}


def interest_code(weights: Mapping[str, int]) -> str:
    """``{"goed_wonen": 3}`` → ``"3..."``: one character per value of the model, in its order."""
    return "".join(str(weights[v]) if v in weights else "." for v in VALUE_ORDER)


def summed_scenario(document: ProjectDocument) -> str:
    """The scenario a portfolio shows: the chosen one, else the first."""
    chosen = [s for s in document.scenarios if s.chosen]
    return (chosen or document.scenarios)[0].name


@transaction.atomic
def summary_refresh(*, project: Project, revision: int | None = None) -> ProjectSummary:
    """Sum ``project`` up as it is now and store it, replacing an older summary."""
    # One refresh per project at a time: two readers of a stale portfolio wait for each other.
    project = Project.objects.select_for_update().get(pk=project.pk)
    if revision is None:
        revision = project_revision(project)
    document = project_document(project)
    name = summed_scenario(document)
    summary = project_summary(load_model(project.model_version), document, document.scenario(name))
    seats = {
        key: Seat(org, at_table)
        for key, org, at_table in ProjectParty.objects.filter(
            project=project, organisation__isnull=False
        ).values_list("key", "organisation_id", "at_table")
    }
    rows = summary_rows(
        project=project,
        revision=revision,
        scenario=Scenario.objects.filter(project=project, name=name).first(),
        summary=summary,
        seats=seats,
    )
    for model in (SummaryMoney, SummaryCliff, PortfolioEntry):
        model.objects.filter(project=project).delete()
    ProjectSummary.objects.filter(project=project).delete()
    rows.head.save()
    PortfolioEntry.objects.bulk_create(rows.entries)
    SummaryMoney.objects.bulk_create(rows.money)
    SummaryCliff.objects.bulk_create(rows.cliffs)
    return rows.head


def summaries_refresh(*, stale: Iterable[tuple[int, int]]) -> int:
    """Refresh the projects given as ``(project id, current revision)``; how many."""
    done = 0
    for project_id, revision in stale:
        project = Project.objects.filter(pk=project_id).first()
        if project is not None:
            summary_refresh(project=project, revision=revision)
            done += 1
    return done
