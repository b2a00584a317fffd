"""The strategy's writes under the write suite's fuzzing (see test_write_properties.py): any
positions the service accepts (any conditions text, any ceiling, any role or stand, any party
type) read back as positions that validate, export and import to the same bytes; refused ones
(by the declaration or by the model) store nothing and add no history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile.positions_io import (
    PositionsInvalid,
    parse_positions,
    positions_json,
    read_positions,
)
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.strategy.models import StrategyChange
from stuurknop.web.strategy.selectors import positions_of
from stuurknop.web.strategy.services import positions_save

from .test_write_properties import FUZZ, amounts, texts

if TYPE_CHECKING:
    from tests.web.conftest import People

# Mostly values a form could send, now and then one that must be refused.
roles = st.sampled_from(["trekken", "bijdragen", "aan_anderen_laten", "niet"] * 3 + ["", "baas"])
stands = st.one_of(st.integers(0, 3), st.integers(0, 3), st.sampled_from([-1, 4, "2", "hoog"]))
numerals = st.sampled_from(["IV", "V", "VII"] * 2 + ["I", "II", "XI"])
types = st.sampled_from(["gemeente", "bewoners", "woningcorporatie"] * 2 + ["onbekend", ""])
knobs = st.one_of(st.integers(1, 10), st.integers(1, 10), st.sampled_from([0, 11]))


@given(
    conditions=texts,
    ceiling=st.one_of(st.none(), st.decimals(0, 10**9, places=2), amounts),
    pays=st.booleans(),
    numeral=numerals,
    role=roles,
    stand=stands,
    knob=knobs,
    required=st.lists(types, max_size=3),
    stale=st.sampled_from([0, 0, 0, 1, -1]),
)
@FUZZ
def test_any_accepted_positions_write_reads_back_whole_and_exports_losslessly(
    people: People,
    conditions: str,
    ceiling: Any,
    pays: bool,
    numeral: str,
    role: str,
    stand: Any,
    knob: int,
    required: list[str],
    stale: int,
) -> None:
    before = (positions_of(people.woco), StrategyChange.objects.count())
    data = {
        "model_version": "2025-concept",
        "organisation": people.woco.name,
        "party_type": people.woco.party_type,
        "knobs": [{"knob": knob, "max_opening": stand, "role": role}],
        "sources": [
            {"source": numeral, "pays": pays, "ceiling": None if ceiling is None else str(ceiling)}
        ],
        "required_party_types": required,
        "conditions": conditions,
    }
    try:
        positions_save(
            organisation=people.woco,
            by=people.anna,
            positions=parse_positions(data),
            expected_version=before[0][1] + stale,  # mostly the version shown
        )
    except (PositionsInvalid, Conflict, ValidationError):
        assert (positions_of(people.woco), StrategyChange.objects.count()) == before
        return
    stored, _version = positions_of(people.woco)
    exported = positions_json(stored)
    assert positions_json(read_positions(exported.encode(), load_model())) == exported
