"""Writes of a scenario's evidence and monitoring: evidence needed before the decision, the
indicators of an aimed value, and their measurements (by hand or a whole file at once).

The evidence plans are one validated sub-document of the scenario (``Scenario.evidence``, the
project file's :class:`~stuurknop.projectfile.evidence.EvidencePlan` list), so every write here
reads the plans, changes one item by its declaration, writes them back under the scenario's
version (optimistic locking: a stale page gets :class:`Conflict`), validates the whole project
and logs the change as data, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.evidence import (
    EvidenceNeed,
    EvidencePlan,
    Indicator,
    Measurement,
    MeasurementSource,
)
from stuurknop.projectfile.schema import LogChange, LogEntity
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.log import (
    entity_added,
    entity_removed,
    field_changes,
    log_append,
)
from stuurknop.web.projects.services.validation import invalid, validate_item, validate_project

Data = Mapping[str, Any]


def evidence_plans(scenario: Scenario) -> list[EvidencePlan]:
    """The scenario's evidence plans as the project file declares them."""
    return [EvidencePlan.model_validate(p) for p in scenario.evidence]


def _plan(plans: list[EvidencePlan], value: str) -> EvidencePlan:
    for plan in plans:
        if plan.value == value:
            return plan
    plan = EvidencePlan(value=value)
    plans.append(plan)
    return plan


def _write(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    what: str,
    change: Callable[[list[EvidencePlan]], list[LogChange]],
) -> None:
    project = scenario.project
    require_editable(by, project)
    check_version(scenario, expected_version=expected_version, what=what)
    plans = evidence_plans(scenario)
    changes = change(plans)
    plans = [p for p in plans if p.before_decision or p.indicators]
    data = [p.model_dump(mode="json") for p in plans]
    update_locked(
        scenario, expected_version=expected_version, what=what, changes={"evidence": data}
    )
    validate_project(project)
    if changes:
        log_append(project=project, by=by, what=what, scenario=scenario.name, changes=changes)


def _need_key(value: str, index: int) -> str:
    return f"{value}/{index + 1}"


@transaction.atomic
def evidence_need_save(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    value: str,
    index: int | None,
    data: Data,
) -> EvidenceNeed:
    """Add (``index`` None) or change the evidence need ``index`` of ``value``; ``data`` holds
    the need's fields as the project file names them."""
    need = validate_item(EvidenceNeed, data)
    what = f"Bewijs '{need.description}' bij waarde {value!r}"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        plan = _plan(plans, value)
        new = need.model_dump(mode="json")
        if index is None:
            plan.before_decision.append(need)
            key = _need_key(value, len(plan.before_decision) - 1)
            return [entity_added(entity=LogEntity.EVIDENCE_NEED, key=key, data=new)]
        if not 0 <= index < len(plan.before_decision):
            raise _gone(what, expected_version)
        old = plan.before_decision[index].model_dump(mode="json")
        plan.before_decision[index] = need
        key = _need_key(value, index)
        return field_changes(entity=LogEntity.EVIDENCE_NEED, key=key, old=old, new=new)

    verb = "toegevoegd" if index is None else "gewijzigd"
    _write(
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=f"{what} {verb}",
        change=change,
    )
    return need


@transaction.atomic
def evidence_need_delete(
    *, scenario: Scenario, by: User, expected_version: int, value: str, index: int
) -> None:
    what = f"Bewijs bij waarde {value!r}"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        plan = _plan(plans, value)
        if not 0 <= index < len(plan.before_decision):
            raise _gone(what, expected_version)
        old = plan.before_decision.pop(index).model_dump(mode="json")
        key = _need_key(value, index)
        return [entity_removed(entity=LogEntity.EVIDENCE_NEED, key=key, data=old)]

    _write(
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=f"{what} verwijderd",
        change=change,
    )


def _find(plans: list[EvidencePlan], indicator_id: str) -> tuple[EvidencePlan, int] | None:
    for plan in plans:
        for i, indicator in enumerate(plan.indicators):
            if indicator.id == indicator_id:
                return plan, i
    return None


@transaction.atomic
def indicator_save(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    value: str,
    indicator_id: str | None,
    data: Data,
) -> Indicator:
    """Add (``indicator_id`` None) or change an indicator of ``value``; its measurements stay.
    ``data`` holds its fields (without ``id`` and ``measurements``)."""
    plans_now = evidence_plans(scenario)
    found = _find(plans_now, indicator_id) if indicator_id else None
    if indicator_id is not None and found is None:
        raise _gone(f"Indicator {indicator_id!r}", expected_version)
    if found is not None:
        key = indicator_id
        measurements = found[0].indicators[found[1]].measurements
    else:
        key = _new_indicator_id(plans_now, str(data.get("name", "")))
        measurements = []
    indicator = validate_item(Indicator, {**data, "id": key, "measurements": []})
    indicator = indicator.model_copy(update={"measurements": measurements})
    what = f"Indicator '{indicator.name}'"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        new = indicator.model_dump(mode="json", exclude={"measurements"})
        at = _find(plans, indicator.id)
        if at is None:
            _plan(plans, value).indicators.append(indicator)
            return [entity_added(entity=LogEntity.INDICATOR, key=indicator.id, data=new)]
        plan, i = at
        old = plan.indicators[i].model_dump(mode="json", exclude={"measurements"})
        plan.indicators[i] = indicator
        return field_changes(entity=LogEntity.INDICATOR, key=indicator.id, old=old, new=new)

    verb = "toegevoegd" if found is None else "gewijzigd"
    _write(
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=f"{what} {verb}",
        change=change,
    )
    return indicator


def _new_indicator_id(plans: list[EvidencePlan], name: str) -> str:
    taken = {i.id for p in plans for i in p.indicators}
    base = "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower()).strip("-")
    base = "-".join(part for part in base.split("-") if part)[:40] or "indicator"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


@transaction.atomic
def indicator_delete(
    *, scenario: Scenario, by: User, expected_version: int, indicator_id: str
) -> None:
    what = f"Indicator {indicator_id!r}"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        at = _find(plans, indicator_id)
        if at is None:
            raise _gone(what, expected_version)
        plan, i = at
        old = plan.indicators.pop(i).model_dump(mode="json")
        return [entity_removed(entity=LogEntity.INDICATOR, key=indicator_id, data=old)]

    _write(
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=f"{what} verwijderd",
        change=change,
    )


def _measurement_key(indicator_id: str, day: dt.date) -> str:
    return f"{indicator_id}/{day.isoformat()}"


@transaction.atomic
def measurements_add(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    rows: Sequence[tuple[str, Data]],
    origin: MeasurementSource = MeasurementSource.HAND,
) -> int:
    """Add every measurement of ``rows`` ((indicator id, fields), …) at once, or none: an
    unknown indicator or an invalid measurement refuses the whole write. Returns how many."""
    measured = [
        (indicator_id, validate_item(Measurement, {**data, "origin": origin}))
        for indicator_id, data in rows
    ]
    what = "Meting toegevoegd" if len(measured) == 1 else f"{len(measured)} metingen toegevoegd"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        changes = []
        for indicator_id, measurement in measured:
            at = _find(plans, indicator_id)
            if at is None:
                raise invalid("indicator", f"onbekende indicator {indicator_id!r}")
            plan, i = at
            plan.indicators[i].measurements.append(measurement)
            plan.indicators[i].measurements.sort(key=lambda m: m.date)
            changes.append(
                entity_added(
                    entity=LogEntity.MEASUREMENT,
                    key=_measurement_key(indicator_id, measurement.date),
                    data=measurement.model_dump(mode="json"),
                )
            )
        return changes[:100]  # one log line holds at most 100 changes; the count is in ``what``

    _write(scenario=scenario, by=by, expected_version=expected_version, what=what, change=change)
    return len(measured)


@transaction.atomic
def measurement_delete(
    *, scenario: Scenario, by: User, expected_version: int, indicator_id: str, index: int
) -> None:
    what = f"Meting van indicator {indicator_id!r}"

    def change(plans: list[EvidencePlan]) -> list[LogChange]:
        at = _find(plans, indicator_id)
        if at is None:
            raise _gone(what, expected_version)
        plan, i = at
        measurements = plan.indicators[i].measurements
        if not 0 <= index < len(measurements):
            raise _gone(what, expected_version)
        old = measurements.pop(index)
        key = _measurement_key(indicator_id, old.date)
        data = old.model_dump(mode="json")
        return [entity_removed(entity=LogEntity.MEASUREMENT, key=key, data=data)]

    _write(
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=f"{what} verwijderd",
        change=change,
    )


def _gone(what: str, expected_version: int) -> Conflict:
    """The item the page showed is not there any more: someone else changed the evidence."""
    return Conflict(what=what, expected_version=expected_version, current_version=0)


__all__ = [
    "DocumentInvalid",
    "evidence_need_delete",
    "evidence_need_save",
    "evidence_plans",
    "indicator_delete",
    "indicator_save",
    "measurement_delete",
    "measurements_add",
]
