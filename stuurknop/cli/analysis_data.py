"""The analysis of one scenario as JSON data: what ``stuurknop analyse --format json`` prints
and what the API's analysis endpoint answers (one function, so the two faces agree)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stuurknop.cli.monitoring import monitoring_data
from stuurknop.cli.realised import realised_data
from stuurknop.engine import analyse
from stuurknop.engine.result_data import to_data
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.projectfile import ProjectDocument


def analysis_data(doc: ProjectDocument, scenario: str | None, today: dt.date) -> dict[str, Any]:
    """Every figure of the analysis of ``scenario`` (default: the chosen one) with its reasons
    in words, the realised money and the monitoring as of ``today``."""
    model = load_model(doc.model_version)
    data: dict[str, Any] = to_data(analyse(model, doc, scenario), reason_text=reason_text)
    return data | realised_data(model, doc, scenario) | monitoring_data(doc, scenario, today)
