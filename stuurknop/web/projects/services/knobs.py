"""Setting a stuurknop in a scenario, and how much a value matters to a party."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.entities import KNOB_SETTING
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import KnobSetting, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.project_file import knob_setting_data
from stuurknop.web.projects.services.edits import change_recorded
from stuurknop.web.projects.services.keys import next_position
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.rows import checked_values


@transaction.atomic
def knob_setting_update(
    *, scenario: Scenario, knob: int, by: User, expected_version: int, **given: Any
) -> KnobSetting:
    """Save the whole setting of ``knob`` in ``scenario``, as the editor saw it at version
    ``expected_version`` (0: the knob had no setting yet, i.e. 'niet besproken'). ``given``
    holds its fields as the project file names them (``status``, ``opening``, …; the lead
    party by its id); a field not given takes the project file's default.

    Raises :class:`Conflict` when someone saved the knob in between, and
    :class:`~stuurknop.projectfile.DocumentInvalid` for a setting the model does not allow.
    """
    project = scenario.project
    require_editable(by, project)
    what = f"Stuurknop {knob}"
    changes = checked_values(KNOB_SETTING, scenario, {"knob": knob}, given)
    del changes["knob"]  # the row's key, never changed
    setting = (
        KnobSetting.objects.filter(scenario=scenario, knob=knob)
        .select_related("lead_party")
        .first()
    )
    if setting is None:
        old = knob_setting_data(KnobSetting(scenario=scenario, knob=knob))
        setting = _create(scenario, knob, expected_version, what, changes)
    else:
        check_version(setting, expected_version=expected_version, what=what)
        old = knob_setting_data(setting)
        update_locked(setting, expected_version=expected_version, what=what, changes=changes)
    change_recorded(
        scenario=scenario,
        by=by,
        what=what,
        entity=LogEntity.KNOB_SETTING,
        key=str(knob),
        old=old,
        new=knob_setting_data(setting),
    )
    return setting


def _create(
    scenario: Scenario, knob: int, expected_version: int, what: str, changes: Mapping[str, Any]
) -> KnobSetting:
    # The first save of a knob inserts its row; the unique (scenario, knob) constraint makes
    # two concurrent first saves collide instead of both succeeding.
    if expected_version != 0:
        raise Conflict(what=what, expected_version=expected_version, current_version=0)
    try:
        with transaction.atomic():
            return KnobSetting.objects.create(
                scenario=scenario,
                knob=knob,
                position=next_position(scenario.knob_settings.all()),
                **changes,
            )
    except IntegrityError:
        current = (
            KnobSetting.objects.filter(scenario=scenario, knob=knob)
            .values_list("version", flat=True)
            .first()
        )
        raise Conflict(what=what, expected_version=0, current_version=current or 0) from None
