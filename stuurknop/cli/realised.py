"""Realised money in the command line's report: the sections of
:func:`stuurknop.presentation.actuals.realised_sections` (text and Markdown) and the engine's
comparison as data (JSON), for a scenario with recorded actuals only."""

from __future__ import annotations

from typing import Any

from stuurknop.engine.actuals import realised
from stuurknop.engine.result_data import to_data
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.actuals import realised_sections
from stuurknop.presentation.blocks import Section
from stuurknop.presentation.reasons import text
from stuurknop.projectfile.schema import ProjectDocument


def realised_report(model: Model, doc: ProjectDocument, scenario: str | None) -> list[Section]:
    """Planned against realised, when the scenario has actuals; else nothing."""
    chosen = doc.scenario(scenario)
    return list(realised_sections(model, doc, chosen)) if chosen.actuals else []


def realised_data(model: Model, doc: ProjectDocument, scenario: str | None) -> dict[str, Any]:
    """``{"realised": …}`` with every figure and reason (code, params, text), when the scenario
    has actuals; else ``{}``."""
    chosen = doc.scenario(scenario)
    if not chosen.actuals:
        return {}
    return {"realised": to_data(realised(model, doc, chosen), reason_text=text)}
