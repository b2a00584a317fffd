"""The money tables as Excel: engine figures per year, totals as formulas that a spreadsheet (here
pycel) evaluates to the engine's totals."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources

import openpyxl
import pytest
from pycel import ExcelCompiler

from benchmarks.large_project import large_project
from stuurknop.engine import analyse
from stuurknop.engine.money import UNASSIGNED
from stuurknop.projectfile import parse_document
from stuurknop.reports import Options, render
from stuurknop.reports.excel import NO_PARTY
from stuurknop.reports.excel_cells import EURO

PARTY_SHEET = "Per partij per jaar"
BLOCKS = ("costs", "received", "uncovered", "paid")  # the four blocks, as PartyYear names them


def workbook(tmp_path, model, doc):
    rendered = render("xlsx", model, doc, options=Options(today=dt.date(2025, 3, 14)))
    path = tmp_path / rendered.filename
    path.write_bytes(rendered.content)
    return path, rendered


def cents(value) -> Decimal:
    return Decimal(str(round(float(value or 0), 2))).quantize(Decimal("0.01"))


def evaluated_party_blocks(path, money, years):
    """{(block, party key, year): value} for every cell of the four party blocks."""
    compiler = ExcelCompiler(filename=str(path))
    height = len(money.parties) + 3
    found = {}
    for k, block in enumerate(BLOCKS):
        for j, party in enumerate(money.parties):
            row = 3 + k * height + j
            for i, year in enumerate(years):
                col = openpyxl.utils.get_column_letter(3 + i)
                found[block, party.party, year] = compiler.evaluate(f"'{PARTY_SHEET}'!{col}{row}")
    return compiler, found


def assert_matches_engine(path, money, years):
    compiler, found = evaluated_party_blocks(path, money, years)
    for party in money.parties:
        for party_year in party.years:
            for block in BLOCKS:
                expected = getattr(party_year, block)
                assert cents(found[block, party.party, party_year.year]) == expected, (
                    block,
                    party.party,
                    party_year.year,
                )
    wb = openpyxl.load_workbook(path)
    totals = {
        "Totaal_kosten": money.total_costs,
        "Totaal_financiering": money.total_funding,
        "Totaal_niet_gedekt": money.total_uncovered,
        "Totaal_overschot": money.total_surplus,
    }
    for name, expected in totals.items():
        address = wb.defined_names[name].attr_text.replace("$", "")
        assert cents(compiler.evaluate(address)) == expected, name
        difference = address.replace("!C", "!E")
        assert compiler.evaluate(difference) == 0, name
    # What is not covered in its year: money that never comes and money that comes late.
    split = {"Totaal_tekort": money.total_shortfall, "Totaal_later": money.total_timing_gap}
    for name, expected in split.items():
        address = wb.defined_names[name].attr_text.replace("$", "")
        assert cents(compiler.evaluate(address)) == expected, name
    assert money.total_shortfall + money.total_timing_gap == money.total_uncovered
    return compiler


@pytest.fixture(scope="module")
def example_doc():
    text = resources.files("stuurknop.examples").joinpath("thuisflat.json").read_text("utf-8")
    return parse_document(json.loads(text))


def test_the_workbook_has_the_five_sheets_with_frozen_headers_and_filters(
    tmp_path, model, example_doc
):
    path, rendered = workbook(tmp_path, model, example_doc)
    assert rendered.filename == "stuurknop-geld-thuisflat-parkzicht-thuisflat-aanpak.xlsx"
    assert rendered.content_type.endswith("spreadsheetml.sheet")
    wb = openpyxl.load_workbook(path)
    sheets = ["Toelichting", "Kostenposten", "Financiering", "Dekking", PARTY_SHEET]
    assert wb.sheetnames == [*sheets, "Effecten in geld"]  # the example has effect estimates
    for name in ("Kostenposten", "Financiering", "Dekking"):
        ws = wb[name]
        assert ws.freeze_panes == "C2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"
    costs = wb["Kostenposten"]
    assert [c.value for c in costs[1]][:10] == [
        "Kostenpost", "Omschrijving", "Stuurknop", "Partij-id", "Wie maakt de kosten",
        "Soort", "Bedrag", "Eerste jaar", "Aantal jaren", "2026",
    ]  # fmt: skip
    assert costs["J2"].number_format == EURO
    assert "Kostenposten" in wb["Toelichting"]["A9"].value
    assert set(wb.defined_names) >= {
        "Kostenposten_lijst", "Financiering_lijst", "Totaal_kosten", "Totaal_financiering",
        "Totaal_niet_gedekt", "Totaal_tekort", "Totaal_later", "Totaal_overschot",
    }  # fmt: skip


def test_cost_items_and_funding_lines_hold_the_engines_yearly_amounts(tmp_path, model, example_doc):
    path, _ = workbook(tmp_path, model, example_doc)
    money = analyse(model, example_doc).money
    compiler = ExcelCompiler(filename=str(path))
    ws = openpyxl.load_workbook(path)["Kostenposten"]
    total_row = ws.max_row
    assert ws.cell(total_row, 1).value == "Totaal"
    for i, year_row in enumerate(money.years):
        col = openpyxl.utils.get_column_letter(10 + i)
        assert ws[f"{col}{total_row}"].value.startswith("=SUM(")
        assert cents(compiler.evaluate(f"Kostenposten!{col}{total_row}")) == year_row.costs
    funding = openpyxl.load_workbook(path)["Financiering"]
    for i, year_row in enumerate(money.years):
        col = openpyxl.utils.get_column_letter(12 + i)
        total = compiler.evaluate(f"Financiering!{col}{funding.max_row}")
        assert cents(total) == year_row.funding


def test_every_party_year_and_grand_total_evaluates_to_the_engines_figure(
    tmp_path, model, example_doc
):
    path, _ = workbook(tmp_path, model, example_doc)
    money = analyse(model, example_doc).money
    assert_matches_engine(path, money, list(example_doc.project.years))


def test_the_totals_are_formulas_not_numbers(tmp_path, model, example_doc):
    path, _ = workbook(tmp_path, model, example_doc)
    ws = openpyxl.load_workbook(path)[PARTY_SHEET]
    assert ws["C3"].value.startswith("=SUMIFS('Kostenposten'!")
    assert ws["L3"].value == "=SUM(C3:K3)"
    cover = openpyxl.load_workbook(path)["Dekking"]
    assert cover["D2"].value.startswith("=MIN(SUMIFS(")


def test_the_large_project_with_partial_cover_and_surplus_matches_the_engine(tmp_path, model):
    doc = parse_document(large_project())
    money = analyse(model, doc).money
    assert money.total_surplus > 0 and money.total_uncovered > 0
    path, _ = workbook(tmp_path, model, doc)
    assert_matches_engine(path, money, list(doc.project.years))


def test_costs_without_a_party_get_their_own_row(tmp_path, model, make_document):
    doc = make_document(
        costs=[{"id": "los", "amount": "250.25", "years": 2}],
        funding=[{"cost_item": "los", "party": "gemeente", "source": "II", "amount": "100"}],
    )
    money = analyse(model, doc).money
    assert money.parties[-1].party == UNASSIGNED
    path, _ = workbook(tmp_path, model, doc)
    ws = openpyxl.load_workbook(path)[PARTY_SHEET]
    assert ws.cell(3 + len(money.parties) - 1, 1).value == NO_PARTY
    assert_matches_engine(path, money, list(doc.project.years))


def test_an_empty_scenario_gives_a_workbook_of_zeros(tmp_path, model, make_document):
    doc = make_document()
    path, _ = workbook(tmp_path, model, doc)
    compiler = assert_matches_engine(path, analyse(model, doc).money, list(doc.project.years))
    wb = openpyxl.load_workbook(path)
    address = wb.defined_names["Totaal_kosten"].attr_text.replace("$", "")
    assert compiler.evaluate(address) == 0


def test_special_characters_are_kept_as_written(tmp_path, model, make_document):
    description = "Koffie & thee voor ‘iedereen’ – “gratis” <b>😀</b> ë é €"
    doc = make_document(costs=[{"id": "koffie", "description": description}])
    path, _ = workbook(tmp_path, model, doc)
    assert openpyxl.load_workbook(path)["Kostenposten"]["B2"].value == description
