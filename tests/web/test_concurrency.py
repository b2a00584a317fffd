"""Two people saving the same knob at the same moment: one wins, the other gets a conflict.

Real concurrent transactions need a database server; SQLite serialises writers anyway.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection

from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import KnobSetting, LogEntry, Project
from stuurknop.web.projects.services import knob_setting_update

if TYPE_CHECKING:
    from tests.web.conftest import People


pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"
    ),
]


def test_of_two_simultaneous_saves_exactly_one_wins(
    transactional_db: None, project: Project, people: People
) -> None:

    scenario = project.scenarios.get()
    barrier = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def save(name: str, opening: int) -> None:
        try:
            barrier.wait(timeout=10)
            knob_setting_update(
                scenario=scenario,
                knob=2,
                by=getattr(people, name),
                expected_version=1,
                status="aan",
                opening=opening,
            )
            outcomes[name] = "saved"
        except Conflict as conflict:
            outcomes[name] = conflict
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=("anna", 1)),
        threading.Thread(target=save, args=("bram", 3)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(type(o).__name__ for o in outcomes.values()) == ["Conflict", "str"]
    [winner] = [name for name, o in outcomes.items() if o == "saved"]
    [conflict] = [o for o in outcomes.values() if isinstance(o, Conflict)]
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    stored = KnobSetting.objects.get(scenario=scenario, knob=2)
    assert (stored.version, stored.opening) == (2, 1 if winner == "anna" else 3)
    assert LogEntry.objects.filter(project=project, what="Stuurknop 2 gewijzigd").count() == 1
