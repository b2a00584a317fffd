"""Editing together on SQLite: 24 editors save the same worksheet at once.

Every round each editor loads the worksheet of one knob, then all of them at the same moment
save the knob, a cost item they share and a cost item of their own, each with a value of its
own (``tests/web/concurrent_editing.py``). A stale version answers 409 (the editor sees both
versions); the figures that matter are the 5xx answers ("database is locked" before SQLite ran
immediate transactions) and the lost writes: accepted saves the database does not show
afterwards. Target: 0 and 0, under gunicorn 4 workers × 4 threads and under one Daphne process
(``make run``), each on a temporary SQLite file with production settings (DEBUG off).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.web import concurrent_editing  # noqa: E402 - after the repository is on the path
from tests.web.live import servers  # noqa: E402

ROUNDS = 3
SERVERS = {"gunicorn": "gunicorn 4×4", "daphne": "Daphne, 1 proces"}


def main() -> dict[str, float]:
    print(
        f"samen bewerken op SQLite: {concurrent_editing.EDITORS} bewerkers slaan tegelijk"
        f" dezelfde stuurknop en kostenposten op, {ROUNDS} rondes"
    )
    figures: dict[str, float] = {}
    failed = False
    for server, label in SERVERS.items():
        with tempfile.TemporaryDirectory(prefix="stuurknop-bench-concurrency-") as tmp:
            env = servers.server_env(
                Path(tmp), f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", production=True
            )
            outcome = concurrent_editing.run(
                env, Path(tmp), server=server, rounds=ROUNDS, static=True
            )
        print(f"  {label:18} {outcome.line()}")
        for error in outcome.errors[:3] + outcome.lost[:3]:
            print(f"    {error}")
        failed |= bool(outcome.server_errors or outcome.errors or outcome.lost)
        figures[f"{server}_requests"] = outcome.requests
        figures[f"{server}_5xx"] = outcome.server_errors
        figures[f"{server}_lost"] = len(outcome.lost)
    print(f"  doel 0 keer 5xx en 0 verloren opslagen: {'NIET gehaald' if failed else 'gehaald'}")
    return figures


if __name__ == "__main__":
    main()
