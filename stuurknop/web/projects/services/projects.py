"""Creating a project (basics, then parties), changing its basics, archiving it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.gespreksmodel import DEFAULT_VERSION
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.entities import ID, PROJECT_PARTY, row_data, row_values
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
    organisation: Organisation | None = None,
    key: str = "",
    **given: Any,
) -> ProjectParty:
    """Add a party at (or, with ``at_table=False``, beside) the table; ``given`` holds its
    fields as the project file names them (``name``, ``party_type``, ``at_table``), ``key`` its
    id (default: made from its name)."""
    require_role(by, project, Role.BEHEERDER)
    require_editable(by, project)
    key = key or key_from_name(project.parties.all(), str(given.get("name", "")))
    values = _party_values({"id": key, **given})
    if project.parties.filter(key=values["key"]).exists():
        raise invalid("id", f"{PROJECT_PARTY.id_word} {values['key']!r} komt dubbel voor")
    party = ProjectParty.objects.create(
        project=project,
        organisation=organisation,
        position=next_position(project.parties.all()),
        **values,
    )
    validate_project(project)
    log_append(
        project=project,
        by=by,
        what=f"{PROJECT_PARTY.logged_as(party)} toegevoegd",
        changes=[
            entity_added(
                entity=PROJECT_PARTY.log, key=party.key, data=row_data(PROJECT_PARTY, party)
            )
        ],
    )
    return party


@transaction.atomic
def project_party_update(
    *,
    project: Project,
    party: ProjectParty,
    by: User,
    organisation: Organisation | None = None,
    **given: Any,
) -> ProjectParty:
    """Change a party's fields (``given``, as the project file names them: its name, type,
    seat at the table) or linked organisation; never its id."""
    require_role(by, project, Role.BEHEERDER)
    require_editable(by, project)
    if party.project_id != project.pk:
        raise invalid("parties", "deze partij hoort niet bij dit project")
    values = _party_values({"id": party.key, **given})
    del values["key"]  # never changed
    old = _party_data(party)
    ProjectParty.objects.filter(pk=party.pk).update(organisation=organisation, **values)
    for name, value in values.items():
        setattr(party, name, value)
    party.organisation = organisation
    # The model's party types are checked against the whole document (references).
    validate_project(project)
    log_change(
        project=project,
        by=by,
        what=f"{PROJECT_PARTY.logged_as(party)} gewijzigd",
        entity=PROJECT_PARTY.log,
        key=party.key,
        old=old,
        new=_party_data(party),
    )
    return party


def _party_values(data: dict[str, Any]) -> dict[str, Any]:
    """The columns of a party once its class in the project file accepts ``data``."""
    item = validate_item(PROJECT_PARTY.schema, data)
    return row_values(PROJECT_PARTY, item, _no_references)


def _no_references(names: str, field: str, key: str | None) -> None:
    raise ValueError(field)  # a party refers to nothing


def _party_data(party: ProjectParty) -> dict[str, object]:
    """A party in the log: its fields but the id, and the organisation it is linked to."""
    data: dict[str, object] = row_data(PROJECT_PARTY, party)
    del data[ID]
    data["organisation"] = party.organisation.name if party.organisation else None
    return data


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
