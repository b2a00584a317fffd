"""The log stores its changes as data: each entry's old and new JSON texts become changes.

The conversion is the project file's own version 1 → 2 step
(:func:`stuurknop.projectfile.migrate.log_entry_v1_to_v2`), so a log converted here and one read
from a version-1 file cannot differ. That step is frozen with the format version, which is why
this migration may import it. It looks keys up in the project's parties, cost items and funding
lines as they are now (a version-1 line named a cost item by its description).

Backwards, the changes become JSON texts again (one object of old and one of new values).
"""

import json
from typing import Any

from django.db import migrations, models

from stuurknop.projectfile.migrate import log_entry_v1_to_v2


def _document(apps: Any, project: Any) -> dict[str, Any]:
    """The parts of the project a version-1 log entry may name, as version-1 document data."""
    party = apps.get_model("projects", "ProjectParty")
    scenario = apps.get_model("projects", "Scenario")
    cost_item = apps.get_model("projects", "CostItem")
    funding_line = apps.get_model("projects", "FundingLine")
    scenarios = []
    for row in scenario.objects.filter(project=project):
        costs = cost_item.objects.filter(scenario=row)
        lines = funding_line.objects.filter(scenario=row).select_related("cost_item", "party")
        scenarios.append(
            {
                "name": row.name,
                "costs": [{"id": c.key, "description": c.description} for c in costs],
                "funding": [
                    {
                        "id": f.key,
                        "party": f.party.key,
                        "source": f.source,
                        "cost_item": f.cost_item.key,
                    }
                    for f in lines
                ],
            }
        )
    return {
        "model_version": project.model_version,
        "parties": [{"id": p.key, "name": p.name} for p in party.objects.filter(project=project)],
        "scenarios": scenarios,
    }


def forwards(apps: Any, schema_editor: Any) -> None:
    log_entry = apps.get_model("projects", "LogEntry")
    project = apps.get_model("projects", "Project")
    with_values = log_entry.objects.exclude(old="", new="")
    for row in project.objects.filter(pk__in=with_values.values("project_id")):
        document = _document(apps, row)
        for entry in with_values.filter(project=row).iterator():
            upgraded = log_entry_v1_to_v2(
                {
                    "what": entry.what,
                    "scenario": entry.scenario,
                    "old": entry.old,
                    "new": entry.new,
                },
                document,
            )
            entry.what = upgraded["what"]
            entry.changes = upgraded.get("changes", [])
            entry.save(update_fields=["what", "changes"])


def backwards(apps: Any, schema_editor: Any) -> None:
    log_entry = apps.get_model("projects", "LogEntry")
    for entry in log_entry.objects.exclude(changes=[]).iterator():
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for change in entry.changes:
            if change.get("action") == "added":
                new.update(change.get("new") or {})
            elif change.get("action") == "removed":
                old.update(change.get("old") or {})
            elif change.get("field"):
                old[change["field"]] = change.get("old")
                new[change["field"]] = change.get("new")
        entry.old = json.dumps(old, ensure_ascii=False, sort_keys=True) if old else ""
        entry.new = json.dumps(new, ensure_ascii=False, sort_keys=True) if new else ""
        entry.save(update_fields=["old", "new"])


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_clean_stored_text")]
    operations = [
        migrations.AddField(
            model_name="logentry",
            name="changes",
            field=models.JSONField(blank=True, default=list, verbose_name="wijzigingen"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="logentry", name="old"),
        migrations.RemoveField(model_name="logentry", name="new"),
    ]
