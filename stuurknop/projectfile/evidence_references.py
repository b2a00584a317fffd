"""The references of the evidence plans (:mod:`stuurknop.projectfile.evidence`): each aimed value
once, a route that leads to its value, parties of the project, an indicator id once in a
scenario (a measurement file names it), a ready-made indicator the model's library holds.

Returned as (place, message) pairs; :mod:`stuurknop.projectfile.references` adds them."""

from __future__ import annotations

from collections.abc import Iterable

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.evidence import EvidencePlan

Found = list[tuple[list[int | str], str]]


def _party(found: Found, loc: list[int | str], party: str | None, parties: set[str]) -> None:
    if party is not None and party not in parties:
        found.append((loc, f"partij {party!r} staat niet bij de partijen van dit project"))


def _route(found: Found, loc: list[int | str], route: str | None, value: str, model: Model) -> None:
    if route is None:
        return
    routes = {r.id: r for r in model.routes}
    if route not in routes:
        found.append((loc, f"onbekende route {route!r}"))
    elif value not in routes[route].values:
        found.append(
            (loc, f"route {route!r} draagt volgens het model niet bij aan waarde {value!r}")
        )


def evidence_reference_errors(
    loc: list[int | str], plans: Iterable[EvidencePlan], model: Model, parties: set[str]
) -> Found:
    """Every reference of ``plans`` (the evidence of the scenario at ``loc``) that is unknown."""
    found: Found = []
    seen_values: set[str] = set()
    seen_indicators: set[str] = set()
    library = {x.id for x in getattr(model, "indicators", ())}
    for i, plan in enumerate(plans):
        here: list[int | str] = [*loc, "evidence", i]
        if plan.value in seen_values:
            found.append(([*here, "value"], f"waarde {plan.value!r} heeft al een bewijsplan"))
        seen_values.add(plan.value)
        for j, need in enumerate(plan.before_decision):
            at: list[int | str] = [*here, "before_decision", j]
            _route(found, [*at, "route"], need.route, plan.value, model)
            _party(found, [*at, "gatherer"], need.gatherer, parties)
        for j, indicator in enumerate(plan.indicators):
            at = [*here, "indicators", j]
            if indicator.id in seen_indicators:
                found.append(([*at, "id"], f"indicator-id {indicator.id!r} komt al voor"))
            seen_indicators.add(indicator.id)
            _route(found, [*at, "route"], indicator.route, plan.value, model)
            _party(found, [*at, "owner"], indicator.owner, parties)
            if indicator.library is not None and indicator.library not in library:
                found.append(([*at, "library"], f"onbekende indicator {indicator.library!r}"))
    return found
