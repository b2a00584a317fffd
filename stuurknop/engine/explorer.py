"""The explorer: every setting of the ten knobs (off, 1, 2, 3: 4^10 = 1,048,576), vectorised.

The figures are those of :mod:`stuurknop.engine.routes` and :mod:`stuurknop.engine.value_shares`,
written as matrices (a test holds them to the engine for sampled settings):

* route activation ``a = O · A``, with ``A[k, r] = 1 / (3 · |K(r)|)`` when knob k works via r;
* value potential ``p = a · B``, with ``B[r, v] = 1 / |routes(v)|`` when route r leads to v;
* a party's score ``p · Wᵀ`` (its weights 0–3) and its share ``x / Σx`` with ``x = p · Nᵀ``
  (its normalised weights), as ``value_shares`` defines it;
* effort per knob and opening, and who pays it: :mod:`stuurknop.engine.explorer_effort`.

A setting is numbered in base 4, knob 1 the most significant digit: setting ``i`` opens knob
``k`` (1-based, model order) to ``(i // 4 ** (10 - k)) % 4``.

The objective is the value a setting sets in motion: one value's potential, or (``None``) the
parties' scores summed, i.e. every value weighted by all parties' stated interests. When no
party stated an interest, every value counts once (:attr:`Tables.weighted` is then False).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from stuurknop.engine.explorer_effort import EffortTable, effort_table
from stuurknop.engine.routes import MAX_OPENING, opening_of
from stuurknop.engine.value_shares import interest_weights
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
LEVELS = MAX_OPENING + 1  # off, 1, 2, 3
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Tables:
    """Everything the explorer needs, as small matrices (knobs and values in model order)."""

    knobs: tuple[int, ...]
    routes: tuple[str, ...]
    values: tuple[str, ...]
    parties: tuple[str, ...]
    route_of_knob: Floats  # A: knobs × routes
    value_of_route: Floats  # B: routes × values
    weights: Floats  # W: parties × values, stated weights 0–3
    normalised: Floats  # N: parties × values, parts of 1 over the parties that stated any
    objective_weights: Floats  # values: Σ over parties of W (or 1s when nobody stated any)
    weighted: bool
    effort: EffortTable
    effort_by_opening: Floats  # knobs × 4
    payer: Floats  # knobs × parties
    current: tuple[int, ...]  # the scenario's openings (0 when not on)

    @property
    def potential_of_knob(self) -> Floats:
        """P = A · B: the potential one step of opening of each knob adds to each value."""
        return self.route_of_knob @ self.value_of_route


def tables(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    exponents: Mapping[int, float] | None = None,
) -> Tables:
    knobs = tuple(k.number for k in model.knobs)
    routes = tuple(r.id for r in model.routes)
    values = tuple(v.id for v in model.values)
    parties = tuple(p.id for p in doc.parties)
    a = np.zeros((len(knobs), len(routes)))
    for j, route in enumerate(model.routes):
        able = [i for i, k in enumerate(model.knobs) if route.id in k.route_ids()]
        for i in able:
            a[i, j] = 1.0 / (MAX_OPENING * len(able))
    b = np.zeros((len(routes), len(values)))
    for j, value in enumerate(model.values):
        leading = [i for i, r in enumerate(model.routes) if value.id in r.values]
        for i in leading:
            b[i, j] = 1.0 / len(leading)
    stated = interest_weights(scenario)
    w = np.array(
        [[stated.get(p, {}).get(v, 0) for v in values] for p in parties], dtype=np.float64
    ).reshape(len(parties), len(values))
    sums = w.sum(axis=1, keepdims=True)
    n = np.divide(w, sums, out=np.zeros_like(w), where=sums > 0)
    weighted = bool(w.sum() > 0)
    effort = effort_table(model, doc, scenario, exponents)
    return Tables(
        knobs=knobs,
        routes=routes,
        values=values,
        parties=parties,
        route_of_knob=a,
        value_of_route=b,
        weights=w,
        normalised=n,
        objective_weights=w.sum(axis=0) if weighted else np.ones(len(values)),
        weighted=weighted,
        effort=effort,
        effort_by_opening=effort.matrix(),
        payer=effort.payer_matrix(),
        current=tuple(opening_of(scenario, k) for k in knobs),
    )


@dataclass(frozen=True)
class Figures:
    """The figures of many settings at once (one row per setting)."""

    openings: npt.NDArray[np.int8]  # settings × knobs
    activation: Floats  # settings × routes
    potential: Floats  # settings × values
    score: Floats  # settings × parties: Σ weight × potential (routes.PartyValue.score)
    share: Floats  # settings × parties: value_shares' share (0 when nothing lands)
    effort: Floats  # settings: euros per year
    party_cost: Floats  # settings × parties: euros per year each party pays
    total_value: Floats = field(repr=False)  # settings: Σ_v objective weight × potential

    def objective(self, tables: Tables, value: str | None) -> Floats:
        return self.total_value if value is None else self.potential[:, tables.values.index(value)]


def all_openings(knobs: int = 10) -> npt.NDArray[np.int8]:
    """Every setting of ``knobs`` knobs, numbered in base 4 (knob 1 most significant)."""
    index = np.arange(LEVELS**knobs, dtype=np.int64)
    powers = LEVELS ** np.arange(knobs - 1, -1, -1, dtype=np.int64)
    return ((index[:, None] // powers) % LEVELS).astype(np.int8)


def setting_index(openings: tuple[int, ...] | list[int]) -> int:
    index = 0
    for o in openings:
        index = index * LEVELS + int(o)
    return index


def figures(t: Tables, openings: npt.NDArray[np.int8]) -> Figures:
    """Route activation, potentials, value per party and effort of every row of ``openings``."""
    o = openings.astype(np.float64)
    activation = o @ t.route_of_knob
    potential = activation @ t.value_of_route
    score = potential @ t.weights.T
    reach = potential @ t.normalised.T
    total = reach.sum(axis=1, keepdims=True)
    share = np.divide(reach, total, out=np.zeros_like(reach), where=total > 0)
    rows = np.arange(len(t.knobs))
    per_knob = t.effort_by_opening[rows, openings]  # settings × knobs
    effort = per_knob.sum(axis=1)
    party_cost = per_knob @ t.payer
    return Figures(
        openings=openings,
        activation=activation,
        potential=potential,
        score=score,
        share=share,
        effort=effort,
        party_cost=party_cost,
        total_value=potential @ t.objective_weights,
    )


def additive(per_knob: Floats) -> Floats:
    """``Σ_k q[k, o_k]`` for every setting, in setting order, from ``q`` (knobs × 4): built by
    broadcasting one knob at a time (no openings matrix, about 1.3 additions per setting)."""
    out: Floats = per_knob[0].astype(np.float64)
    for row in per_knob[1:]:
        out = (out[:, None] + row[None, :]).ravel()
    return out


def per_opening(t: Tables, per_step: Floats) -> Floats:
    """A linear figure (``per_step``: what one step of each knob adds) as knobs × 4."""
    return per_step[:, None] * np.arange(LEVELS, dtype=np.float64)[None, :]


def opening_column(t: Tables, knob: int) -> npt.NDArray[np.int64]:
    """The opening of ``knob`` in every setting."""
    place = len(t.knobs) - 1 - t.knobs.index(knob)
    column: npt.NDArray[np.int64] = (
        np.arange(LEVELS ** len(t.knobs), dtype=np.int64) // LEVELS**place
    ) % LEVELS
    return column


def openings_of(t: Tables, indices: Ints) -> npt.NDArray[np.int8]:
    powers = LEVELS ** np.arange(len(t.knobs) - 1, -1, -1, dtype=np.int64)
    return ((np.asarray(indices, dtype=np.int64)[:, None] // powers) % LEVELS).astype(np.int8)


@dataclass(frozen=True)
class Constraints:
    fixed: Mapping[int, int] = field(default_factory=dict)  # knob number → opening 0–3
    budget: float | None = None  # total euros per year
    party_budget: Mapping[str, float] = field(default_factory=dict)  # party id → euros per year
    minimum: Mapping[str, float] = field(default_factory=dict)  # value id → potential 0–1
    robust_only: bool = False

    @property
    def any(self) -> bool:
        return bool(
            self.fixed
            or self.budget is not None
            or self.party_budget
            or self.minimum
            or self.robust_only
        )


def robust(f: Figures) -> npt.NDArray[np.bool_]:
    """Every paying party's value share at least its part of the cost."""
    return _robust(f.share, f.party_cost)


def _robust(share: Floats, party_cost: Floats) -> npt.NDArray[np.bool_]:
    paid = party_cost.sum(axis=1, keepdims=True)
    cost_share = np.divide(party_cost, paid, out=np.zeros_like(party_cost), where=paid > 0)
    pays = party_cost > TOLERANCE
    fair: npt.NDArray[np.bool_] = np.all(~pays | (share + TOLERANCE >= cost_share), axis=1)
    return fair


def robust_all(t: Tables) -> npt.NDArray[np.bool_]:
    """:func:`robust` for every setting, one party at a time so that no settings × parties
    array is made: the value every party reaches and the cost every party pays are linear in
    the openings, so their totals are one :func:`additive` each."""
    if not len(t.parties):
        return np.ones(LEVELS ** len(t.knobs), dtype=np.bool_)
    p = t.potential_of_knob
    total = additive(per_opening(t, p @ t.normalised.sum(axis=0)))
    paid = additive(t.effort_by_opening * t.payer.sum(axis=1, keepdims=True))
    fair = np.ones(len(total), dtype=np.bool_)
    reached = total > 0
    for j, n in enumerate(t.normalised):
        cost = additive(t.effort_by_opening * t.payer[:, [j]])
        pays = cost > TOLERANCE
        share = np.divide(
            additive(per_opening(t, p @ n)), total, where=reached, out=np.zeros_like(total)
        )
        cost_share = np.divide(cost, paid, where=pays, out=np.zeros_like(cost))
        fair &= ~pays | (share + TOLERANCE >= cost_share)
    return fair


def allowed(t: Tables, effort: Floats, c: Constraints) -> npt.NDArray[np.bool_]:
    """Which settings meet the constraints (every setting, in setting order)."""
    mask = np.ones(len(effort), dtype=np.bool_)
    for knob, opening in c.fixed.items():
        mask &= opening_column(t, knob) == opening
    if c.budget is not None:
        mask &= effort <= c.budget + TOLERANCE
    for party, cap in c.party_budget.items():
        cost = additive(t.effort_by_opening * t.payer[:, [t.parties.index(party)]])
        mask &= cost <= cap + TOLERANCE
    for value, least in c.minimum.items():
        potential = additive(per_opening(t, t.potential_of_knob[:, t.values.index(value)]))
        mask &= potential + TOLERANCE >= least
    if c.robust_only:
        mask &= robust_all(t)
    return mask


def pareto_front(effort: Floats, value: Floats, mask: npt.NDArray[np.bool_] | None = None) -> Ints:
    """Indices of the settings no other allowed setting beats: at most the effort and more
    value, or less effort and at least the value. One per (effort, value) point (the lowest
    index); ordered by effort."""
    candidates = np.flatnonzero(mask) if mask is not None else np.arange(len(effort))
    if not len(candidates):
        return candidates.astype(np.int64)
    e, v = effort[candidates], value[candidates]
    order = np.argsort(e, kind="stable")  # effort up; ties keep the lower index first
    ordered = v[order]
    best = np.maximum.accumulate(ordered)
    keep = np.empty(len(order), dtype=np.bool_)
    keep[0] = True
    keep[1:] = ordered[1:] > best[:-1] + TOLERANCE
    kept = order[keep]
    # a kept point followed by one of the same effort (and so more value) is beaten by it
    ke = e[kept]
    last = np.ones(len(kept), dtype=np.bool_)
    last[:-1] = ke[1:] > ke[:-1] + TOLERANCE
    return candidates[kept[last]].astype(np.int64)


def objective_per_opening(t: Tables, value: str | None) -> Floats:
    p = t.potential_of_knob
    step = p @ t.objective_weights if value is None else p[:, t.values.index(value)]
    return per_opening(t, step)


@dataclass(frozen=True)
class Exploration:
    tables: Tables
    effort: Floats  # every setting: euros per year
    objective: Floats  # every setting: the value (see the module text)
    mask: npt.NDArray[np.bool_] | None  # None: no constraints
    front: Ints  # setting indices on the front, effort up
    designs: Figures  # the figures of the front's settings, in the same order
    value: str | None  # the objective: a value id, or None for the weighted total
    current: int  # the scenario's setting index


def explore(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    *,
    value: str | None = None,
    constraints: Constraints | None = None,
    exponents: Mapping[int, float] | None = None,
) -> Exploration:
    """Every setting, the allowed ones and the front of effort against ``value``."""
    t = tables(model, doc, scenario, exponents)
    return explore_tables(t, value=value, constraints=constraints)


def explore_tables(
    t: Tables, *, value: str | None = None, constraints: Constraints | None = None
) -> Exploration:
    effort = additive(t.effort_by_opening)
    objective = additive(objective_per_opening(t, value))
    mask = allowed(t, effort, constraints) if constraints and constraints.any else None
    front = pareto_front(effort, objective, mask)
    return Exploration(
        tables=t,
        effort=effort,
        objective=objective,
        mask=mask,
        front=front,
        designs=figures(t, openings_of(t, front)),
        value=value,
        current=setting_index(t.current),
    )
