"""The analysis of one scenario of a large project (issue 2): target median under 5 ms.

Prints the median and p95 of `analyse`, of validating the document, and the ratio of the
analysis median to its 5 ms budget (below 1.0 is within budget).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from large_project import large_project

from stuurknop.engine import analyse
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import parse_document

BUDGET_MS = 5.0


def timings(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> dict[str, float]:
    model = load_model()
    data = large_project()
    doc = parse_document(data)
    analysis_ms = timings(lambda: analyse(model, doc), runs=200)
    validate_ms = timings(lambda: parse_document(data), runs=50)
    median = statistics.median(analysis_ms)
    print("analyse, groot project (8 partijen, 50 kostenposten, 100 financieringsregels, 15 jaar)")
    print(f"  analyse:   mediaan {median:7.2f} ms   p95 {p95(analysis_ms):7.2f} ms")
    print(
        f"  valideren: mediaan {statistics.median(validate_ms):7.2f} ms"
        f"   p95 {p95(validate_ms):7.2f} ms"
    )
    print(f"  verhouding tot budget ({BUDGET_MS:g} ms): {median / BUDGET_MS:.2f}")
    return {"analysis_median_ms": median, "ratio": median / BUDGET_MS}


if __name__ == "__main__":
    main()
