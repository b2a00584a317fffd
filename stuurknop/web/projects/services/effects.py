"""Writes of effects in money: a scenario's effect estimates (``Scenario.effects``, one
validated sub-document of the scenario) and the project's effect settings (the discount rate
and its own proxies, ``Project.effect_settings``).

Every write checks the item by its declaration (:mod:`stuurknop.projectfile.effects`), writes
under the row's version (optimistic locking: a stale page gets :class:`Conflict`), validates the
whole project and logs the change as data, in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings
from stuurknop.projectfile.schema import LogChange, LogEntity
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, Scenario
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


def effect_estimates(scenario: Scenario) -> list[EffectEstimate]:
    """The scenario's effect estimates as the project file declares them."""
    return [EffectEstimate.model_validate(e) for e in scenario.effects]


def effect_settings(project: Project) -> EffectSettings:
    return EffectSettings.model_validate(project.effect_settings or {})


@transaction.atomic
def effect_save(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    effect_id: str | None,
    data: Data,
) -> EffectEstimate:
    """Add (``effect_id`` None) or change the effect estimate ``effect_id``; ``data`` holds its
    fields as the project file names them."""
    project = scenario.project
    require_editable(by, project)
    effect = validate_item(EffectEstimate, data)
    what = f"Effectschatting '{effect.id}'"
    check_version(scenario, expected_version=expected_version, what=what)
    effects = effect_estimates(scenario)
    ids = [e.id for e in effects]
    new = effect.model_dump(mode="json")
    changes: list[LogChange]
    if effect_id is None:
        if effect.id in ids:
            raise invalid("id", f"effect-id {effect.id!r} staat er al")
        effects.append(effect)
        changes = [entity_added(entity=LogEntity.EFFECT, key=effect.id, data=new)]
    else:
        if effect_id not in ids:
            raise Conflict(what=what, expected_version=expected_version, current_version=0)
        if effect.id != effect_id and effect.id in ids:
            raise invalid("id", f"effect-id {effect.id!r} staat er al")
        at = ids.index(effect_id)
        old = effects[at].model_dump(mode="json")
        effects[at] = effect
        changes = field_changes(entity=LogEntity.EFFECT, key=effect_id, old=old, new=new)
    update_locked(
        scenario,
        expected_version=expected_version,
        what=what,
        changes={"effects": [e.model_dump(mode="json") for e in effects]},
    )
    validate_project(project)
    verb = "toegevoegd" if effect_id is None else "gewijzigd"
    if changes:
        log_append(
            project=project, by=by, what=f"{what} {verb}", scenario=scenario.name, changes=changes
        )
    return effect


@transaction.atomic
def effect_delete(*, scenario: Scenario, by: User, expected_version: int, effect_id: str) -> None:
    project = scenario.project
    require_editable(by, project)
    what = f"Effectschatting '{effect_id}'"
    check_version(scenario, expected_version=expected_version, what=what)
    effects = effect_estimates(scenario)
    gone = next((e for e in effects if e.id == effect_id), None)
    if gone is None:
        raise Conflict(what=what, expected_version=expected_version, current_version=0)
    kept = [e.model_dump(mode="json") for e in effects if e.id != effect_id]
    update_locked(scenario, expected_version=expected_version, what=what, changes={"effects": kept})
    validate_project(project)
    old = gone.model_dump(mode="json")
    log_append(
        project=project,
        by=by,
        what=f"{what} verwijderd",
        scenario=scenario.name,
        changes=[entity_removed(entity=LogEntity.EFFECT, key=effect_id, data=old)],
    )


@transaction.atomic
def effect_settings_save(
    *, project: Project, by: User, expected_version: int, data: Data
) -> EffectSettings:
    """The discount rate and the project's own proxies, as one validated whole."""
    require_editable(by, project)
    settings = validate_item(EffectSettings, data)
    what = "Instellingen voor effecten in geld"
    old = effect_settings(project).model_dump(mode="json")
    new = settings.model_dump(mode="json")
    update_locked(
        project, expected_version=expected_version, what=what, changes={"effect_settings": new}
    )
    validate_project(project)
    changes = field_changes(entity=LogEntity.EFFECT_SETTINGS, key=None, old=old, new=new)
    if changes:
        log_append(project=project, by=by, what=f"{what} gewijzigd", changes=changes)
    return settings


__all__ = [
    "DocumentInvalid",
    "effect_delete",
    "effect_estimates",
    "effect_save",
    "effect_settings",
    "effect_settings_save",
]
