"""Evidence and monitoring in the command line's report: the plan's chapter
(:func:`stuurknop.reports.plan_evidence.evidence_sections`: per aimed value the evidence and each
indicator's status with the rule's sentence) for text and Markdown, and each status as data with
its reason (code, params, text) for JSON; only for a scenario with evidence plans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stuurknop.engine.analysis import Analysis
from stuurknop.engine.indicators import monitoring
from stuurknop.engine.result_data import to_data
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Section
from stuurknop.presentation.reasons import text
from stuurknop.projectfile.schema import ProjectDocument
from stuurknop.reports.plan_evidence import evidence_sections


def monitoring_report(
    model: Model, doc: ProjectDocument, analysis: Analysis, scenario: str | None, today: dt.date
) -> list[Section]:
    """The evidence chapter, when the scenario has evidence plans; else nothing."""
    chosen = doc.scenario(scenario)
    if not chosen.evidence:
        return []
    parties = {p.id: p.name for p in doc.parties}
    return evidence_sections(model, chosen, analysis, parties, today)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def monitoring_data(doc: ProjectDocument, scenario: str | None, today: dt.date) -> dict[str, Any]:
    """``{"monitoring": …}``: per value whether it appears and each indicator's status with its
    reason; ``{}`` for a scenario without evidence plans."""
    chosen = doc.scenario(scenario)
    if not chosen.evidence:
        return {}
    values = []
    for seen in monitoring(chosen.evidence, today):
        values.append(
            {
                "value": seen.value,
                "reason": to_data(seen.reason, reason_text=text),
                "indicators": [
                    {
                        "indicator": s.indicator,
                        "state": s.state.value,
                        "reason": to_data(s.reason, reason_text=text),
                        "baseline": to_data(s.baseline),
                        "baseline_date": _day(s.baseline_date),
                        "target": to_data(s.target),
                        "target_date": _day(s.target_date),
                        "expected": to_data(s.expected),
                        "latest": (
                            {"date": s.latest.date.isoformat(), "value": str(s.latest.value)}
                            if s.latest
                            else None
                        ),
                        "trend": s.trend.value if s.trend else None,
                    }
                    for s in seen.statuses
                ],
            }
        )
    return {"monitoring": {"as_of": today.isoformat(), "values": values}}
