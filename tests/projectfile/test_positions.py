"""An organisation's positions as a file: read with Dutch errors by place, checked against the
model, written canonically; and the changes between two position sets as data."""

from __future__ import annotations

import json
from typing import Any

import pytest

from stuurknop.projectfile.position_changes import PositionChange, position_changes
from stuurknop.projectfile.positions import Positions
from stuurknop.projectfile.positions_io import PositionsInvalid, positions_json, read_positions


def data(**fields: Any) -> dict[str, Any]:
    return {
        "format": "stuurknop-strategie",
        "format_version": 1,
        "model_version": "2025-concept",
        "organisation": "Gemeente X",
        "party_type": "gemeente",
        **fields,
    }


def read(model, **fields: Any) -> Positions:
    return read_positions(json.dumps(data(**fields)).encode(), model)


def test_the_file_is_canonical_whatever_the_order_read(model) -> None:
    positions = read(
        model,
        knobs=[{"knob": 9, "max_opening": 2, "role": "trekken"}, {"knob": 2, "role": "niet"}],
        sources=[{"source": "V", "pays": False}, {"source": "I", "pays": True, "ceiling": "5.5"}],
    )
    text = positions_json(positions)
    written = json.loads(text)
    assert [k["knob"] for k in written["knobs"]] == [2, 9]
    assert [s["source"] for s in written["sources"]] == ["I", "V"]
    assert positions_json(read_positions(text.encode(), model)) == text


@pytest.mark.parametrize(
    ("fields", "location", "message"),
    [
        ({"sources": [{"source": "IV", "pays": True}]}, "bron IV, betaalt uit deze bron", "alleen"),
        ({"party_type": "bank"}, "partijtype", "onbekend partijtype"),
        ({"required_party_types": ["gemeente", "bank"]}, "vereiste partners 2", "onbekend"),
        ({"knobs": [{"knob": 11}]}, "stuurknop 11, stuurknop", "≤ 10"),
        ({"knobs": [{"knob": 2}, {"knob": 2}]}, "", "één keer"),
        ({"sources": [{"source": "I", "ceiling": "10"}]}, "bron I", "bovengrens"),
        ({"model_version": "2030"}, "modelversie", "2025-concept"),
    ],
)
def test_a_bad_file_says_what_and_where(
    model, fields: dict[str, Any], location: str, message: str
) -> None:
    with pytest.raises(PositionsInvalid) as caught:
        read(model, **fields)
    (error,) = caught.value.errors
    assert error.location == location
    assert message in error.message


def test_changes_name_each_field_old_and_new(model) -> None:
    old = read(model, knobs=[{"knob": 3, "max_opening": 2, "role": "bijdragen"}])
    new = read(
        model,
        knobs=[{"knob": 3, "max_opening": 1, "role": "bijdragen"}],
        sources=[{"source": "I", "pays": True, "ceiling": "100"}],
        conditions="Alleen met bewoners",
    )
    assert position_changes(old, new) == [
        PositionChange("knob", "3", "max_opening", 2, 1),
        PositionChange("source", "I", "pays", None, True),
        PositionChange("source", "I", "ceiling", None, "100"),
        PositionChange("source", "I", "basis", None, "per_project"),
        PositionChange("", "", "conditions", "", "Alleen met bewoners"),
    ]
    assert position_changes(new, new) == []
