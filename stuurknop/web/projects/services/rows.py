"""Create, update and delete a scenario's rows, for every entity of :mod:`..entities` at once.

Each write checks the writer's role and the version the editor saw, validates the item with
its class of the project file and then the whole project, and logs the change as data.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import ProtectedError

from stuurknop.projectfile.schema import LogChange
from stuurknop.web.projects.entities import (
    COST,
    FUNDING,
    PARTY,
    Row,
    RowEntity,
    row_data,
    row_values,
)
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.edits import update_recorded
from stuurknop.web.projects.services.keys import free_key, next_position
from stuurknop.web.projects.services.locking import check_version, delete_locked
from stuurknop.web.projects.services.log import entity_added, entity_removed, log_append
from stuurknop.web.projects.services.meeting_links import decisions_pruned
from stuurknop.web.projects.services.validation import (
    invalid,
    party_by_key,
    validate_item,
    validate_project,
)


@transaction.atomic
def row_create(
    entity: RowEntity, *, scenario: Scenario, by: User, key: str = "", **given: Any
) -> Row:
    """A new row of ``entity`` in ``scenario``; ``given`` holds its fields as the document
    names them (references by id), ``key`` its id (default: the next free one)."""
    require_editable(by, scenario.project)
    rows = entity.rows(scenario)
    values = checked_values(entity, scenario, {"id": key or free_key(rows, entity.prefix)}, given)
    if rows.filter(key=values["key"]).exists():
        raise invalid("id", f"{entity.id_word} {values['key']!r} komt dubbel voor")
    row: Row = entity.model._default_manager.create(
        scenario=scenario, position=next_position(rows), **values
    )
    added = entity_added(entity=entity.log, key=row.key, data=row_data(entity, row))
    _recorded(scenario, by, f"{entity.logged_as(row)} toegevoegd", added)
    return row


@transaction.atomic
def row_update(
    entity: RowEntity, row: Row, *, by: User, expected_version: int, **given: Any
) -> Row:
    """Save the whole row as the editor saw it at ``expected_version``."""
    scenario = row.scenario
    require_editable(by, scenario.project)
    what = entity.named(row)
    check_version(row, expected_version=expected_version, what=what)
    update_recorded(
        row,
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=what,
        changes=checked_values(entity, scenario, {"id": row.key}, given),
        data=partial(row_data, entity),
        entity=entity.log,
        key=row.key,
        logged_as=entity.logged_as(row),
    )
    return row


@transaction.atomic
def row_delete(entity: RowEntity, row: Row, *, by: User, expected_version: int) -> None:
    """Delete a row; a row others still refer to (``entity.in_use``) is refused."""
    scenario = row.scenario
    require_editable(by, scenario.project)
    logged_as = entity.logged_as(row)
    removed = entity_removed(entity=entity.log, key=row.key, data=row_data(entity, row))
    try:
        delete_locked(row, expected_version=expected_version, what=entity.named(row))
    except ProtectedError:
        if entity.in_use is None:
            raise
        raise invalid(*entity.in_use) from None
    # A decision about the last cost item or funding line of this id no longer names it.
    pruned = decisions_pruned(scenario.project)
    _recorded(scenario, by, f"{logged_as} verwijderd", removed, *pruned)


def _recorded(scenario: Scenario, by: User, what: str, *changes: LogChange) -> None:
    """Validate the whole project after a write, then log it with its ``changes``."""
    validate_project(scenario.project)
    log_append(project=scenario.project, by=by, what=what, scenario=scenario.name, changes=changes)


def checked_values(
    entity: RowEntity, scenario: Scenario, identity: Mapping[str, Any], given: Mapping[str, Any]
) -> dict[str, Any]:
    """The column values of ``given`` once its class in the project file accepts it;
    ``identity`` holds the fields that name the row (``{"id": "k1"}``, ``{"knob": 4}``)."""
    data = {name: str(v) if isinstance(v, Decimal) else v for name, v in given.items()}
    item = validate_item(entity.schema, {**identity, **data})
    return row_values(entity, item, partial(_resolve, scenario))


def _resolve(scenario: Scenario, names: str, field: str, key: str | None) -> Any:
    if key is None:
        return None
    if names == PARTY:
        return party_by_key(scenario.project, key, field=field)
    if names == COST:
        cost_item = scenario.cost_items.filter(key=key).first()
        if cost_item is None:
            raise invalid(field, f"onbekende kostenpost {key!r}")
        return cost_item
    if names == FUNDING:
        line = scenario.funding_lines.filter(key=key).first()
        if line is None:
            raise invalid(field, f"onbekende financieringsregel {key!r}")
        return line
    raise ValueError(names)
