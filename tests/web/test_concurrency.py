"""People saving the same knob at the same moment: one wins, the others get a conflict.

Two saves through the services need real concurrent transactions in one process, so a database
server (pytest-django's SQLite test database is one in-memory connection). Twenty-four editors
over HTTP run against real server processes on either database (:mod:`concurrent_editing`).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection

from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import KnobSetting, LogEntry, Project
from stuurknop.web.projects.services import knob_setting_update

from . import concurrent_editing
from .live import servers

if TYPE_CHECKING:
    from tests.web.conftest import People


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"
)
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


def test_24_editors_saving_one_worksheet_at_once_get_no_server_error_and_lose_no_save(
    tmp_path: Path,
) -> None:
    # Runs in both passes: on a temporary SQLite file, or on a fresh PostgreSQL database when
    # DATABASE_URL says so. Without the SQLite settings' immediate transactions about a third
    # of these saves answered 500 "database is locked".
    editors, rounds = concurrent_editing.EDITORS, 2
    with servers.shared_database(tmp_path, os.environ.get("DATABASE_URL")) as url:
        env = servers.server_env(tmp_path, url)
        outcome = concurrent_editing.run(env, tmp_path, editors=editors, rounds=rounds)

    assert outcome.server_errors == 0, outcome.errors[:10]
    assert outcome.errors == []
    assert outcome.lost == []
    # Each round each editor saves the knob, the shared cost item and its own cost item.
    assert outcome.saves == editors * rounds * 3
    # Everybody read the same versions before the first round's saves: all but one conflict.
    assert outcome.conflicts >= 2 * (editors - 1)
    # Nobody else writes an editor's own cost item, so those saves all count.
    assert outcome.accepted >= editors * rounds


def test_the_tally_finds_an_accepted_save_that_the_database_does_not_show() -> None:
    save = concurrent_editing.Save
    saves = [
        save("editor01", "knob", 1, "editor01 ronde 0", 302),
        save("editor02", "knob", 1, "editor02 ronde 0", 409),
        save("editor02", "knob", 2, "editor02 ronde 1", 302),
        save("editor01", "7", 1, "1100.00", 302),
    ]
    state = {
        "knob": {"version": 3, "elaboration": "editor02 ronde 1"},
        "cost_items": {"7": {"version": 2, "amount": "1100.00"}},
        "log": [{"elaboration": "editor01 ronde 0"}, {"elaboration": "editor02 ronde 1"}],
    }
    assert concurrent_editing.lost_writes(saves, state) == [
        "7: editor01's '1100.00' is logged 0 times"
    ]
    state["knob"] = {"version": 2, "elaboration": "editor01 ronde 0"}
    assert concurrent_editing.lost_writes(saves[:3], state) == [
        "knob: holds 'editor01 ronde 0' v2, the last accepted save wrote 'editor02 ronde 1' on v2"
    ]
