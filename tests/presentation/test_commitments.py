"""Committed money in words: confirmed by the party apart from recorded on its behalf, in the
money page's figure, the plan and the Excel file alike."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from openpyxl import load_workbook

from stuurknop.engine.money import money_over_time
from stuurknop.presentation.commitments import cliff_split, committed_split, line_status
from stuurknop.reports import Options, render

CONFIRMED = {"how": "bevestigd", "by": "Els"}
ON_BEHALF = {"how": "namens", "by": "Piet", "evidence_reference": "FZ-1"}


def _document(make_document):
    return make_document(
        costs=[{"id": "room", "knob": 2, "kind": "eenmalig", "amount": "10000", "party": "woco"}],
        funding=[
            {"cost_item": "room", "party": "woco", "source": "IV", "amount": "6000",
             "status": "toegezegd", "commitment": CONFIRMED},
            {"cost_item": "room", "party": "gemeente", "source": "I", "amount": "4000",
             "status": "toegezegd", "commitment": ON_BEHALF},
        ],
    )  # fmt: skip


def test_committed_money_is_said_split_and_each_line_says_how(model, make_document) -> None:
    doc = _document(make_document)
    money = money_over_time(model, doc, doc.scenario())
    said = committed_split(model, money)
    assert said == "€ 6.000 bevestigd door de partij, € 4.000 vastgelegd namens de partij"
    lines = doc.scenario().funding
    assert line_status(model, lines[0]) == "toegezegd, bevestigd door de partij"
    assert line_status(model, lines[1]) == "toegezegd, vastgelegd namens de partij"


def test_the_excel_file_says_how_each_line_was_committed(model, make_document) -> None:
    doc = _document(make_document)
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2025, 3, 14)))
    book = load_workbook(io.BytesIO(rendered.content))
    values = {str(c.value) for sheet in book for row in sheet.iter_rows() for c in row}
    assert "toegezegd, vastgelegd namens de partij" in values
    assert "toegezegd, bevestigd door de partij" in values


def test_the_plan_says_committed_money_split_in_word(model, make_document) -> None:
    doc = _document(make_document)
    rendered = render("docx", model, doc, options=Options(today=dt.date(2025, 3, 14)))
    word = Document(io.BytesIO(rendered.content))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in word.paragraphs] + cells)
    assert "€ 6.000 bevestigd door de partij, € 4.000 vastgelegd namens de partij" in text


def test_a_cliff_says_how_the_money_that_stops_was_committed(model, make_document) -> None:
    """€ 5.000 a year from 2025, paid two years by a temporary subsidy: € 3.000 confirmed by
    the municipality, € 2.000 recorded on the fund's behalf; from 2027 nothing pays."""
    doc = make_document(
        costs=[{"id": "k1", "knob": 4, "amount": "5000"}],
        funding=[
            {"cost_item": "k1", "party": "gemeente", "source": "I", "amount": "3000",
             "years": 2, "status": "toegezegd", "commitment": CONFIRMED},
            {"cost_item": "k1", "party": "zorg", "source": "I", "amount": "2000",
             "years": 2, "status": "toegezegd", "commitment": ON_BEHALF},
        ],
    )  # fmt: skip
    money = money_over_time(model, doc, doc.scenario())
    (cliff,) = money.cliffs
    assert cliff.year == 2027
    said = cliff_split(model, doc.scenario(), cliff)
    assert said == (
        "Van het geld dat stopt: € 3.000 bevestigd door de partij, "
        "€ 2.000 vastgelegd namens de partij"
    )
    rendered = render("docx", model, doc, options=Options(today=dt.date(2025, 3, 14)))
    word = Document(io.BytesIO(rendered.content))
    assert any(said in p.text for p in word.paragraphs)
