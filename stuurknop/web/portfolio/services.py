"""Keeping the portfolio's summaries in step with the projects.

A summary is computed lazily: whenever a portfolio is read, the projects in it whose stored
summary is missing or of an older revision are summed up again (every write service appends to
the project's log, so its newest log id is its revision). Measured (benchmarks/bench_portfolio.py):
one summary costs a few milliseconds of engine time plus the reads of the project document,
so only the projects that changed since the last read pay that; a portfolio of thousands of
unchanged projects is summed by the database alone. ``manage.py portfolio_refresh`` fills
every summary ahead, e.g. after a large import.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from stuurknop.engine.portfolio import ProjectSummary as Summary
from stuurknop.engine.portfolio import project_summary
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument
from stuurknop.web.portfolio.models import ProjectSummary, SummaryCliff, SummaryMoney
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.selectors import project_document, project_revision


def summary_rows(
    *,
    project_id: int,
    revision: int,
    model_version: str,
    scenario: Scenario | None,
    summary: Summary,
    party_ids: dict[str, int],
) -> tuple[ProjectSummary, list[SummaryMoney], list[SummaryCliff]]:
    """The rows that store ``summary`` (not saved: the caller saves, or bulk-creates them)."""
    counts = summary.indicators
    head = ProjectSummary(
        project_id=project_id,
        revision=revision,
        model_version=model_version,
        scenario=scenario,
        knobs=summary.knobs,
        on_track=counts.get("op_koers", 0),
        behind=counts.get("achter", 0),
        off_track=counts.get("uit_koers", 0),
        no_data=counts.get("geen_gegevens", 0),
        values_appearing=list(summary.values_appearing),
        constructions=[list(pair) for pair in summary.constructions],
    )
    money = [
        SummaryMoney(
            project_id=project_id,
            party_id=party_ids[cell.party],
            source=cell.source,
            year=cell.year,
            committed=cell.committed,
            amount=cell.amount,
        )
        for cell in summary.money
        if cell.party in party_ids
    ]
    cliffs = [
        SummaryCliff(project_id=project_id, year=c.year, drop=c.drop, sources=",".join(c.sources))
        for c in summary.cliffs
    ]
    return head, money, cliffs


def summed_scenario(document: ProjectDocument) -> str:
    """The scenario a portfolio shows: the chosen one, else the first."""
    chosen = [s for s in document.scenarios if s.chosen]
    return (chosen or document.scenarios)[0].name


@transaction.atomic
def summary_refresh(*, project: Project, revision: int | None = None) -> ProjectSummary:
    """Sum ``project`` up as it is now and store it, replacing an older summary."""
    # One refresh per project at a time: two readers of a stale portfolio wait for each other.
    Project.objects.select_for_update().filter(pk=project.pk).first()
    if revision is None:
        revision = project_revision(project)
    document = project_document(project)
    name = summed_scenario(document)
    summary = project_summary(load_model(project.model_version), document, document.scenario(name))
    scenario = Scenario.objects.filter(project=project, name=name).first()
    party_ids = dict(project.parties.values_list("key", "pk"))
    head, money, cliffs = summary_rows(
        project_id=project.pk,
        revision=revision,
        model_version=project.model_version,
        scenario=scenario,
        summary=summary,
        party_ids=party_ids,
    )
    SummaryMoney.objects.filter(project=project).delete()
    SummaryCliff.objects.filter(project=project).delete()
    head.save()
    SummaryMoney.objects.bulk_create(money)
    SummaryCliff.objects.bulk_create(cliffs)
    return head


def summaries_refresh(*, stale: Iterable[tuple[int, int]]) -> int:
    """Refresh the projects given as ``(project id, current revision)``; how many."""
    done = 0
    for project_id, revision in stale:
        project = Project.objects.filter(pk=project_id).first()
        if project is not None:
            summary_refresh(project=project, revision=revision)
            done += 1
    return done
