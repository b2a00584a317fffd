"""Reading positions: an organisation's own, those of the organisations at a project's table,
and the organisations it may compare itself with."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Max, QuerySet

from stuurknop.engine.strategy import Departure, departures
from stuurknop.gespreksmodel import DEFAULT_VERSION, load_model
from stuurknop.projectfile.positions import Positions
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.models import LogEntry, Project, ProjectParty, Scenario
from stuurknop.web.projects.selectors import cached_for_revision, project_document
from stuurknop.web.strategy.models import StrategyPositions


def stored_positions(organisation: Organisation, data: dict[str, Any] | None) -> Positions:
    """The positions stored as ``data`` (None: none yet), framed by the organisation as it is
    now (its name and party type)."""
    return Positions.model_validate(
        {
            "model_version": DEFAULT_VERSION,
            **(data or {}),
            "organisation": organisation.name,
            "party_type": organisation.party_type,
        }
    )


def positions_of(organisation: Organisation) -> tuple[Positions, int]:
    """The organisation's positions and their version (0: never saved, no positions)."""
    row = StrategyPositions.objects.filter(organisation=organisation).first()
    if row is None:
        return stored_positions(organisation, None), 0
    return stored_positions(organisation, row.data), row.version


def positions_for(organisation_ids: Iterable[int]) -> dict[int, Positions]:
    """The positions of each of these organisations that has any, by organisation id (one
    query)."""
    rows = StrategyPositions.objects.filter(organisation_id__in=list(organisation_ids))
    return {
        row.organisation_id: stored_positions(row.organisation, row.data)
        for row in rows.select_related("organisation")
    }


def project_positions(project: Project) -> dict[str, Positions]:
    """The positions of the organisations at the project's table, by the party's key."""
    seats = dict(
        ProjectParty.objects.filter(
            project=project, at_table=True, organisation__strategy__isnull=False
        ).values_list("key", "organisation_id")
    )
    by_organisation = positions_for(seats.values())
    return {key: by_organisation[org] for key, org in seats.items() if org in by_organisation}


def positions_fingerprint(project: Project) -> str:
    """Changes whenever a position of an organisation at the table changes (a cache key)."""
    rows = StrategyPositions.objects.filter(
        organisation__project_parties__project=project,
        organisation__project_parties__at_table=True,
    ).values_list("organisation_id", "version")
    return ",".join(f"{org}v{version}" for org, version in sorted(set(rows)))


def project_departures(project: Project, scenario: Scenario) -> list[Departure]:
    """Where ``scenario`` departs from the positions of the organisations at its table
    (cached per revision of the project and of those positions)."""
    fingerprint = positions_fingerprint(project)
    if not fingerprint:
        return []

    def compute() -> list[Departure]:
        doc = project_document(project)
        model = load_model(project.model_version)
        return departures(model, doc, project_positions(project), doc.scenario(scenario.name))

    return cached_for_revision(project, f"strategy:{scenario.pk}:{fingerprint}", compute)


def departure_counts(
    organisation: Organisation, project_ids: Iterable[int]
) -> dict[int, int] | None:
    """Per project (by id) how often its chosen scenario departs from ``organisation``'s own
    positions; None when the organisation has none. Cached per revision of the project and of
    the positions; four queries for a page of projects, a project's document only on a miss."""
    row = StrategyPositions.objects.filter(organisation=organisation).first()
    if row is None:
        return None
    positions = stored_positions(organisation, row.data)
    ids = list(project_ids)
    seats: dict[int, list[str]] = {}
    for project_id, key in ProjectParty.objects.filter(
        project__in=ids, organisation=organisation, at_table=True
    ).values_list("project_id", "key"):
        seats.setdefault(project_id, []).append(key)
    projects = Project.objects.filter(pk__in=list(seats)).in_bulk()
    revisions = dict(
        LogEntry.objects.filter(project__in=list(seats))
        .values("project")
        .annotate(newest=Max("id"))
        .values_list("project", "newest")
    )
    counts = dict.fromkeys(ids, 0)
    for project in projects.values():
        keys = seats[project.pk]

        def count(project: Project = project, keys: list[str] = keys) -> int:
            doc = project_document(project)
            model = load_model(project.model_version)
            return len(departures(model, doc, dict.fromkeys(keys, positions)))

        name = f"strategy-count:{organisation.pk}:v{row.version}"
        revision = revisions.get(project.pk, 0)
        counts[project.pk] = cached_for_revision(project, name, count, revision=revision)
    return counts


def partner_organisations(organisation: Organisation) -> QuerySet[Organisation]:
    """Organisations that sit at the table of a project where ``organisation`` sits too."""
    projects = ProjectParty.objects.filter(organisation=organisation, at_table=True).values(
        "project"
    )
    return (
        Organisation.objects.filter(
            project_parties__project__in=projects, project_parties__at_table=True
        )
        .exclude(pk=organisation.pk)
        .distinct()
        .order_by("name")
    )
