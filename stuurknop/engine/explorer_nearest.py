"""Nearest better designs: changes of one or two knobs that add most value per euro.

Every change of one knob to another opening (10 × 3) and of two knobs at once (45 × 9) is
evaluated with :func:`stuurknop.engine.explorer.figures`. A change is *better* when it adds
value (the explorer's objective). Changes that add value and cost no more come first (most
value first); then the rest by value added per euro of extra effort per year.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from stuurknop.engine.explorer import LEVELS, TOLERANCE, Tables, figures, robust

NEAREST = 5


@dataclass(frozen=True)
class KnobChange:
    knob: int
    before: int  # opening 0–3 (0: off)
    after: int


@dataclass(frozen=True)
class BetterDesign:
    changes: tuple[KnobChange, ...]
    openings: tuple[int, ...]
    value: float
    effort: float
    value_gain: float
    effort_change: float  # euros per year; ≤ 0: no dearer
    per_euro: float | None  # value gained per euro per year (None when it costs nothing more)
    robust: bool


def nearest_better(
    t: Tables, value: str | None = None, limit: int = NEAREST
) -> tuple[BetterDesign, ...]:
    """The ``limit`` best changes of one or two knobs from the scenario's current setting."""
    current = t.current
    moves: list[tuple[KnobChange, ...]] = []
    singles = [
        KnobChange(t.knobs[i], current[i], o)
        for i in range(len(current))
        for o in range(LEVELS)
        if o != current[i]
    ]
    moves.extend((c,) for c in singles)
    for a, b in combinations(range(len(current)), 2):
        for oa in range(LEVELS):
            for ob in range(LEVELS):
                if oa != current[a] and ob != current[b]:
                    moves.append(
                        (
                            KnobChange(t.knobs[a], current[a], oa),
                            KnobChange(t.knobs[b], current[b], ob),
                        )
                    )
    rows = np.tile(np.array(current, dtype=np.int8), (len(moves) + 1, 1))
    for r, move in enumerate(moves, start=1):
        for change in move:
            rows[r, t.knobs.index(change.knob)] = change.after
    f = figures(t, rows)
    objective = f.objective(t, value)
    gain = objective[1:] - objective[0]
    extra = f.effort[1:] - f.effort[0]
    fine = robust(f)[1:]
    ranked = []
    for r, move in enumerate(moves):
        if gain[r] <= TOLERANCE:
            continue
        free = extra[r] <= TOLERANCE
        per_euro = None if free else float(gain[r] / extra[r])
        key = (0, -gain[r], len(move), r) if free else (1, -(per_euro or 0.0), len(move), r)
        ranked.append((key, r, move, per_euro))
    ranked.sort(key=lambda item: item[0])
    return tuple(
        BetterDesign(
            changes=move,
            openings=tuple(int(o) for o in rows[r + 1]),
            value=float(objective[r + 1]),
            effort=float(f.effort[r + 1]),
            value_gain=float(gain[r]),
            effort_change=float(extra[r]),
            per_euro=per_euro,
            robust=bool(fine[r]),
        )
        for _, r, move, per_euro in ranked[:limit]
    )
