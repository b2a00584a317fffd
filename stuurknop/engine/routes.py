"""Route activation, value potential and value per party.

These are ordinal indicators of which mechanisms a scenario sets in motion, never money.

Route activation (DESIGN "Analyses"): for route r, with K(r) the knobs that work via r in the
model and o(k) the opening (1–3) of a knob that is on (0 otherwise),

    activation(r) = Σ_{k∈K(r)} o(k) / (3 · |K(r)|)

so 1 means every knob that can drive the route is fully open. Value potential of value v is the
mean activation of the routes that lead to v. A party's value is its interest weights (0–3)
applied to those potentials; its *share* of the value counts every party's weights for the same
total (:mod:`stuurknop.engine.value_shares`), so that saying values matter less lowers no share.
"""

from __future__ import annotations

from dataclasses import dataclass

from stuurknop.engine.reasons import Reason, reason
from stuurknop.engine.value_shares import interest_weights, value_shares
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import KnobStatus, ProjectDocument, Scenario

MAX_OPENING = 3


@dataclass(frozen=True)
class KnobContribution:
    knob: int
    name: str
    opening: int


@dataclass(frozen=True)
class RouteActivation:
    route: str
    name: str
    achieved: int  # Σ openings of the knobs on that work via this route
    maximum: int  # 3 × the number of knobs that can work via this route
    contributions: tuple[KnobContribution, ...]
    idle_knobs: tuple[int, ...]  # knobs that could drive this route but are not on
    reason: Reason

    @property
    def activation(self) -> float:
        return self.achieved / self.maximum if self.maximum else 0.0


@dataclass(frozen=True)
class ValuePotential:
    value: str
    name: str
    potential: float
    routes: tuple[tuple[str, float], ...]  # (route id, activation) of the routes leading here
    reason: Reason


@dataclass(frozen=True)
class PartyValue:
    party: str
    name: str
    weights: tuple[tuple[str, int], ...]  # (value id, weight 0–3)
    score: float  # Σ weight × potential
    attainable: int  # Σ weight: the score if every potential were 1
    share: float  # its share of the value (value_shares: every party's weights as parts of 1)
    reason: Reason

    @property
    def relative(self) -> float:
        """How much of what matters to this party the scenario sets in motion (0–1)."""
        return self.score / self.attainable if self.attainable else 0.0


def opening_of(scenario: Scenario, knob: int) -> int:
    """The opening of ``knob`` in ``scenario``: 0 unless the knob is on."""
    setting = scenario.setting(knob)
    if setting.status is not KnobStatus.AAN or setting.opening is None:
        return 0
    return setting.opening


def route_activation(model: Model, scenario: Scenario) -> tuple[RouteActivation, ...]:
    """Activation 0–1 of every route of the model, with the knobs that produce it."""
    openings = {k.number: opening_of(scenario, k.number) for k in model.knobs}
    results = []
    for route in model.routes:
        able = [k for k in model.knobs if route.id in k.route_ids()]
        contributions = tuple(
            KnobContribution(k.number, k.name, openings[k.number])
            for k in able
            if openings[k.number]
        )
        achieved = sum(c.opening for c in contributions)
        maximum = MAX_OPENING * len(able)
        why = (
            reason(
                "route.activation",
                parts=tuple((c.knob, c.opening) for c in contributions),
                achieved=achieved,
                maximum=maximum,
                knobs=len(able),
            )
            if contributions
            else reason("route.idle", knobs=len(able))
        )
        results.append(
            RouteActivation(
                route=route.id,
                name=route.name,
                achieved=achieved,
                maximum=maximum,
                contributions=contributions,
                idle_knobs=tuple(k.number for k in able if not openings[k.number]),
                reason=why,
            )
        )
    return tuple(results)


def value_potential(
    model: Model, activations: tuple[RouteActivation, ...]
) -> tuple[ValuePotential, ...]:
    """Potential 0–1 of every value: the mean activation of the routes leading to it."""
    by_route = {a.route: a for a in activations}
    results = []
    for value in model.values:
        routes = tuple(
            (r.id, by_route[r.id].activation) for r in model.routes if value.id in r.values
        )
        potential = sum(a for _, a in routes) / len(routes) if routes else 0.0
        why = (
            reason("value.potential", routes=tuple((model.route(r).name, a) for r, a in routes))
            if routes
            else reason("value.no_route")
        )
        results.append(ValuePotential(value.id, value.name, potential, routes, why))
    return tuple(results)


def value_per_party(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    potentials: tuple[ValuePotential, ...],
) -> tuple[PartyValue, ...]:
    """Each party's value from its interests (0–3 per value) and the value potentials."""
    potential = {p.value: p.potential for p in potentials}
    weights = interest_weights(scenario)
    scores = {party: sum(w * potential[v] for v, w in ws.items()) for party, ws in weights.items()}
    shares = value_shares([p.id for p in doc.parties], weights, potential)
    results = []
    for party in doc.parties:
        ws = weights.get(party.id, {})
        ordered = tuple((v.id, ws.get(v.id, 0)) for v in model.values)
        score = scores.get(party.id, 0.0)
        terms = tuple((w, potential[v], model.value(v).name) for v, w in ordered if w)
        why = (
            reason("party_value.score", terms=terms, score=score)
            if terms
            else reason("party_value.no_interests")
        )
        results.append(
            PartyValue(
                party=party.id,
                name=party.name,
                weights=ordered,
                score=score,
                attainable=sum(ws.values()),
                share=shares.of(party.id).share,
                reason=why,
            )
        )
    return tuple(results)
