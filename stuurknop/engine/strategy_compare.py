"""Two organisations' positions knob by knob: where they will meet friction at the table.

Friction, per knob both have a position on: (1) both want to lead it; (2) neither takes it on
(each leaves it to others or stays out) while one of them would open it; (3) how far they would
open it lies two or more stands apart, or one keeps it off while the other opens it.
"""

from __future__ import annotations

from dataclasses import dataclass

from stuurknop.engine.reasons import Param, Reason, reason
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.positions import KnobPosition, PositionRole, Positions

_AWAY = (PositionRole.AAN_ANDEREN, PositionRole.NIET)


@dataclass(frozen=True)
class KnobComparison:
    knob: int
    name: str
    first: KnobPosition | None
    second: KnobPosition | None
    frictions: tuple[Reason, ...]


def compare_positions(model: Model, first: Positions, second: Positions) -> list[KnobComparison]:
    """Every knob of the model with both positions and the frictions between them."""
    rows = []
    for knob in model.knobs:
        a, b = first.knob(knob.number), second.knob(knob.number)
        rows.append(
            KnobComparison(
                knob.number, knob.name, a, b, tuple(_frictions(first, second, a, b, knob.number))
            )
        )
    return rows


def _frictions(
    first: Positions,
    second: Positions,
    a: KnobPosition | None,
    b: KnobPosition | None,
    knob: int,
) -> list[Reason]:
    if a is None or b is None:
        return []
    names: dict[str, Param] = {
        "first": first.organisation,
        "second": second.organisation,
        "knob": knob,
    }
    found = []
    if a.role is PositionRole.TREKKEN and b.role is PositionRole.TREKKEN:
        found.append(reason("strategy_compare.both_lead", **names))
    if a.role in _AWAY and b.role in _AWAY and max(a.max_opening, b.max_opening) > 0:
        found.append(reason("strategy_compare.nobody_leads", **names))
    low, high = sorted((a.max_opening, b.max_opening))
    if high - low >= 2 or (low == 0 and high > 0):
        found.append(
            reason(
                "strategy_compare.opening_apart",
                **names,
                first_opening=a.max_opening,
                second_opening=b.max_opening,
            )
        )
    return found
