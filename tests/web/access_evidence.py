"""Evidence and monitoring: their part of the access table.

Every member sees the evidence page, a finding's file and the file to fill in; bewerkers and
beheerders add, change and delete evidence, indicators and measurements, and read in files.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    "evidence_page": Access("lezer"),
    "evidence_need_add": Access("bewerker", editable=True),
    "evidence_need_edit": Access("bewerker", editable=True),
    "evidence_need_delete": Access("bewerker", method="POST", editable=True),
    "evidence_file": Access("lezer"),
    "indicator_add": Access("bewerker", editable=True),
    "indicator_edit": Access("bewerker", editable=True),
    "indicator_delete": Access("bewerker", method="POST", editable=True),
    "measurement_add": Access("bewerker", method="POST", editable=True),
    "measurement_delete": Access("bewerker", method="POST", editable=True),
    "measurements_import": Access("bewerker", editable=True),
    "measurements_template": Access("lezer"),
}

VALUE = "minder_zorgvraag"


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """A piece of evidence with a stored file, and an indicator with a measurement."""
    import io

    from stuurknop.web.projects.evidence_files import checked_file, store
    from stuurknop.web.projects.services.evidence import (
        evidence_need_save,
        indicator_save,
        measurements_add,
    )

    scenario = project.scenarios.get(name="Basis")
    pdf = b"%PDF-1.4\n% matrix\n"
    described, data = checked_file("matrix.pdf", io.BytesIO(pdf), len(pdf))
    store(project.pk, described, data)
    evidence_need_save(
        scenario=scenario,
        by=people["anna"],
        expected_version=scenario.version,
        value=VALUE,
        index=None,
        data={"kind": "onderzoek", "description": "Matrixbewijs", "file": described.model_dump()},
    )
    indicator = indicator_save(
        scenario=scenario,
        by=people["anna"],
        expected_version=scenario.version,
        value=VALUE,
        indicator_id=None,
        data={"name": "Matrixindicator", "target": "8"},
    )
    measurements_add(
        scenario=scenario,
        by=people["anna"],
        expected_version=scenario.version,
        rows=[(indicator.id, {"date": dt.date(2026, 1, 1), "value": "7"})],
    )
    return {"value": VALUE, "index": 0, "indicator_id": indicator.id}
