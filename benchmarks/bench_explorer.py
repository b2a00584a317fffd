"""The explorer (issue 14): every setting of the ten knobs (4^10 = 1,048,576) and the front of
effort against value, for a large project. Goals: under 1 s, and within 3× a raw numpy
computation of the same arithmetic (effort and value of every setting as a sum over the knobs,
then the front by one sort and a running maximum) in the same run.

Prints the median time of the explorer and of the raw computation, the ratio to the 1 s goal
and the ratio to the raw computation (below 1.0 and below 3.0 are within goal), and, for
information, the explorer with every constraint on (robust designs, a budget, a fixed knob).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
from large_project import large_project

from stuurknop.engine.explorer import Constraints, explore, objective_per_opening, tables
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import parse_document

GOAL_S = 1.0
RAW_GOAL = 3.0


def median_s(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return statistics.median(out)


def raw(effort_by_opening: np.ndarray, value_by_opening: np.ndarray) -> np.ndarray:
    """The same arithmetic, written plainly: broadcast sums over a 4×…×4 grid, then the front."""
    knobs = len(effort_by_opening)
    effort = np.zeros((4,) * knobs)
    value = np.zeros((4,) * knobs)
    for k in range(knobs):
        shape = [1] * knobs
        shape[k] = 4
        effort = effort + effort_by_opening[k].reshape(shape)
        value = value + value_by_opening[k].reshape(shape)
    e, v = effort.ravel(), value.ravel()
    order = np.argsort(e, kind="stable")
    best = np.maximum.accumulate(v[order])
    keep = np.concatenate(([True], v[order][1:] > best[:-1]))
    return order[keep]


def main() -> dict[str, float]:
    model = load_model()
    doc = parse_document(large_project())
    scenario = doc.scenario()
    t = tables(model, doc, scenario)
    effort_by_opening, value_by_opening = t.effort_by_opening, objective_per_opening(t, None)
    explorer_s = median_s(lambda: explore(model, doc, scenario), runs=7)
    raw_s = median_s(lambda: raw(effort_by_opening, value_by_opening), runs=7)
    constrained = Constraints(fixed={1: 2}, budget=200_000.0, robust_only=True)
    constrained_s = median_s(lambda: explore(model, doc, scenario, constraints=constrained), runs=3)
    nearest_s = median_s(lambda: nearest_better(t), runs=7)
    front = explore(model, doc, scenario).front
    settings = f"{4 ** len(t.knobs):,}".replace(",", ".")
    print(f"verkenner, groot project: {settings} standen, {len(front)} op de rand")
    print(f"  verkenner (alle standen + rand): mediaan {explorer_s * 1000:7.1f} ms")
    print(f"  ruwe numpy, zelfde rekenwerk:    mediaan {raw_s * 1000:7.1f} ms")
    print(f"  met alle voorwaarden (eerlijk):  mediaan {constrained_s * 1000:7.1f} ms")
    print(f"  dichtbij en beter:               mediaan {nearest_s * 1000:7.1f} ms")
    print(f"  verhouding tot doel ({GOAL_S:g} s): {explorer_s / GOAL_S:.2f}")
    print(f"  verhouding tot ruwe numpy (doel ≤ {RAW_GOAL:g}): {explorer_s / raw_s:.2f}")
    return {
        "explorer_s": explorer_s,
        "ratio": explorer_s / GOAL_S,
        "raw_ratio": explorer_s / raw_s,
    }


if __name__ == "__main__":
    main()
