"""Job worker processes for tests: ``manage.py jobs_worker`` beside the Daphne servers of
:mod:`tests.web.live.servers`, sharing their database (and their environment)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.web.live.servers import ROOT


@dataclass
class JobWorker:
    """One ``manage.py jobs_worker`` process; its output goes to a file in ``tmp``."""

    name: str
    env: dict[str, str]
    tmp: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.tmp / f"worker-{self.name}.log"

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "jobs_worker"],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def kill(self) -> None:
        """As the machine's out-of-memory killer would: no goodbye, no clean-up."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=15)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def output(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-6000:] or "(no output)"
        except OSError:
            return "(no output)"


@contextmanager
def job_workers(env: dict[str, str], tmp: Path, count: int = 1) -> Iterator[list[JobWorker]]:
    """``count`` worker processes with ``env``; stopped at the end."""
    workers = [JobWorker(name=str(i + 1), env=env, tmp=tmp) for i in range(count)]
    try:
        for worker in workers:
            worker.start()
        yield workers
    finally:
        for worker in workers:
            worker.stop()
