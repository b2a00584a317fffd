"""Rows → project document data, for the whole project.

The row entities of a scenario map by their table in :mod:`stuurknop.web.projects.entities`;
the inverse is ``services/imports.py``. The data is plain JSON (amounts as strings), exactly what
``stuurknop.projectfile`` reads, so the same validation guards a file upload and a saved form.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from stuurknop.projectfile.schema import FORMAT, SCHEMA_VERSION
from stuurknop.web.projects.entities import (
    ACTION_ROW,
    ACTUAL_ROW,
    AGENDA_POINT,
    COST_ITEM,
    DECISION_ROW,
    FUNDING_LINE,
    INTEREST,
    KNOB_SETTING,
    LESSON_ROW,
    MEETING_ROW,
    PROJECT_PARTY,
    row_data,
)
from stuurknop.web.projects.models import (
    Action,
    Actual,
    AgendaPoint,
    CostItem,
    Decision,
    FundingLine,
    Interest,
    KnobSetting,
    LogEntry,
    Meeting,
    Project,
    Scenario,
)


def project_data(project: Project) -> dict[str, Any]:
    """The whole project as document data, in the document's own order."""
    scenarios = project.scenarios.prefetch_related(
        Prefetch("knob_settings", KnobSetting.objects.select_related("lead_party")),
        Prefetch("interests", Interest.objects.select_related("party")),
        Prefetch("cost_items", CostItem.objects.select_related("party")),
        Prefetch("funding_lines", FundingLine.objects.select_related("cost_item", "party")),
        Prefetch("actuals", Actual.objects.select_related("cost_item", "funding_line")),
    )
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "model_version": project.model_version,
        "project": basics_data(project),
        "parties": [row_data(PROJECT_PARTY, p) for p in project.parties.all()],
        "scenarios": [scenario_data(s) for s in scenarios],
        "perspectives": list(project.perspectives),
        "resident_input": list(project.resident_input),
        **meetings_data(project),
        "lessons": [row_data(LESSON_ROW, x) for x in project.lessons.all()],
        "scale_up": project.scale_up,
        "agreements": list(project.agreements),
        "effect_settings": dict(project.effect_settings),
        "log": [log_entry_data(e) for e in LogEntry.objects.filter(project=project)],
    }


def meetings_data(project: Project) -> dict[str, Any]:
    """The meetings with their agendas, the decisions and the actions, as the document holds
    them."""
    meetings = Meeting.objects.filter(project=project).prefetch_related(
        Prefetch("points", AgendaPoint.objects.select_related("brought_by", "meeting"))
    )
    decisions = Decision.objects.filter(project=project).select_related("meeting", "point")
    actions = Action.objects.filter(project=project).select_related(
        "owner_party", "decision", "meeting", "point"
    )
    return {
        "meetings": [
            {
                **row_data(MEETING_ROW, meeting),
                "points": [row_data(AGENDA_POINT, p) for p in meeting.points.all()],
            }
            for meeting in meetings
        ],
        "decisions": [row_data(DECISION_ROW, d) for d in decisions],
        "actions": [row_data(ACTION_ROW, a) for a in actions],
    }


def basics_data(project: Project) -> dict[str, Any]:
    return {
        "name": project.name,
        "municipality": project.municipality,
        "neighbourhood": project.neighbourhood,
        "homes": project.homes,
        "phase": project.phase,
        "first_year": project.first_year,
        "horizon_years": project.horizon_years,
        "description": project.description,
    }


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    return {
        "name": scenario.name,
        "chosen": scenario.chosen,
        "description": scenario.description,
        "knobs": [knob_setting_data(k) for k in scenario.knob_settings.all()],
        "interests": [interest_data(i) for i in scenario.interests.all()],
        "costs": [cost_item_data(c) for c in scenario.cost_items.all()],
        "funding": [funding_line_data(f) for f in scenario.funding_lines.all()],
        "effects": list(scenario.effects),
        "evidence": list(scenario.evidence),
        "actuals": [row_data(ACTUAL_ROW, a) for a in scenario.actuals.all()],
    }


def knob_setting_data(setting: KnobSetting) -> dict[str, Any]:
    return row_data(KNOB_SETTING, setting)


def interest_data(interest: Interest) -> dict[str, Any]:
    return row_data(INTEREST, interest)


def cost_item_data(item: CostItem) -> dict[str, Any]:
    return row_data(COST_ITEM, item)


def funding_line_data(line: FundingLine) -> dict[str, Any]:
    return row_data(FUNDING_LINE, line)


def log_entry_data(entry: LogEntry) -> dict[str, Any]:
    return {
        # In the installation's time zone, so that a Dutch log reads in Dutch time.
        "at": timezone.localtime(entry.at).isoformat(),
        "who": entry.who,
        "what": entry.what,
        "scenario": entry.scenario,
        "changes": list(entry.changes),
    }
