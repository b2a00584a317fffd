"""Scenarios, and how much each value matters to each party in one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.entities import INTEREST
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import (
    Actual,
    CostItem,
    FundingLine,
    Interest,
    KnobSetting,
    Project,
    ProjectParty,
    Scenario,
)
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.project_file import interest_data
from stuurknop.web.projects.services.edits import change_recorded
from stuurknop.web.projects.services.keys import next_position
from stuurknop.web.projects.services.locking import check_version, delete_locked, update_locked
from stuurknop.web.projects.services.log import log_append, log_change
from stuurknop.web.projects.services.meeting_links import decisions_pruned
from stuurknop.web.projects.services.rows import checked_values
from stuurknop.web.projects.services.validation import (
    invalid,
    validate_item,
    validate_project,
)

_Row = TypeVar("_Row", bound=models.Model)


@transaction.atomic
def scenario_create(*, project: Project, by: User, name: str, description: str = "") -> Scenario:
    """A new, empty scenario at the end of the list (every knob 'niet besproken')."""
    require_editable(by, project)
    item = validate_item(doc.Scenario, {"name": name, "description": description})
    if project.scenarios.filter(name=item.name).exists():
        raise invalid("name", f"scenarionaam {item.name!r} komt dubbel voor")
    scenario = Scenario.objects.create(
        project=project,
        name=item.name,
        description=item.description,
        position=next_position(project.scenarios.all()),
    )
    validate_project(project)
    log_append(project=project, by=by, what=f"Scenario {scenario.name!r} toegevoegd")
    return scenario


@transaction.atomic
def scenario_update(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    name: str,
    description: str = "",
    chosen: bool = False,
) -> Scenario:
    """Rename or describe a scenario, or choose it (which un-chooses the others)."""
    project = scenario.project
    require_editable(by, project)
    what = f"Scenario {scenario.name!r}"
    check_version(scenario, expected_version=expected_version, what=what)
    item = validate_item(doc.Scenario, {"name": name, "description": description, "chosen": chosen})
    if project.scenarios.exclude(pk=scenario.pk).filter(name=item.name).exists():
        raise invalid("name", f"scenarionaam {item.name!r} komt dubbel voor")
    old = {"name": scenario.name, "description": scenario.description, "chosen": scenario.chosen}
    new = {"name": item.name, "description": item.description, "chosen": item.chosen}
    update_locked(scenario, expected_version=expected_version, what=what, changes=new)
    if item.chosen:
        # Only one scenario is chosen; the others change too, so their versions go up.
        project.scenarios.exclude(pk=scenario.pk).filter(chosen=True).update(
            chosen=False, version=F("version") + 1
        )
    validate_project(project)
    log_change(
        project=project,
        by=by,
        what=f"{what} gewijzigd",
        entity=LogEntity.SCENARIO,
        key=str(old["name"]),
        old=old,
        new=new,
    )
    return scenario


@transaction.atomic
def interest_set(
    *, scenario: Scenario, by: User, expected_version: int, party: str, value: str, **given: Any
) -> Interest:
    """How much ``value`` matters to ``party`` in ``scenario`` (0–3), and why: ``given`` holds
    the interest's other fields as the project file names them (``weight``, ``reason``).

    ``expected_version`` 0 means the editor saw no weight yet for this party and value.
    """
    project = scenario.project
    require_editable(by, project)
    changes = checked_values(INTEREST, scenario, {"party": party, "value": value}, given)
    row_party, value = changes.pop("party"), changes.pop("value")  # the row's key, never changed
    what = f"Belang van {row_party.name} bij {value!r}"
    interest = (
        Interest.objects.filter(scenario=scenario, party=row_party, value=value)
        .select_related("party")
        .first()
    )
    if interest is None:
        # Before the first save: nothing weighed yet, every other field at its default.
        fields = INTEREST.schema.model_fields
        old: dict[str, object] = {
            name: None
            if fields[name].is_required()
            else fields[name].get_default(call_default_factory=True)
            for name in changes
        }
        interest = _create_interest(scenario, row_party, value, expected_version, what, changes)
    else:
        check_version(interest, expected_version=expected_version, what=what)
        old = interest_data(interest)
        update_locked(interest, expected_version=expected_version, what=what, changes=changes)
    # The log names the value as people know it ("Goed wonen"), the conflict by its id; a
    # value the model does not know is refused by the validation in change_recorded.
    values = load_model(project.model_version).values
    value_name = next((v.name for v in values if v.id == value), value)
    change_recorded(
        scenario=scenario,
        by=by,
        what=f"Belang van {row_party.name} bij {value_name}",
        entity=LogEntity.INTEREST,
        key=f"{row_party.key}/{value}",
        old=old,
        new=interest_data(interest),
    )
    return interest


def _create_interest(
    scenario: Scenario,
    party: ProjectParty,
    value: str,
    expected_version: int,
    what: str,
    changes: dict[str, object],
) -> Interest:
    if expected_version != 0:
        raise Conflict(what=what, expected_version=expected_version, current_version=0)
    try:
        with transaction.atomic():
            return Interest.objects.create(
                scenario=scenario,
                party=party,
                value=value,
                position=next_position(scenario.interests.all()),
                **changes,
            )
    except IntegrityError:
        raise Conflict(what=what, expected_version=0, current_version=1) from None


@transaction.atomic
def scenario_copy(
    *, source: Scenario, by: User, name: str, description: str | None = None
) -> Scenario:
    """A new scenario at the end of the list that is ``source`` in every respect but its name.

    Knob settings, interests, cost items, funding lines, effects and evidence are copied, so the
    copy analyses to the same figures; it is not chosen. ``description`` None keeps the source's.
    """
    project = source.project
    require_editable(by, project)
    if description is None:
        description = source.description
    item = validate_item(doc.Scenario, {"name": name, "description": description})
    if project.scenarios.filter(name=item.name).exists():
        raise invalid("name", f"scenarionaam {item.name!r} komt dubbel voor")
    try:
        with transaction.atomic():  # a savepoint: someone may take the name at the same time
            copy = Scenario.objects.create(
                project=project,
                name=item.name,
                description=item.description,
                effects=list(source.effects),
                evidence=list(source.evidence),
                position=next_position(project.scenarios.all()),
            )
    except IntegrityError:
        raise invalid("name", f"scenarionaam {item.name!r} komt dubbel voor") from None
    _copy_rows(KnobSetting, source, copy)
    _copy_rows(Interest, source, copy)
    _copy_rows(CostItem, source, copy)
    # Funding lines point at cost items by row; the copies must point at the copied items,
    # which keep their keys (keys are unique per scenario, so they match one to one).
    old_keys = dict(CostItem.objects.filter(scenario=source).values_list("pk", "key"))
    new_ids = dict(CostItem.objects.filter(scenario=copy).values_list("key", "pk"))
    FundingLine.objects.bulk_create(
        [
            _clone(line, scenario_id=copy.pk, cost_item_id=new_ids[old_keys[line.cost_item_id]])
            for line in FundingLine.objects.filter(scenario=source)
        ]
    )
    _copy_actuals(source, copy)
    validate_project(project)
    log_append(
        project=project,
        by=by,
        what=f"Scenario {copy.name!r} toegevoegd als kopie van {source.name!r}",
        scenario=copy.name,
    )
    return copy


def _copy_actuals(source: Scenario, copy: Scenario) -> None:
    """The actuals, pointing at the copied cost items and funding lines (same keys)."""
    items = _key_map(CostItem, source, copy)
    lines = _key_map(FundingLine, source, copy)
    Actual.objects.bulk_create(
        [
            _clone(
                actual,
                scenario_id=copy.pk,
                cost_item_id=items.get(actual.cost_item_id or 0),
                funding_line_id=lines.get(actual.funding_line_id or 0),
            )
            for actual in Actual.objects.filter(scenario=source)
        ]
    )


def _key_map(
    model: type[CostItem] | type[FundingLine], source: Scenario, copy: Scenario
) -> dict[int, int]:
    """Row id in ``source`` → the id of the row with the same key in ``copy``."""
    old_keys = dict(model.objects.filter(scenario=source).values_list("pk", "key"))
    new_ids = dict(model.objects.filter(scenario=copy).values_list("key", "pk"))
    return {pk: new_ids[key] for pk, key in old_keys.items()}


def _copy_rows(model: type[_Row], source: Scenario, copy: Scenario) -> None:
    rows = model._default_manager.filter(scenario=source)
    model._default_manager.bulk_create([_clone(row, scenario_id=copy.pk) for row in rows])


def _clone(row: _Row, **changes: object) -> _Row:
    """An unsaved copy of ``row`` with ``changes`` (by attribute name), at version 1.

    Every stored field is copied, so a field added to these rows later is copied too.
    """
    data = {
        f.attname: getattr(row, f.attname)
        for f in type(row)._meta.concrete_fields
        if f.attname not in ("id", "version")
    }
    data.update(changes)
    return type(row)(**data)


@transaction.atomic
def scenario_delete(*, scenario: Scenario, by: User, expected_version: int) -> None:
    """Delete a scenario with all its rows; the last scenario of a project cannot go.

    Raises :class:`ValidationError` for the last scenario and :class:`Conflict` when someone
    changed (or deleted) the scenario since the editor loaded it.
    """
    project = scenario.project
    require_editable(by, project)
    # Lock the project so that two people cannot each delete one of its last two scenarios.
    Project.objects.select_for_update().filter(pk=project.pk).first()
    if not project.scenarios.exclude(pk=scenario.pk).exists():
        raise ValidationError(_("Het laatste scenario van een project kan niet weg."))
    what = f"Scenario {scenario.name!r}"
    check_version(scenario, expected_version=expected_version, what=what)
    # Actuals protect their cost items and funding lines, and funding lines their cost items;
    # they go first (all rolled back on a conflict).
    Actual.objects.filter(scenario=scenario).delete()
    FundingLine.objects.filter(scenario=scenario).delete()
    delete_locked(scenario, expected_version=expected_version, what=what)
    # Decisions about cost items or funding lines only this scenario had no longer name them.
    pruned = decisions_pruned(project)
    validate_project(project)
    log_append(
        project=project, by=by, what=f"{what} verwijderd", scenario=scenario.name, changes=pruned
    )


@dataclass(frozen=True)
class InterestEdit:
    """One value's weight for a party as an editor submitted it, with the version they loaded.

    ``weight`` None: left empty (possible only for a value with no weight stored yet).
    """

    value: str
    weight: int | None
    reason: str
    expected_version: int


@transaction.atomic
def party_interests_set(
    *, scenario: Scenario, by: User, party: str, edits: Sequence[InterestEdit]
) -> list[Interest]:
    """How much each value matters to ``party``: every edit through :func:`interest_set`, in
    one transaction, so that all are saved or none (on a conflict or bad input).

    A value whose stored version is still the one loaded and whose weight and reason did not
    change is not written (no new version, no line in the log); any other value goes through
    the version check, so a change someone made meanwhile is never overwritten silently. Errors
    name the value they concern: ``goed_wonen.weight``. Returns the interests written.
    """
    require_editable(by, scenario.project)
    stored = {
        i.value: i
        for i in Interest.objects.filter(scenario=scenario, party__key=party).select_related(
            "party"
        )
    }
    saved = []
    for edit in edits:
        row = stored.get(edit.value)
        if edit.weight is None:
            if row is not None and row.version == edit.expected_version:
                raise DocumentInvalid(
                    [
                        DocumentError(
                            f"{edit.value}.weight",
                            "gewicht",
                            "een ingevuld belang kan niet leeg worden; kies 0 als deze waarde "
                            "niet telt",
                        )
                    ]
                )
            continue  # nothing stored, nothing asked (or someone else filled it in meanwhile)
        if (
            row is not None
            and row.version == edit.expected_version
            and (row.weight, row.reason) == (edit.weight, edit.reason)
        ):
            continue
        try:
            saved.append(
                interest_set(
                    scenario=scenario,
                    by=by,
                    expected_version=edit.expected_version,
                    party=party,
                    value=edit.value,
                    weight=edit.weight,
                    reason=edit.reason,
                )
            )
        except DocumentInvalid as exc:
            raise DocumentInvalid(
                [
                    DocumentError(f"{edit.value}.{e.path}", e.location, e.message)
                    if e.path in ("weight", "reason", "value")
                    else e
                    for e in exc.errors
                ]
            ) from None
    return saved
