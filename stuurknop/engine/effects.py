"""Effects in money per party: present values of what each party pays and of the benefits that
land with it, net present value, benefit–cost ratio, payback year, and "wie betaalt, wie baat"
per year — for each party and for the project as a whole.

The arithmetic, stated once (every face says the same):

* **What a party pays** in year y is the funding it pays (any cost item) plus the cost of its
  own items that no funding covers that year (:class:`stuurknop.engine.money.PartyYear`:
  ``paid + uncovered``). Summed over the parties (and the costs no party carries yet, the
  party ``""``) this is exactly the scenario's costs. Exact in cents.
* **A benefit** of an effect estimate in year y of its years (from ``first_year`` for ``years``
  years, or to the end of the horizon; only years inside the horizon count) is
  ``figure × proxy amount × (1 − deadweight) × (1 − attribution) × (1 − displacement)
  × (1 − drop-off)^k``, k = y − first year of the effect; ``figure`` is the low, expected or
  high amount per year, or a quantity per year when the effect names a proxy (else the proxy
  amount is 1). Benefits are estimates: floats.
* **Present value** at real rate r, base year b (the project's first year, undiscounted):
  ``PV = Σ_y flow(y) / (1 + r)^(y − b)``. Costs and benefits at the project's rate (default
  2.25 %); a benefit marked risk-free at −1 %. No indexation: amounts are in their price year.
* **NPV** = PV benefits − PV paid; **BCR** = PV benefits / PV paid (none when nothing is paid);
  **payback year**: the first year from which the cumulative discounted net stays ≥ 0 to the
  end of the horizon (none when it never does, or when the party pays nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.money import MoneyOverTime, money_over_time
from stuurknop.gespreksmodel.proxies import load_proxies
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.effects import RISK_FREE_RATE, EffectEstimate
from stuurknop.projectfile.schema import ProjectDocument, Scenario

LEVELS = ("low", "expected", "high")
TOTAL = "*"  # the project as a whole in a table of parties


@dataclass(frozen=True)
class EffectFlow:
    """One effect estimate reduced to numbers: per-year figures and their multipliers."""

    effect: str
    party: str
    value: str
    route: str
    years: tuple[int, ...]  # the years of the horizon in which it lands
    factors: tuple[float, ...]  # per year: proxy amount × kept part × (1 − drop-off)^k
    low: float  # figure per year (amount, or quantity when a proxy is named)
    expected: float
    high: float
    rate: float  # discount rate as a fraction
    proxy: str | None

    def amounts(self, level: str) -> tuple[float, ...]:
        figure: float = getattr(self, level)
        return tuple(figure * f for f in self.factors)

    def unit_present_value(self, base_year: int, rate: float | None = None) -> float:
        """PV of the flow per unit of the figure (so PV = figure × this)."""
        r = self.rate if rate is None else rate
        return sum(
            f / (1 + r) ** (y - base_year) for y, f in zip(self.years, self.factors, strict=True)
        )


@dataclass(frozen=True)
class PartyEffects:
    party: str  # party id; "" costs no party carries yet; TOTAL the project
    name: str
    years: tuple[int, ...]
    paid: tuple[Decimal, ...]  # per year, exact
    benefits: tuple[float, ...]  # per year, expected case
    pv_paid: float
    pv_benefits: float

    @property
    def npv(self) -> float:
        return self.pv_benefits - self.pv_paid

    @property
    def bcr(self) -> float | None:
        return self.pv_benefits / self.pv_paid if self.pv_paid > 0 else None

    @property
    def net(self) -> tuple[float, ...]:
        return tuple(b - float(p) for b, p in zip(self.benefits, self.paid, strict=True))

    @property
    def total_paid(self) -> Decimal:
        return sum(self.paid, Decimal(0))

    @property
    def total_benefits(self) -> float:
        return sum(self.benefits)


@dataclass(frozen=True)
class EffectsResult:
    scenario: str
    rate: float  # the project's discount rate, as a fraction
    base_year: int
    years: tuple[int, ...]
    flows: tuple[EffectFlow, ...]
    parties: tuple[PartyEffects, ...]  # the project's parties in order, then "" if it has costs
    total: PartyEffects
    payback: Mapping[str, int | None]  # per party id and TOTAL

    @property
    def known(self) -> bool:
        """The scenario carries at least one effect estimate."""
        return bool(self.flows)

    def of(self, party: str) -> PartyEffects:
        if party == TOTAL:
            return self.total
        return next(p for p in self.parties if p.party == party)


def discounted(values: Sequence[float], years: Sequence[int], base: int, rate: float) -> float:
    return sum(v / (1 + rate) ** (y - base) for v, y in zip(values, years, strict=True))


def payback_year(net: Sequence[float], years: Sequence[int], base: int, rate: float) -> int | None:
    """The first year from which the cumulative discounted ``net`` stays ≥ 0 to the end."""
    running, found = 0.0, None
    for value, year in zip(net, years, strict=True):
        running += value / (1 + rate) ** (year - base)
        ahead = running >= -1e-9  # a rounding crumb below zero counts as even
        found = (found or year) if ahead else None
    return found


def effect_flow(
    effect: EffectEstimate, horizon: range, rate: Decimal, proxies: Mapping[str, Decimal]
) -> EffectFlow:
    unit = proxies.get(effect.proxy, Decimal(0)) if effect.proxy is not None else Decimal(1)
    end = horizon.stop if effect.years is None else effect.first_year + effect.years
    years = tuple(y for y in range(effect.first_year, end) if y in horizon)
    keep = float(unit * effect.kept)
    drop = 1 - effect.drop_off / 100
    factors = tuple(keep * drop ** (y - effect.first_year) for y in years)
    own_rate = RISK_FREE_RATE if effect.risk_free else rate
    return EffectFlow(
        effect=effect.id,
        party=effect.beneficiary,
        value=effect.value,
        route=effect.route,
        years=years,
        factors=factors,
        low=float(effect.low),
        expected=float(effect.expected),
        high=float(effect.high),
        rate=float(own_rate) / 100,
        proxy=effect.proxy,
    )


def proxy_amounts(doc: ProjectDocument, version: str) -> dict[str, Decimal]:
    """Every proxy's amount by id: the model's library, then the project's own."""
    try:
        library = {p.id: p.amount for p in load_proxies(version).proxies}
    except (FileNotFoundError, KeyError):
        library = {}
    return library | {p.id: p.amount for p in doc.effect_settings.proxies}


def effects_of(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    *,
    rate: Decimal | None = None,
    money: MoneyOverTime | None = None,
    levels: Mapping[str, str] | None = None,
) -> EffectsResult:
    """The money effects of ``scenario``; ``rate`` (percent) overrides the project's rate,
    ``levels`` sets an effect (by id) at "low" or "high" instead of "expected"."""
    money = money if money is not None else money_over_time(model, doc, scenario)
    percent = doc.effect_settings.discount_rate if rate is None else rate
    horizon = doc.project.years
    proxies = proxy_amounts(doc, model.version)
    flows = tuple(effect_flow(e, horizon, percent, proxies) for e in scenario.effects)
    return effects_from(scenario.name, doc, money, flows, float(percent) / 100, levels or {})


def effects_from(
    name: str,
    doc: ProjectDocument,
    money: MoneyOverTime,
    flows: Sequence[EffectFlow],
    rate: float,
    levels: Mapping[str, str],
) -> EffectsResult:
    horizon = doc.project.years
    years, base = tuple(horizon), horizon.start
    names = {p.id: p.name for p in doc.parties}
    order = [p.id for p in doc.parties]
    by_money = {p.party: p for p in money.parties}
    if "" in by_money and any(y.costs for y in by_money[""].years):
        order.append("")
    rows = []
    for party in order:
        pm = by_money.get(party)
        paid = (
            tuple(y.paid + y.uncovered for y in pm.years)
            if pm is not None
            else tuple(Decimal(0) for _ in years)
        )
        benefit = [0.0] * len(years)
        pv_benefits = 0.0
        for flow in flows:
            if flow.party != party:
                continue
            amounts = flow.amounts(levels.get(flow.effect, "expected"))
            for y, amount in zip(flow.years, amounts, strict=True):
                benefit[y - base] += amount
                pv_benefits += amount / (1 + flow.rate) ** (y - base)
        pv_paid = discounted([float(p) for p in paid], years, base, rate)
        rows.append(
            PartyEffects(
                party,
                names.get(party, pm.name if pm else ""),
                years,
                paid,
                tuple(benefit),
                pv_paid,
                pv_benefits,
            )
        )
    total = PartyEffects(
        TOTAL,
        doc.project.name,
        years,
        tuple(sum((r.paid[i] for r in rows), Decimal(0)) for i in range(len(years))),
        tuple(sum(r.benefits[i] for r in rows) for i in range(len(years))),
        sum(r.pv_paid for r in rows),
        sum(r.pv_benefits for r in rows),
    )
    payback = {
        r.party: (payback_year(r.net, years, base, rate) if r.pv_paid > 0 else None)
        for r in (*rows, total)
    }
    return EffectsResult(name, rate, base, years, tuple(flows), tuple(rows), total, payback)
