"""How sure the money effects are: a Monte Carlo over the low/expected/high ranges and a
one-at-a-time sensitivity (tornado).

**Distribution.** Each effect's figure per year is drawn once per draw from the PERT
distribution over (low, expected, high): a Beta(α, β) stretched over [low, high] with
α = 1 + 4·(expected − low)/(high − low) and β = 1 + 4·(high − expected)/(high − low), so its
mean is (low + 4·expected + high)/6 and its mode the expected figure; a range of width 0 is
that figure. Effects are drawn independently; the draw holds for all years of the effect
(a sure or unsure effect, not a new coin each year). Costs are what the scenario plans (no
range), and the discount rate is the project's.

Because a party's NPV is linear in the figures, NPV = Σ_f figure_f · u_f − PV paid with u_f the
present value of one unit of effect f (:meth:`EffectFlow.unit_present_value`), all draws are one
matrix product: ``draws (n × F) @ U (F × parties)`` — 10,000 draws in milliseconds.

**Tornado.** The project's NPV with one input at a time at its low and its high end, the rest
expected: every effect at low and high, and the discount rate 1 percentage point lower and
higher (risk-free flows keep −1 %). Sorted by swing, largest first. **Per party** the same
swings on that party's NPV: the effects that land with it (an effect moves only its
beneficiary's NPV) and the discount rate (which moves what it pays and what it gains), for
each party that pays or benefits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from stuurknop.engine.effects import TOTAL, EffectFlow, EffectsResult
from stuurknop.engine.money import UNASSIGNED

DRAWS = 10_000
SEED = 20_250_101
DISTRIBUTION = "pert"
RATE_STEP = 0.01  # the tornado's discount rate: ± 1 percentage point


@dataclass(frozen=True)
class NpvSpread:
    party: str  # party id, "" or TOTAL
    p10: float
    p50: float
    p90: float
    mean: float
    ahead: float  # share of draws with NPV > 0 (0–1)


@dataclass(frozen=True)
class Uncertainty:
    draws: int
    seed: int
    distribution: str
    parties: tuple[NpvSpread, ...]  # as EffectsResult.parties, then TOTAL

    def of(self, party: str) -> NpvSpread:
        return next(p for p in self.parties if p.party == party)


@dataclass(frozen=True)
class TornadoBar:
    kind: str  # "effect" or "rate"
    key: str  # the effect's id; for the rate ""
    low_input: float  # the figure per year, or the rate (fraction)
    high_input: float
    npv_low: float  # the project's NPV with this input at its low end
    npv_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)


def pert_draws(
    low: NDArray[np.float64],
    mode: NDArray[np.float64],
    high: NDArray[np.float64],
    n: int,
    rng: np.random.Generator,
) -> NDArray[np.float64]:
    """``n`` draws (rows) of each PERT(low, mode, high) (columns), vectorised."""
    width = high - low
    safe = np.where(width > 0, width, 1.0)
    alpha = np.where(width > 0, 1 + 4 * (mode - low) / safe, 1.0)
    beta = np.where(width > 0, 1 + 4 * (high - mode) / safe, 1.0)
    unit = rng.beta(alpha, beta, size=(n, len(low)))
    return np.asarray(low + unit * width, dtype=np.float64)


def _unit_matrix(result: EffectsResult, parties: Sequence[str]) -> NDArray[np.float64]:
    """U[f, p]: the PV one unit of effect f's figure brings party p."""
    column = {party: i for i, party in enumerate(parties)}
    units = np.zeros((len(result.flows), len(parties)))
    for f, flow in enumerate(result.flows):
        if flow.party in column:
            units[f, column[flow.party]] = flow.unit_present_value(result.base_year)
    return units


def uncertainty(result: EffectsResult, *, draws: int = DRAWS, seed: int = SEED) -> Uncertainty:
    """P10/P50/P90, mean and the chance of coming out ahead of each party's NPV (and the
    project's) over ``draws`` seeded PERT draws of every effect."""
    parties = [p.party for p in result.parties]
    pv_paid = np.array([p.pv_paid for p in result.parties])
    rng = np.random.default_rng(seed)
    flows = result.flows
    if flows:
        low = np.array([f.low for f in flows])
        mode = np.array([f.expected for f in flows])
        high = np.array([f.high for f in flows])
        figures = pert_draws(low, mode, high, draws, rng)
        npv = figures @ _unit_matrix(result, parties) - pv_paid
    else:
        npv = np.tile(-pv_paid, (draws, 1))
    columns = np.column_stack([npv, npv.sum(axis=1)]) if parties else npv.sum(axis=1)[:, None]
    names = [*parties, TOTAL]
    p10, p50, p90 = np.percentile(columns, [10, 50, 90], axis=0)
    means = columns.mean(axis=0)
    ahead = (columns > 0).mean(axis=0)
    spreads = tuple(
        NpvSpread(
            name, float(p10[i]), float(p50[i]), float(p90[i]), float(means[i]), float(ahead[i])
        )
        for i, name in enumerate(names)
    )
    return Uncertainty(draws, seed, DISTRIBUTION, spreads)


@dataclass(frozen=True)
class PartyTornado:
    """One party's tornado: its expected NPV and the swings of its inputs, largest first."""

    party: str  # party id, or TOTAL for the project
    npv: float
    bars: tuple[TornadoBar, ...]


def _flows_of(result: EffectsResult, party: str) -> tuple[EffectFlow, ...]:
    """The effects whose benefit lands with ``party`` (all of them for the project)."""
    return result.flows if party == TOTAL else tuple(f for f in result.flows if f.party == party)


def npv_at(result: EffectsResult, party: str, rate: float) -> float:
    """``party``'s NPV at ``rate`` for what it pays and its (non-risk-free) benefits, every
    effect at its expected figure."""
    base, row = result.base_year, result.of(party)
    paid = sum(
        float(p) / (1 + rate) ** (y - base) for y, p in zip(result.years, row.paid, strict=True)
    )
    benefits = 0.0
    for flow in _flows_of(result, party):
        own = flow.rate if flow.rate < 0 else rate
        benefits += flow.expected * flow.unit_present_value(base, own)
    return benefits - paid


def tornado(
    result: EffectsResult, *, party: str = TOTAL, rate_step: float = RATE_STEP
) -> tuple[TornadoBar, ...]:
    """``party``'s NPV (the project's by default) with each effect that lands with it, and the
    discount rate, at its low and high end."""
    base = result.base_year
    expected = result.of(party).npv
    bars = []
    for flow in _flows_of(result, party):
        unit = flow.unit_present_value(base)
        bars.append(
            TornadoBar(
                "effect",
                flow.effect,
                flow.low,
                flow.high,
                expected + (flow.low - flow.expected) * unit,
                expected + (flow.high - flow.expected) * unit,
            )
        )
    low_rate, high_rate = result.rate - rate_step, result.rate + rate_step
    bars.append(
        TornadoBar(
            "rate",
            "",
            low_rate,
            high_rate,
            npv_at(result, party, low_rate),
            npv_at(result, party, high_rate),
        )
    )
    return tuple(sorted(bars, key=lambda b: -b.swing))


def party_tornados(
    result: EffectsResult, *, rate_step: float = RATE_STEP
) -> tuple[PartyTornado, ...]:
    """A tornado for each of the project's parties that pays something or gains from an effect,
    in the parties' order (costs no party carries yet are nobody's to weigh)."""
    gaining = {f.party for f in result.flows}
    return tuple(
        PartyTornado(row.party, row.npv, tornado(result, party=row.party, rate_step=rate_step))
        for row in result.parties
        if row.party != UNASSIGNED and (row.pv_paid > 0 or row.party in gaining)
    )
