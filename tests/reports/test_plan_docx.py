"""The plan as Word, opened again with python-docx: headings, tables, fields, images."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn

from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro
from stuurknop.reports import render
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import Figure

from .plan_projects import OPTIONS, PARTY_NAME, TODAY, empty_project, example, hard_project


def open_docx(content: bytes):
    return Document(BytesIO(content))


def rows(table) -> list[tuple[str, ...]]:
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def thuisflat():
    return example("thuisflat")


@pytest.fixture(scope="module")
def thuisflat_docx(model, thuisflat):
    return render("docx", model, thuisflat, options=OPTIONS)


@pytest.fixture(scope="module")
def word(thuisflat_docx):
    return open_docx(thuisflat_docx.content)


def test_the_word_file_is_named_and_typed(thuisflat_docx):
    assert thuisflat_docx.filename == "plan-thuisflat-parkzicht-thuisflat-aanpak.docx"
    assert thuisflat_docx.content_type.endswith("wordprocessingml.document")


def test_chapters_and_their_parts_are_real_word_headings(model, thuisflat, word):
    plan = build_plan(model, thuisflat, thuisflat.scenario(), today=TODAY)
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Head")]

    assert headings == [(f"Heading {s.level}", s.title) for s in plan.sections]
    assert ("Heading 2", "Stuurknop 7: Organisatie zorg") in headings


def test_the_summary_table_holds_the_engines_money_per_party(model, thuisflat, word):
    money = analyse(model, thuisflat).money
    summary = next(
        t for t in word.tables if rows(t)[0] == ("Partij", "Draagt kosten", "Betaalt", "Tekort")
    )

    table = rows(summary)
    assert table[-1] == (
        "Totaal",
        euro(money.total_costs),
        euro(money.total_funding),
        euro(money.total_uncovered),
    )
    assert {r[0] for r in table[1:-1]} == {p.name for p in money.parties if p.costs or p.paid}


def test_every_table_with_a_header_repeats_it_and_keeps_rows_whole(word):
    data_tables = [t for t in word.tables if t.style is not None and t.style.name == "Table Grid"]

    assert len(data_tables) > 20
    for table in data_tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_the_header_names_the_project_and_the_footer_counts_pages(word):
    section = word.sections[0]
    footer = section.footer.paragraphs[0]._p.xml

    assert section.header.paragraphs[0].text.startswith("Thuisflat Parkzicht")
    assert section.different_first_page_header_footer  # a clean cover
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert footer.index("PAGE") < footer.index("NUMPAGES")


def test_a_table_of_contents_field_lists_the_chapters_until_word_updates_it(word):
    body = word.element.body.xml

    assert 'TOC \\o "1-2"' in body
    assert word.settings.element.find(qn("w:updateFields")) is not None


def test_every_chart_is_an_image_with_its_text_alternative(model, thuisflat, word):
    plan = build_plan(model, thuisflat, thuisflat.scenario(), today=TODAY)
    figures = [b for s in plan.sections for b in s.blocks if isinstance(b, Figure)]
    shapes = word.inline_shapes

    assert len(shapes) == len(figures)
    described = [shape._inline.docPr.get("descr") for shape in shapes]
    assert described == [f.chart.description for f in figures]


def test_the_document_is_dutch_and_dated(word):
    assert word.core_properties.language == "nl-NL"
    assert word.core_properties.created.date() == TODAY
    assert word.core_properties.title.startswith("Plan Thuisflat Parkzicht")


def test_odd_text_and_long_tables_open_again(model, document_data, make_scenario):
    document = hard_project(document_data, make_scenario)
    word = open_docx(render("docx", model, document, options=OPTIONS).content)
    text = all_text(word)

    assert 'Hof "De Eik" – Zoë & René 🏡 <b>vet</b>' in text
    assert PARTY_NAME in text
    assert "Eerste regel met een belletje." in text
    assert "x" * 400 in text
    measurements = next(t for t in word.tables if rows(t)[0][:2] == ("Indicator", "Datum"))
    assert len(measurements.rows) == 161
    log = next(t for t in word.tables if rows(t)[0][0] == "Wanneer")
    assert rows(log)[1][2] == "Besluit:\nregel één\nregel twee\nProjectgegevens: fase idee → plan"


def test_an_empty_project_opens_with_its_chapters_and_empty_notes(model, document_data):
    word = open_docx(render("docx", model, empty_project(document_data), options=OPTIONS).content)
    text = all_text(word)

    assert "Er zijn nog geen besluiten vastgelegd." in text
    assert "Stuurknoppen die aan staan: nog geen." in text
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Samenvatting", "Het project"]
