"""Cost items (what is needed) and funding lines (who pays), each saved with a version check.

The fields are the project file's (:class:`stuurknop.projectfile.schema.CostItem`,
:class:`~stuurknop.projectfile.schema.FundingLine`), given by name; references by id (a cost
item's ``party``, a funding line's ``cost_item`` and ``party``). The work is done once for
every row entity in :mod:`.rows`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from stuurknop.web.projects.entities import COST_ITEM, FUNDING_LINE
from stuurknop.web.projects.models import CostItem, FundingLine, Scenario
from stuurknop.web.projects.services.rows import row_create, row_delete, row_update


def cost_item_create(*, scenario: Scenario, by: User, key: str = "", **fields: Any) -> CostItem:
    """A new cost item in ``scenario``; ``party`` is the id of the party that incurs it."""
    item: CostItem = row_create(COST_ITEM, scenario=scenario, by=by, key=key, **fields)
    return item


def cost_item_update(
    *, cost_item: CostItem, by: User, expected_version: int, **fields: Any
) -> CostItem:
    """Save the whole cost item as the editor saw it at ``expected_version``."""
    item: CostItem = row_update(
        COST_ITEM, cost_item, by=by, expected_version=expected_version, **fields
    )
    return item


def cost_item_delete(*, cost_item: CostItem, by: User, expected_version: int) -> None:
    """Delete a cost item that no funding line pays for any more."""
    row_delete(COST_ITEM, cost_item, by=by, expected_version=expected_version)


def funding_line_create(
    *, scenario: Scenario, by: User, key: str = "", **fields: Any
) -> FundingLine:
    """A new funding line: ``party`` pays ``amount`` out of ``source`` towards ``cost_item``."""
    line: FundingLine = row_create(FUNDING_LINE, scenario=scenario, by=by, key=key, **fields)
    return line


def funding_line_update(
    *, funding_line: FundingLine, by: User, expected_version: int, **fields: Any
) -> FundingLine:
    """Save the whole funding line as the editor saw it at ``expected_version``."""
    line: FundingLine = row_update(
        FUNDING_LINE, funding_line, by=by, expected_version=expected_version, **fields
    )
    return line


def funding_line_delete(*, funding_line: FundingLine, by: User, expected_version: int) -> None:
    """Delete a funding line."""
    row_delete(FUNDING_LINE, funding_line, by=by, expected_version=expected_version)
