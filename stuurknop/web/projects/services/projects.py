"""Creating a project (basics, then parties), changing its basics, archiving it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.gespreksmodel import DEFAULT_VERSION
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.models import Project, ProjectMember, ProjectParty, Scenario
from stuurknop.web.projects.permissions import require_editable, require_role
from stuurknop.web.projects.project_file import basics_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.keys import key_from_name, next_position
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.log import entity_added, log_append, log_change
from stuurknop.web.projects.services.validation import invalid, validate_item, validate_project


@transaction.atomic
def project_create(
    *,
    by: User,
    organisation: Organisation,
    name: str,
    municipality: str,
    homes: int,
    first_year: int,
    horizon_years: int,
    neighbourhood: str = "",
    phase: str = doc.Phase.IDEE.value,
    description: str = "",
) -> Project:
    """A new project of ``organisation``, with ``by`` as its beheerder.

    The organisation takes the first seat at the table, and the project starts with one chosen
    scenario "Basis" (a document has at least one scenario). Other parties come next, with
    :func:`project_party_add`.
    """
    if not organisation.memberships.filter(user=by).exists():
        raise invalid("organisation", "je werkt niet bij deze organisatie")
    basics = validate_item(
        doc.Basics,
        {
            "name": name,
            "municipality": municipality,
            "neighbourhood": neighbourhood,
            "homes": homes,
            "phase": phase,
            "first_year": first_year,
            "horizon_years": horizon_years,
            "description": description,
        },
    )
    project = Project.objects.create(
        **basics.model_dump(mode="json"),
        model_version=DEFAULT_VERSION,
        created_by=by,
        created_by_organisation=organisation,
    )
    party = ProjectParty.objects.create(
        project=project,
        key=organisation.slug[:60],
        name=organisation.name,
        party_type=organisation.party_type,
        organisation=organisation,
    )
    ProjectMember.objects.create(project=project, user=by, role=Role.BEHEERDER, party=party)
    Scenario.objects.create(project=project, name="Basis", chosen=True)
    validate_project(project)
    log_append(project=project, by=by, what=f"Project {project.name!r} aangemaakt")
    return project


@transaction.atomic
def project_party_add(
    *,
    project: Project,
    by: User,
    name: str,
    party_type: str,
    at_table: bool = True,
    organisation: Organisation | None = None,
    key: str = "",
) -> ProjectParty:
    """Add a party at (or, with ``at_table=False``, beside) the table."""
    require_role(by, project, Role.BEHEERDER)
    require_editable(by, project)
    item = validate_item(
        doc.Party,
        {
            "id": key or key_from_name(project.parties.all(), name),
            "name": name,
            "party_type": party_type,
            "at_table": at_table,
        },
    )
    if project.parties.filter(key=item.id).exists():
        raise invalid("id", f"partij-id {item.id!r} komt dubbel voor")
    party = ProjectParty.objects.create(
        project=project,
        key=item.id,
        name=item.name,
        party_type=item.party_type,
        at_table=item.at_table,
        organisation=organisation,
        position=next_position(project.parties.all()),
    )
    validate_project(project)
    log_append(
        project=project,
        by=by,
        what=f"Partij {party.name!r} toegevoegd",
        changes=[entity_added(entity=LogEntity.PARTY, key=party.key, data=item.model_dump())],
    )
    return party


@transaction.atomic
def project_party_update(
    *,
    project: Project,
    party: ProjectParty,
    by: User,
    name: str,
    party_type: str,
    at_table: bool,
    organisation: Organisation | None = None,
) -> ProjectParty:
    """Change a party's name, type, seat at the table or linked organisation (not its id)."""
    require_role(by, project, Role.BEHEERDER)
    require_editable(by, project)
    if party.project_id != project.pk:
        raise invalid("parties", "deze partij hoort niet bij dit project")
    item = validate_item(
        doc.Party,
        {"id": party.key, "name": name, "party_type": party_type, "at_table": at_table},
    )
    old = _party_data(party)
    ProjectParty.objects.filter(pk=party.pk).update(
        name=item.name,
        party_type=item.party_type,
        at_table=item.at_table,
        organisation=organisation,
    )
    party.name, party.party_type, party.at_table = item.name, item.party_type, item.at_table
    party.organisation = organisation
    # The model's party types are checked against the whole document (references).
    validate_project(project)
    log_change(
        project=project,
        by=by,
        what=f"Partij {party.name!r} gewijzigd",
        entity=LogEntity.PARTY,
        key=party.key,
        old=old,
        new=_party_data(party),
    )
    return party


def _party_data(party: ProjectParty) -> dict[str, object]:
    organisation = party.organisation.name if party.organisation else None
    return {
        "name": party.name,
        "party_type": party.party_type,
        "at_table": party.at_table,
        "organisation": organisation,
    }


@transaction.atomic
def project_basics_update(
    *,
    project: Project,
    by: User,
    expected_version: int,
    name: str,
    municipality: str,
    homes: int,
    first_year: int,
    horizon_years: int,
    neighbourhood: str = "",
    phase: str = doc.Phase.IDEE.value,
    description: str = "",
) -> Project:
    """Change the project's basics (name, place, size, phase, years)."""
    require_editable(by, project)
    check_version(project, expected_version=expected_version, what="Het project")
    basics = validate_item(
        doc.Basics,
        {
            "name": name,
            "municipality": municipality,
            "neighbourhood": neighbourhood,
            "homes": homes,
            "phase": phase,
            "first_year": first_year,
            "horizon_years": horizon_years,
            "description": description,
        },
    )
    old = basics_data(project)
    changes = basics.model_dump(mode="json")
    update_locked(project, expected_version=expected_version, what="Het project", changes=changes)
    # A shorter horizon may leave costs outside it: the whole-document check refuses that.
    validate_project(project)
    log_change(
        project=project,
        by=by,
        what="Projectgegevens gewijzigd",
        entity=LogEntity.PROJECT,
        key=None,
        old=old,
        new=changes,
    )
    return project


@transaction.atomic
def project_archive(*, project: Project, by: User) -> Project:
    """Archive the project: it leaves the project lists and becomes read-only."""
    return _set_archived(project, by, archived=True, what="Project gearchiveerd")


@transaction.atomic
def project_unarchive(*, project: Project, by: User) -> Project:
    """Bring an archived project back."""
    return _set_archived(project, by, archived=False, what="Project uit het archief gehaald")


def _set_archived(project: Project, by: User, *, archived: bool, what: str) -> Project:
    require_role(by, project, Role.BEHEERDER)
    if project.archived != archived:
        Project.objects.filter(pk=project.pk).update(archived=archived)
        project.archived = archived
        log_append(project=project, by=by, what=what)
    return project
