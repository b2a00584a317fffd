"""The portfolio's words: the cliff sentence and the grid's cells."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stuurknop.gespreksmodel import Model
from stuurknop.presentation.portfolio import cliff_sentence, knob_cell


@pytest.mark.parametrize(
    ("year", "drop", "projects", "said"),
    [
        (2028, Decimal("12000"), 4, "In 2028 stopt € 12.000 tijdelijk geld in 4 projecten."),
        (2030, Decimal("1500.40"), 1, "In 2030 stopt € 1.500 tijdelijk geld in 1 project."),
    ],
)
def test_a_cliff_is_said_with_its_year_money_and_projects(
    year: int, drop: Decimal, projects: int, said: str
) -> None:
    assert cliff_sentence(year, drop, projects) == said


def test_a_grid_cell_says_not_discussed_off_or_how_far(model: Model) -> None:
    assert knob_cell(model, ".") == "–"
    assert knob_cell(model, "0") == model.word("knob_status", "uit")
    assert knob_cell(model, "2") == f"2 {model.scale('opening').word(2)}"
