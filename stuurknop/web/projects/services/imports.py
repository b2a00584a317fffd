"""Project document → rows: importing a file (the inverse of ``export.py``).

Everything or nothing: the document is validated in full before the first row is written, and
the rows are written in one transaction, so a bad file or a failure halfway stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from stuurknop.projectfile import (
    DocumentError,
    DocumentInvalid,
    ProjectDocument,
    parse_document,
    parse_json,
    to_data,
)
from stuurknop.projectfile import schema as doc
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.entities import (
    ACTION_ROW,
    AGENDA_POINT,
    COST_ITEM,
    DECISION,
    DECISION_ROW,
    FUNDING,
    FUNDING_LINE,
    LESSON_ROW,
    MEETING,
    MEETING_ROW,
    PARTY,
    POINT,
    PROJECT_PARTY,
    ROW_ENTITIES,
    RowEntity,
    row_values,
)
from stuurknop.web.projects.models import (
    AgendaPoint,
    CostItem,
    Decision,
    FundingLine,
    LogEntry,
    Meeting,
    Project,
    ProjectMember,
    ProjectParty,
    Scenario,
)
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.agreements import imported_agreements
from stuurknop.web.projects.services.commitments import imported_document
from stuurknop.web.projects.services.validation import invalid, validate_project

# A browser upload is held in memory whole; real project files are tens of kilobytes.
MAX_UPLOAD_MB = 2
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024


def project_import_json(
    *, raw: str | bytes, by: User, organisation: Organisation | None = None
) -> Project:
    """Import a project file (JSON text, as the CLI exports it) as a new project."""
    return project_import(document=parse_json(raw), by=by, organisation=organisation)


def project_import_upload(
    *, raw: bytes, by: User, organisation: Organisation | None = None
) -> Project:
    """A project file uploaded in the browser, imported whole or not at all.

    Refuses a file over :data:`MAX_UPLOAD_BYTES`. The party of the file that has the name and
    party type of the importer's ``organisation`` is linked to it, so the importer takes that
    party's seat (as after :func:`project_create`).
    """
    if len(raw) > MAX_UPLOAD_BYTES:
        raise DocumentInvalid(
            [DocumentError("", "", f"het bestand is groter dan {MAX_UPLOAD_MB} MB")]
        )
    document = parse_json(raw)
    links = {}
    if organisation is not None:
        links = {
            party.id: organisation
            for party in document.parties
            if party.name.casefold() == organisation.name.casefold()
            and party.party_type == organisation.party_type
        }
    return project_import(
        document=document, by=by, organisation=organisation, party_organisations=links
    )


@transaction.atomic
def project_import(
    *,
    document: ProjectDocument,
    by: User,
    organisation: Organisation | None = None,
    party_organisations: Mapping[str, Organisation] | None = None,
) -> Project:
    """A new project holding exactly ``document``, with ``by`` as its beheerder.

    ``party_organisations`` links the document's parties (by id) to organisations here. The
    import itself is not written to the log: the log comes with the document, and an extra line
    would make export → import → export differ.
    """
    # Checked again in full (references too): a caller may have built the document in code.
    # Committed money is recorded on the parties' behalf by the import until they confirm it.
    document = parse_document(imported_document(to_data(document)))
    if organisation is not None and not organisation.memberships.filter(user=by).exists():
        raise invalid("organisation", "je werkt niet bij deze organisatie")
    links = party_organisations or {}
    project = Project.objects.create(
        **document.project.model_dump(mode="json"),
        model_version=document.model_version,
        perspectives=[p.model_dump(mode="json") for p in document.perspectives],
        # A file that holds perspectives was seen by everyone who had it: start revealed.
        perspectives_revealed=bool(document.perspectives),
        resident_input=[r.model_dump(mode="json") for r in document.resident_input],
        scale_up=document.scale_up.model_dump(mode="json") if document.scale_up else None,
        agreements=imported_agreements(document.agreements),
        effect_settings=document.effect_settings.model_dump(mode="json"),
        created_by=by,
        created_by_organisation=organisation,
    )
    parties = {
        p.key: p
        for p in ProjectParty.objects.bulk_create(
            ProjectParty(
                project=project,
                position=i,
                organisation=links.get(party.id),
                **row_values(PROJECT_PARTY, party, partial(_resolve, {}, {})),
            )
            for i, party in enumerate(document.parties)
        )
    }
    own = next(
        (p for p in parties.values() if organisation and p.organisation == organisation), None
    )
    ProjectMember.objects.create(project=project, user=by, role=Role.BEHEERDER, party=own)
    for position, scenario in enumerate(document.scenarios):
        _import_scenario(project, position, scenario, parties)
    _import_meetings(project, document, parties)
    _import_log(project, document.log)
    validate_project(project)
    return project


def _import_scenario(
    project: Project, position: int, data: doc.Scenario, parties: Mapping[str, ProjectParty]
) -> None:
    scenario = Scenario.objects.create(
        project=project,
        position=position,
        name=data.name,
        chosen=data.chosen,
        description=data.description,
        effects=[e.model_dump(mode="json") for e in data.effects],
        evidence=[e.model_dump(mode="json") for e in data.evidence],
    )
    costs: dict[str, Any] = {}
    lines: dict[str, Any] = {}
    for entity in ROW_ENTITIES:  # in this order: funding refers to the cost items
        rows: list[Any] = entity.model._default_manager.bulk_create(
            entity.model(
                scenario=scenario,
                position=i,
                **row_values(entity, item, partial(_resolve, parties, costs, lines)),
            )
            for i, item in enumerate(getattr(data, entity.list_name))
        )
        if entity is COST_ITEM:
            costs = {row.key: row for row in rows}
        elif entity is FUNDING_LINE:
            lines = {row.key: row for row in rows}


def _resolve(
    parties: Mapping[str, ProjectParty],
    costs: Mapping[str, CostItem],
    lines: Mapping[str, FundingLine],
    names: str,
    field: str,
    key: str | None,
) -> object:
    # The document was validated in full: every id it refers to is there.
    if key is None:
        return None
    if names == FUNDING:
        return lines[key]
    return parties[key] if names == PARTY else costs[key]


def _import_meetings(
    project: Project, document: ProjectDocument, parties: Mapping[str, ProjectParty]
) -> None:
    """The meetings with their points, then the decisions, then the actions (each refers to
    what comes before it)."""
    meetings: dict[str, Meeting] = {}
    points: dict[tuple[str, str], AgendaPoint] = {}
    decisions: dict[str, Decision] = {}

    def resolve(meeting: str | None, names: str, field: str, key: str | None) -> object:
        # The document was validated in full: every id it refers to is there.
        if key is None:
            return None
        if names == MEETING:
            return meetings[key]
        if names == POINT:
            return points[(meeting or "", key)]
        if names == DECISION:
            return decisions[key]
        return parties[key]

    def row(entity: RowEntity, item: Any, position: int, **owner: Any) -> Any:
        meeting = getattr(item, "meeting", None)
        values = row_values(entity, item, partial(resolve, meeting))
        return entity.model._default_manager.create(**owner, position=position, **values)

    for i, meeting in enumerate(document.meetings):
        meetings[meeting.id] = row(MEETING_ROW, meeting, i, project=project)
        for j, point in enumerate(meeting.points):
            points[(meeting.id, point.id)] = row(
                AGENDA_POINT, point, j, meeting=meetings[meeting.id]
            )
    for i, decision in enumerate(document.decisions):
        decisions[decision.id] = row(DECISION_ROW, decision, i, project=project)
    for i, action in enumerate(document.actions):
        row(ACTION_ROW, action, i, project=project)
    for i, lesson in enumerate(document.lessons):
        row(LESSON_ROW, lesson, i, project=project)


def _import_log(project: Project, entries: list[doc.LogEntry]) -> None:
    LogEntry.objects.bulk_create(
        LogEntry(
            project=project,
            # A time without a zone is read as the installation's local (Dutch) time.
            at=timezone.make_aware(e.at) if timezone.is_naive(e.at) else e.at,
            who=e.who,
            what=e.what,
            scenario=e.scenario,
            changes=[c.model_dump(mode="json") for c in e.changes],
        )
        for e in entries
    )
