"""Where a page's time goes: the pages of ``bench_web`` in one process, warm, without load.

    python benchmarks/profile_web.py                 # milliseconds per request, per page
    python benchmarks/profile_web.py money_page      # and cProfile's top functions for one page

Same temporary database, large project and production settings as the benchmark; requests go
through Django's test client (the whole middleware stack, no HTTP server).
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_web

RUNS = 30


def main(profiled: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="stuurknop-profile-") as tmp:
        env = bench_web.server_env(Path(tmp))
        prepared = subprocess.run(
            [sys.executable, str(Path(bench_web.__file__).resolve()), "prepare"],
            env=env,
            cwd=bench_web.HERE,
            check=True,
            capture_output=True,
            text=True,
        )
        paths = json.loads(prepared.stdout.strip().splitlines()[-1])
        os.environ.update(env)
        import django

        django.setup()
        from django.contrib.auth.models import User
        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=bench_web.USERNAME))
        for name, path in paths.items():
            if path is None:
                continue
            for _ in range(3):  # warm: the analysis is cached per project revision
                assert client.get(path, secure=True).status_code == 200, path
            start = time.perf_counter()
            for _ in range(RUNS):
                client.get(path, secure=True)
            ms = (time.perf_counter() - start) / RUNS * 1000
            print(f"{name:20} {ms:7.2f} ms per request")
            if name == profiled:
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(10):
                    client.get(path, secure=True)
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
