"""The lines of the model map as data: each knob → route link as strong as the knob is opened,
each route → value link as strong as the route is activated, with the figures said in words.

Apart from the drawing (:mod:`stuurknop.charts.model_map`), which turns these into SVG, a
description and tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from stuurknop.engine import Analysis
from stuurknop.engine.routes import MAX_OPENING, RouteActivation
from stuurknop.gespreksmodel.schema import Model


@dataclass(frozen=True)
class Link:
    """One line of the map. ``source``/``target``: ``knob:2``, ``route:welbevinden``, ``value:…``.

    ``strength`` is 0–1: a knob's opening over 3, or a route's activation; ``label`` says it in
    words. ``active`` is False for a link that carries nothing (drawn dashed).
    """

    source: str
    target: str
    strength: float
    label: str
    active: bool


def decimal(number: float | Decimal) -> str:
    """``0.2667`` → ``0,27``: a 0–1 figure with two decimals, Dutch style; halves round up
    (``0.125`` → ``0,13``), as in :func:`stuurknop.presentation.numbers.percent`.
    """
    exact = number if isinstance(number, Decimal) else Decimal(repr(number))
    return str(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", ",")


def knob_openings(routes: tuple[RouteActivation, ...]) -> dict[int, int]:
    """The opening of every knob that contributes, as the engine counted it."""
    return {c.knob: c.opening for route in routes for c in route.contributions}


def knob_links(model: Model, analysis: Analysis, openings: dict[int, int]) -> tuple[Link, ...]:
    activation = {r.route: r for r in analysis.routes}
    links = []
    for knob in model.knobs:
        opening = openings.get(knob.number, 0)
        for route_id in knob.route_ids():
            route = activation[route_id]
            label = (
                f"{opening} van {MAX_OPENING}, bijdrage {opening} van {route.maximum}"
                if opening
                else "draagt nu niet bij"
            )
            links.append(
                Link(
                    f"knob:{knob.number}",
                    f"route:{route_id}",
                    opening / MAX_OPENING,
                    label,
                    opening > 0,
                )
            )
    return tuple(links)


def route_links(model: Model, analysis: Analysis) -> tuple[Link, ...]:
    links = []
    for route in analysis.routes:
        for value_id in model.route(route.route).values:
            links.append(
                Link(
                    f"route:{route.route}",
                    f"value:{value_id}",
                    route.activation,
                    f"activering {decimal(route.activation)}",
                    route.activation > 0,
                )
            )
    return tuple(links)
