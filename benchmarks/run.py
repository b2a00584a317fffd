"""Run every benchmark: `make bench` (or `python benchmarks/run.py`)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = (
    "bench_analysis",
    "bench_web",
    "bench_documents",
    "bench_jobs",
    "bench_live",
    "bench_concurrency",
    "bench_explorer",
    "bench_effects",
    "bench_strategy",
    "bench_portfolio",
)

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    for name in BENCHMARKS:
        importlib.import_module(name).main()
