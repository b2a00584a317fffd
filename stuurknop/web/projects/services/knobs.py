"""Setting a stuurknop in a scenario, and how much a value matters to a party."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import KnobSetting, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.project_file import knob_setting_data
from stuurknop.web.projects.services.edits import change_recorded
from stuurknop.web.projects.services.keys import next_position
from stuurknop.web.projects.services.locking import check_version, update_locked
from stuurknop.web.projects.services.validation import (
    party_by_key,
    validate_item,
)


@transaction.atomic
def knob_setting_update(
    *,
    scenario: Scenario,
    knob: int,
    by: User,
    expected_version: int,
    status: str,
    opening: int | None = None,
    elaboration: str = "",
    lead_party: str | None = None,
    routes: Sequence[str] = (),
    answers: Sequence[str] = (),
) -> KnobSetting:
    """Save the whole setting of ``knob`` in ``scenario``, as the editor saw it at version
    ``expected_version`` (0: the knob had no setting yet, i.e. 'niet besproken').

    Raises :class:`Conflict` when someone saved the knob in between, and
    :class:`~stuurknop.projectfile.DocumentInvalid` for a setting the model does not allow.
    """
    project = scenario.project
    require_editable(by, project)
    what = f"Stuurknop {knob}"
    item = validate_item(
        doc.KnobSetting,
        {
            "knob": knob,
            "status": status,
            "opening": opening,
            "elaboration": elaboration,
            "lead_party": lead_party,
            "routes": list(routes),
            "answers": list(answers),
        },
    )
    changes = {
        "status": item.status.value,
        "opening": item.opening,
        "elaboration": item.elaboration,
        "lead_party": party_by_key(project, item.lead_party, field="lead_party"),
        "routes": list(item.routes),
        "answers": list(item.answers),
    }
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
