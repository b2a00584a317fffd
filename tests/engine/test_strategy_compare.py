"""Two organisations' positions knob by knob: where they will meet friction."""

from __future__ import annotations

from typing import Any

import pytest

from stuurknop.engine.strategy_compare import compare_positions
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile.positions import Positions


def positions(name: str, **knob: Any) -> Positions:
    return Positions.model_validate(
        {
            "model_version": "2025-concept",
            "organisation": name,
            "party_type": "gemeente",
            "knobs": [{"knob": 6, **knob}] if knob else [],
        }
    )


@pytest.mark.parametrize(
    ("first", "second", "codes"),
    [
        ({"role": "trekken"}, {"role": "trekken"}, ["strategy_compare.both_lead"]),
        ({"role": "trekken"}, {"role": "bijdragen"}, []),
        (
            {"role": "aan_anderen_laten", "max_opening": 2},
            {"role": "niet", "max_opening": 1},
            ["strategy_compare.nobody_leads"],
        ),
        ({"role": "niet", "max_opening": 0}, {"role": "niet", "max_opening": 0}, []),
        (
            {"role": "bijdragen", "max_opening": 3},
            {"role": "bijdragen", "max_opening": 1},
            ["strategy_compare.opening_apart"],
        ),
        (
            {"role": "bijdragen", "max_opening": 1},
            {"role": "trekken", "max_opening": 0},
            ["strategy_compare.opening_apart"],
        ),
        ({"role": "bijdragen", "max_opening": 2}, {"role": "trekken", "max_opening": 3}, []),
    ],
)
def test_friction_on_a_knob_follows_role_and_stand(
    model, first: dict[str, Any], second: dict[str, Any], codes: list[str]
) -> None:
    rows = compare_positions(model, positions("A", **first), positions("B", **second))
    (row,) = [r for r in rows if r.knob == 6]
    assert [f.code for f in row.frictions] == codes
    assert all(r.frictions == () for r in rows if r.knob != 6)


def test_a_knob_only_one_has_a_position_on_has_no_friction(model) -> None:
    rows = compare_positions(model, positions("A", role="trekken"), positions("B"))
    assert [r.knob for r in rows] == list(range(1, 11))
    assert all(r.frictions == () for r in rows)


def test_the_friction_is_said_with_both_names(model) -> None:
    rows = compare_positions(
        model,
        positions("Gemeente A", role="bijdragen", max_opening=3),
        positions("Zorg B", role="bijdragen", max_opening=0),
    )
    (friction,) = [f for r in rows for f in r.frictions]
    assert sentence(friction) == "Gemeente A gaat tot stand 3, Zorg B uit."
