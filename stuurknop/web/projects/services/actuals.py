"""Realised money: an amount spent on a cost item or received on a funding line in a year,
entered by hand (create, update, delete through :mod:`.rows`) or read from a file
(:func:`actuals_import`). The fields are the project file's
(:class:`stuurknop.projectfile.schema.Actual`), given by name; references by id::

    actual_create(scenario=…, by=…, cost_item="k1", year=2026, amount=Decimal("1200"))
    actual_update(actual=…, by=…, expected_version=1, funding_line="f2", year=2026, amount=…)
    actual_delete(actual=…, by=…, expected_version=1)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile.schema import MAX_LOG_CHANGES, LogChange
from stuurknop.web.projects.actual_files import ActualRow
from stuurknop.web.projects.entities import ACTUAL_ROW, Row, row_data
from stuurknop.web.projects.models import Actual, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.keys import next_position
from stuurknop.web.projects.services.log import entity_added, field_changes, log_append
from stuurknop.web.projects.services.rows import row_create, row_delete, row_update
from stuurknop.web.projects.services.validation import validate_project


def actual_create(*, scenario: Scenario, by: User, key: str = "", **fields: Any) -> Row:
    return row_create(ACTUAL_ROW, scenario=scenario, by=by, key=key, **fields)


def actual_update(*, actual: Actual, by: User, expected_version: int, **fields: Any) -> Row:
    return row_update(ACTUAL_ROW, actual, by=by, expected_version=expected_version, **fields)


def actual_delete(*, actual: Actual, by: User, expected_version: int) -> None:
    row_delete(ACTUAL_ROW, actual, by=by, expected_version=expected_version)


@transaction.atomic
def actuals_import(
    *, scenario: Scenario, by: User, rows: Sequence[ActualRow], source: str
) -> tuple[int, int]:
    """Store the rows read from the file ``source`` (already checked row by row): a new amount
    for a cost item or funding line and year is added, one already recorded is replaced. The
    whole project is validated once, then logged (in entries of at most the log's number of
    changes). Returns (added, replaced); on any error nothing is stored."""
    require_editable(by, scenario.project)
    items = {c.key: c for c in scenario.cost_items.all()}
    lines = {f.key: f for f in scenario.funding_lines.all()}
    stored = {
        (
            a.cost_item.key if a.cost_item else None,
            a.funding_line.key if a.funding_line else None,
            a.year,
        ): a
        for a in scenario.actuals.select_related("cost_item", "funding_line").select_for_update(
            of=("self",)
        )
    }
    changes: list[LogChange] = []
    added = replaced = 0
    position = next_position(scenario.actuals.all())
    fresh = _fresh_keys(set(scenario.actuals.values_list("key", flat=True)))
    for row in rows:
        existing = stored.get((row.cost_item, row.funding_line, row.year))
        if existing is not None:
            old = row_data(ACTUAL_ROW, existing)
            existing.amount, existing.note = row.amount, row.note
            existing.version += 1
            existing.save(update_fields=["amount", "note", "version"])
            new = row_data(ACTUAL_ROW, existing)
            found = field_changes(entity=ACTUAL_ROW.log, key=existing.key, old=old, new=new)
            replaced += bool(found)
            changes += found
            continue
        key = next(fresh)
        actual = Actual.objects.create(
            scenario=scenario,
            position=position,
            key=key,
            cost_item=items[row.cost_item] if row.cost_item else None,
            funding_line=lines[row.funding_line] if row.funding_line else None,
            year=row.year,
            amount=row.amount,
            note=row.note,
        )
        position += 1
        added += 1
        changes.append(
            entity_added(entity=ACTUAL_ROW.log, key=key, data=row_data(ACTUAL_ROW, actual))
        )
    validate_project(scenario.project)
    what = f"Gerealiseerde bedragen ingelezen uit {source!r}: {added} nieuw, {replaced} vervangen"
    for start in range(0, max(len(changes), 1), MAX_LOG_CHANGES):
        log_append(
            project=scenario.project,
            by=by,
            what=what,
            scenario=scenario.name,
            changes=changes[start : start + MAX_LOG_CHANGES],
        )
    return added, replaced


def _fresh_keys(used: set[str]) -> Iterator[str]:
    """``r1``, ``r2``, … skipping the keys in use."""
    n = 0
    while True:
        n += 1
        key = f"{ACTUAL_ROW.prefix}{n}"
        if key not in used:
            yield key
