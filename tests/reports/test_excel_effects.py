"""The workbook's sheet of effects in money: its present values are formulas (SUMPRODUCT of the
figures per year and the discount factors from the rate's cell) that evaluate to the engine's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from pycel import ExcelCompiler

from stuurknop.engine.effects import effects_of
from stuurknop.projectfile import parse_document
from stuurknop.reports import Options, render
from stuurknop.reports.excel_effects import SHEET, party_rows
from tests.conftest import project_data


def effect(id, party, expected, **more):
    return {
        "id": id,
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "beneficiary": party,
        "low": "0",
        "expected": str(expected),
        "high": str(2 * expected),
        "first_year": 2026,
        **more,
    }


@pytest.fixture
def doc():
    data = project_data(
        costs=[{"amount": "4000", "party": "woco"}],
        funding=[{"party": "gemeente", "source": "V", "amount": "1500"}],
        effects=[
            effect("a", "gemeente", 6000, drop_off=25, deadweight=50),
            effect("b", "woco", 800, years=2, risk_free=True),
        ],
    )
    return parse_document(data)


def test_present_values_are_formulas_that_equal_the_engine(model, doc, tmp_path):
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2026, 1, 1)))
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.content)
    result = effects_of(model, doc, doc.scenario())
    rows = party_rows(result)
    n = len(result.years)
    pv_col = openpyxl.utils.get_column_letter(3 + n)
    sheet = openpyxl.load_workbook(path)[SHEET]
    assert str(sheet[f"{pv_col}{rows['woco']}"].value).startswith("=SUMPRODUCT(")
    compiler = ExcelCompiler(filename=str(path))
    for party in ("woco", "gemeente", "*"):
        row = rows[party]
        engine = result.of(party)
        paid = compiler.evaluate(f"'{SHEET}'!{pv_col}{row}")
        benefits = compiler.evaluate(f"'{SHEET}'!{pv_col}{row + 1}") + compiler.evaluate(
            f"'{SHEET}'!{pv_col}{row + 2}"
        )
        npv = compiler.evaluate(f"'{SHEET}'!{pv_col}{row + 3}")
        assert paid == pytest.approx(engine.pv_paid, abs=0.05)
        assert benefits == pytest.approx(engine.pv_benefits, abs=0.05)
        assert npv == pytest.approx(engine.npv, abs=0.1)


def test_no_sheet_without_effect_estimates(model, tmp_path):
    doc = parse_document(project_data())
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2026, 1, 1)))
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.content)
    assert SHEET not in openpyxl.load_workbook(path).sheetnames


def test_the_workbook_recomputes_when_the_rate_is_changed(model, doc, tmp_path):
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2026, 1, 1)))
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.content)
    at_other_rate = effects_of(model, doc, doc.scenario(), rate=Decimal("4.50"))
    rows = party_rows(at_other_rate)
    pv_col = openpyxl.utils.get_column_letter(3 + len(at_other_rate.years))
    compiler = ExcelCompiler(filename=str(path))
    before = compiler.evaluate(f"'{SHEET}'!{pv_col}{rows['woco'] + 3}")  # at the project's rate
    compiler.set_value(f"'{SHEET}'!B2", 0.045)  # the controller types another rate
    assert compiler.evaluate(f"'{SHEET}'!{pv_col}{rows['woco'] + 3}") != pytest.approx(before)
    for party in ("woco", "gemeente", "*"):
        npv = compiler.evaluate(f"'{SHEET}'!{pv_col}{rows[party] + 3}")
        # every present value follows the rate; the risk-free effect b stays at −1 %
        assert npv == pytest.approx(at_other_rate.of(party).npv, abs=0.1)


def test_the_sheet_lists_the_estimates_with_each_proxy_in_words(model, tmp_path):
    from stuurknop.presentation.proxies import model_library, proxy_phrase

    data = project_data(
        costs=[{"amount": "4000", "party": "woco"}],
        effects=[
            effect("a", "gemeente", 40, proxy="verpleging_thuis_uur"),
            effect("b", "woco", 800),
        ],
    )
    doc = parse_document(data)
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2026, 1, 1)))
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.content)
    cells = [str(c) for row in openpyxl.load_workbook(path)[SHEET].values for c in row if c]
    phrase = proxy_phrase("verpleging_thuis_uur", model_library(model.version), doc.effect_settings)
    assert "Effectschattingen" in cells
    assert any(phrase in cell for cell in cells)
    assert not any("kengetal verpleging_thuis_uur" in cell for cell in cells)
