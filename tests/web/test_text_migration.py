"""Texts stored before the edge cleaned them are cleaned by a migration, so old projects render."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from django.apps import apps

from stuurknop.web.projects.models import CostItem, KnobSetting, LogEntry, Project, ProjectParty
from stuurknop.web.projects.services.validation import validate_project

if TYPE_CHECKING:
    from tests.web.conftest import People


def test_the_migration_cleans_texts_stored_with_control_characters(
    project: Project, people: People
) -> None:
    # As the probe stored them through the old forms and imports (no cleaning then).
    ProjectParty.objects.filter(project=project, key="woco").update(name="Woco\x01")
    CostItem.objects.filter(scenario__project=project).update(description="Post\x0b\x1b")
    KnobSetting.objects.filter(scenario__project=project, knob=2).update(
        elaboration="a\r\nb\x01", answers=["ja\x01"]
    )
    Project.objects.filter(pk=project.pk).update(
        description="x\x7f", perspectives=[{"party": "woco", "remarks": "op\x1bmerking"}]
    )
    LogEntry.objects.create(project=project, at=project.created_at, who="Ans\x1b", what="Iets\x01")
    migration = importlib.import_module("stuurknop.web.projects.migrations.0003_clean_stored_text")
    migration.clean(apps, None)
    assert ProjectParty.objects.get(project=project, key="woco").name == "Woco"
    assert CostItem.objects.get(scenario__project=project).description == "Post"
    setting = KnobSetting.objects.get(scenario__project=project, knob=2)
    assert (setting.elaboration, setting.answers) == ("a\nb", ["ja"])
    project.refresh_from_db()
    assert (project.description, project.perspectives[0]["remarks"]) == ("x", "opmerking")
    assert set(LogEntry.objects.filter(project=project).values_list("what", flat=True)) == {"Iets"}
    validate_project(project)
