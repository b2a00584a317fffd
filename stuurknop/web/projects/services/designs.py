"""A new scenario from one of the explorer's designs: a copy of the scenario it was explored
from, with the knobs set to the design's openings. One transaction: the copy and every knob's
change go through the scenario and knob services (each validated as a whole project and
logged), so a refused design stores nothing."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.projectfile.schema import KnobStatus
from stuurknop.web.projects.models import KnobSetting, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.project_file import knob_setting_data
from stuurknop.web.projects.services.knobs import knob_setting_update
from stuurknop.web.projects.services.scenarios import scenario_copy


def _refused(message: str) -> DocumentInvalid:
    return DocumentInvalid([DocumentError("openings", "standen", message)])


@transaction.atomic
def scenario_from_design(
    *, source: Scenario, by: User, name: str, openings: Sequence[int], description: str = ""
) -> Scenario:
    """A copy of ``source`` called ``name`` with knob k at ``openings[k - 1]`` (0: off).

    A knob that is not on and stays at 0 keeps its status (not discussed stays not discussed);
    a knob that was on and goes to 0 is set deliberately off; every other knob is set on at
    its opening. Its other fields (elaboration, lead party, routes, answers) are kept.
    """
    require_editable(by, source.project)
    knobs = [k.number for k in load_model(source.project.model_version).knobs]
    if len(openings) != len(knobs) or any(o not in (0, 1, 2, 3) for o in openings):
        raise _refused(f"een ontwerp heeft {len(knobs)} standen van 0 tot en met 3")
    copy = scenario_copy(source=source, by=by, name=name, description=description)
    settings = {s.knob: s for s in KnobSetting.objects.filter(scenario=copy)}
    for knob, opening in zip(knobs, openings, strict=True):
        row = settings.get(knob)
        now = row.opening if row is not None and row.status == KnobStatus.AAN else None
        if (now or 0) == opening:
            continue
        data = knob_setting_data(row) if row is not None else {}
        data.pop("knob", None)
        data.update(
            {"status": KnobStatus.AAN.value, "opening": opening}
            if opening
            else {"status": KnobStatus.UIT.value, "opening": None}
        )
        knob_setting_update(
            scenario=copy,
            knob=knob,
            by=by,
            expected_version=row.version if row is not None else 0,
            **data,
        )
    return copy
