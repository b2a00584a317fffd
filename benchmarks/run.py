"""Run every benchmark: `make bench` (or `python benchmarks/run.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_analysis

if __name__ == "__main__":
    bench_analysis.main()
