"""Scenarios, and how much each value matters to each party in one."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F

from stuurknop.document import schema as doc
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.export import interest_data
from stuurknop.web.projects.models import Interest, Project, ProjectParty, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.services.edits import change_recorded
from stuurknop.web.projects.services.keys import next_position
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.log import log_append, log_change
from stuurknop.web.projects.services.validation import (
    invalid,
    party_by_key,
    validate_item,
    validate_project,
)


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
    log_change(project=project, by=by, what=f"{what} gewijzigd", old=old, new=new)
    return scenario


@transaction.atomic
def interest_set(
    *,
    scenario: Scenario,
    by: User,
    expected_version: int,
    party: str,
    value: str,
    weight: int,
    reason: str = "",
) -> Interest:
    """How much ``value`` matters to ``party`` in ``scenario`` (0–3), and why.

    ``expected_version`` 0 means the editor saw no weight yet for this party and value.
    """
    project = scenario.project
    require_editable(by, project)
    item = validate_item(
        doc.Interest, {"party": party, "value": value, "weight": weight, "reason": reason}
    )
    row_party = party_by_key(project, item.party, field="party")
    assert row_party is not None  # the document requires a party here
    what = f"Belang van {row_party.name} bij {item.value!r}"
    changes = {"weight": item.weight, "reason": item.reason}
    interest = (
        Interest.objects.filter(scenario=scenario, party=row_party, value=item.value)
        .select_related("party")
        .first()
    )
    if interest is None:
        old: dict[str, object] = {"weight": None, "reason": ""}
        interest = _create_interest(
            scenario, row_party, item.value, expected_version, what, changes
        )
    else:
        check_version(interest, expected_version=expected_version, what=what)
        old = interest_data(interest)
        update_locked(interest, expected_version=expected_version, what=what, changes=changes)
    change_recorded(scenario=scenario, by=by, what=what, old=old, new=interest_data(interest))
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
