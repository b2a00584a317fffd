"""Evidence and monitoring with everything their pages can show, for the page tests over every
route (``routes.APP_PAGES``): the example's evidence, a finding with a long link and a file, and
an indicator from the library with a baseline, a target and measurements on its path. Returns
the route values ``value``, ``index`` and ``indicator_id``."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from stuurknop.web.projects.evidence_files import checked_file, store
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.evidence import (
    evidence_need_save,
    indicator_save,
    measurements_add,
)

VALUE = "goed_wonen"


def evidence_values(project: Project, by: Any) -> dict[str, Any]:
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    assert scenario is not None
    pdf = b"%PDF-1.4\n% evidence world\n"
    described, data = checked_file(
        "Rapportage-bewonersonderzoek-met-een-hele-lange-bestandsnaam-2025.pdf",
        io.BytesIO(pdf),
        len(pdf),
    )
    store(project.pk, described, data)
    evidence_need_save(
        scenario=scenario,
        by=by,
        expected_version=scenario.version,
        value=VALUE,
        index=None,
        data={
            "kind": "eigen_meting",
            "description": "Nulmeting tevredenheid onder alle bewoners van het complex",
            "route": "welbevinden",
            "location": "Jaarverslag bewonerscommissie",
            "gatherer": project.parties.order_by("id").first().key,  # type: ignore[union-attr]
            "due": dt.date(2026, 3, 1),
            "status": "binnen",
            "finding": "Gemiddeld een 6,8; de helft van de bewoners kent de buren bij naam.",
            "link": "https://example.org/een/heel/lang/adres/zonder/spaties/dat/toch/moet/afbreken",
            "file": described.model_dump(),
        },
    )
    indicator = indicator_save(
        scenario=scenario,
        by=by,
        expected_version=scenario.version,
        value=VALUE,
        indicator_id=None,
        data={
            "name": "Tevredenheid van bewoners (rapportcijfer)",
            "library": "tevredenheid_bewoners",
            "unit": "cijfer 1–10",
            "baseline": Decimal("6.8"),
            "baseline_date": dt.date(2025, 1, 1),
            "target": Decimal("7.5"),
            "target_date": dt.date(2027, 1, 1),
            "frequency": "jaarlijks",
            "knobs": [2, 5],
        },
    )
    measurements_add(
        scenario=scenario,
        by=by,
        expected_version=scenario.version,
        rows=[
            (indicator.id, {"date": dt.date(2025, 7, 1), "value": Decimal("7.0")}),
            (
                indicator.id,
                {"date": dt.date(2026, 1, 1), "value": Decimal("7.1"), "note": "ronde 2"},
            ),
        ],
    )
    return {"value": VALUE, "index": 0, "indicator_id": indicator.id}
