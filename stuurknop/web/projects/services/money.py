"""Cost items (what is needed) and funding lines (who pays), each saved with a version check.

The fields are the project file's (:class:`stuurknop.projectfile.schema.CostItem`,
:class:`~stuurknop.projectfile.schema.FundingLine`), given by name; references by id (a cost
item's ``party``, a funding line's ``cost_item`` and ``party``)::

    cost_item_create(scenario=…, by=…, knob=2, description=…, kind=…, amount=…, first_year=…)
    cost_item_update(cost_item=…, by=…, expected_version=3, knob=2, description=…, …)
    cost_item_delete(cost_item=…, by=…, expected_version=3)

and likewise ``funding_line_create``, ``funding_line_update(funding_line=…, …)`` and
``funding_line_delete``. Who may commit a funding line's money is decided in
:mod:`.commitments` (toegezegd only from the paying party). A cost item that is still paid
for is not deleted. The work is done once for every row entity in :mod:`.rows`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.web.projects.entities import COST_ITEM, FUNDING_LINE, Row, RowEntity
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.services.commitments import ask_confirmation, governed
from stuurknop.web.projects.services.rows import row_create, row_delete, row_update

Writer = Callable[..., Any]


def _writers(entity: RowEntity, row_name: str) -> tuple[Writer, Writer, Writer]:
    """Create, update and delete of ``entity``; update and delete take the row as ``row_name``."""

    def create(*, scenario: Scenario, by: User, key: str = "", **fields: Any) -> Row:
        return row_create(entity, scenario=scenario, by=by, key=key, **fields)

    def update(*, by: User, expected_version: int, **fields: Any) -> Row:
        row = fields.pop(row_name)
        return row_update(entity, row, by=by, expected_version=expected_version, **fields)

    def delete(*, by: User, expected_version: int, **row: Any) -> None:
        row_delete(entity, row[row_name], by=by, expected_version=expected_version)

    return create, update, delete


cost_item_create, cost_item_update, cost_item_delete = _writers(COST_ITEM, "cost_item")
_funding_create, _funding_update, funding_line_delete = _writers(FUNDING_LINE, "funding_line")


def funding_line_create(*, scenario: Scenario, by: User, key: str = "", **fields: Any) -> Row:
    """A new funding line; toegezegd only from the paying party, else a request (see
    :mod:`.commitments`)."""
    with transaction.atomic():
        fields, asked = governed(scenario.project, by, fields)
        row = _funding_create(scenario=scenario, by=by, key=key, **fields)
    if asked:
        ask_confirmation(row)
    return row


def funding_line_update(*, by: User, expected_version: int, **fields: Any) -> Row:
    """Save a funding line; a confirmed line changed by another falls back to a request."""
    row = fields.pop("funding_line")
    with transaction.atomic():
        fields, asked = governed(row.scenario.project, by, fields, old=row)
        row = _funding_update(funding_line=row, by=by, expected_version=expected_version, **fields)
    if asked:
        ask_confirmation(row)
    return row
