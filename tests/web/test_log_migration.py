"""The migration that stores the log's changes as data converts every existing entry."""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.services.validation import validate_project

if TYPE_CHECKING:
    from tests.web.conftest import People

BEFORE = [("projects", "0003_clean_stored_text")]
AFTER = [("projects", "0004_log_changes")]


def migrate(targets: list[tuple[str, str]] | None = None) -> Any:
    """Migrate the test database to ``targets`` (None: the latest), with a fresh view of what
    is applied; the apps as they were at ``targets``."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def old_entries(project: Project) -> list[tuple[str, str, str, str]]:
    """Entries as the app wrote them before: (what, scenario, old JSON, new JSON)."""
    knob = ("Stuurknop 2 gewijzigd", "Basis", '{"opening": 2}', '{"opening": 3}')
    cost = (
        "Kostenpost 'Activiteitenbegeleider' gewijzigd",
        "Basis",
        '{"amount": "20000.00"}',
        '{"amount": "21000.00"}',
    )
    line = (
        "Financieringsregel 'f1' gewijzigd",
        "Basis",
        '{"status": "idee"}',
        '{"status": "toegezegd"}',
    )
    interest = (
        "Belang van Woco bij 'goed_wonen' gewijzigd",
        "Basis",
        '{"weight": 2}',
        '{"weight": 3}',
    )
    added = (
        "Kostenpost 'Nieuw' toegevoegd",
        "Basis",
        "",
        json.dumps(
            {
                "id": "k9",
                "knob": 2,
                "description": "Nieuw",
                "kind": "eenmalig",
                "amount": "5.00",
                "first_year": 2025,
                "years": None,
                "party": None,
            }
        ),
    )
    text = ("Fase gewijzigd.", "", "idee", "plan")
    event = ("Perspectief van Woco ingevuld", "", "", '{"partij": "Woco", "herkomst": "eigen"}')
    return [knob, cost, line, interest, added, text, event]


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_old_and_new_json_into_changes(
    project: Project, people: People
) -> None:
    historical = migrate(BEFORE).get_model("projects", "LogEntry")
    historical.objects.filter(project_id=project.pk).delete()
    for what, scenario, old, new in old_entries(project):
        historical.objects.create(
            project_id=project.pk,
            at=project.created_at,
            who="Ans",
            what=what,
            scenario=scenario,
            old=old,
            new=new,
        )
    migrate(AFTER)

    entries = list(LogEntry.objects.filter(project=project).order_by("id"))
    knob, cost, line, interest, added, text, event = entries
    assert knob.changes == [
        {
            "entity": "knob_setting",
            "key": "2",
            "action": "changed",
            "about": {},
            "field": "opening",
            "old": 2,
            "new": 3,
        }
    ]
    assert [(c["entity"], c["key"], c["about"]) for c in cost.changes] == [
        ("cost_item", "k1", {"description": "Activiteitenbegeleider"})
    ]
    assert [(c["key"], c["about"]["party"], c["new"]) for c in line.changes] == [
        ("f1", "gemeente", "toegezegd")
    ]
    assert [(c["key"], c["old"], c["new"]) for c in interest.changes] == [("woco/goed_wonen", 2, 3)]
    assert [(c["action"], c["key"]) for c in added.changes] == [("added", "k9")]
    assert (text.what, text.changes) == ("Fase gewijzigd. — was: idee; nu: plan", [])
    assert (event.what, event.changes) == ("Perspectief van Woco ingevuld — herkomst: eigen", [])
    migrate()  # whatever came after (the meetings' tables), also for the next test
    validate_project(project)  # every converted entry is one the project file accepts


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_backwards_to_json_texts(project: Project, people: People) -> None:
    migration = importlib.import_module("stuurknop.web.projects.migrations.0004_log_changes")
    assert migration.Migration.dependencies == BEFORE
    historical = migrate(BEFORE).get_model("projects", "LogEntry")
    historical.objects.filter(project_id=project.pk).delete()
    historical.objects.create(
        project_id=project.pk,
        at=project.created_at,
        who="Ans",
        what="Stuurknop 2 gewijzigd",
        scenario="Basis",
        old='{"opening": 2}',
        new='{"opening": 3}',
    )
    migrate(AFTER)
    [entry] = (
        migrate(BEFORE).get_model("projects", "LogEntry").objects.filter(project_id=project.pk)
    )
    assert (json.loads(entry.old), json.loads(entry.new)) == ({"opening": 2}, {"opening": 3})
    migrate()
