"""The ten worksheets on A4: filled in with a scenario, or blank for a session on paper."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from importlib import resources

import pytest

from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile import parse_document
from stuurknop.reports import Options, render
from stuurknop.reports.worksheets import render_worksheets
from tests.reports.printed import is_paper, outside_references, page_sizes, pages_text

TODAY = Options(today=dt.date(2025, 3, 14))
LONG = "Lange uitwerking met veel woorden over de ontmoetingsruimte. " * 250
SPECIAL = "Eén ruimte, € 5 koffie, ‘quotes’ “dubbel” & <b>geen HTML</b> 😀"


@pytest.fixture(scope="module")
def rich_document(document_data, make_scenario):
    """Special characters, a very long text, a cost table longer than a page, an unpaid item."""
    many = [
        {"id": f"r{i:03d}", "knob": 5, "description": f"Kostenregel-{i:03d}", "amount": 100 + i}
        for i in range(70)
    ]
    scenario = make_scenario(
        "Zoë’s “scenario”",
        chosen=True,
        knobs={
            2: {
                "status": "aan",
                "opening": 3,
                "elaboration": SPECIAL,
                "lead_party": "woco",
                "routes": ["zorgen_voor_elkaar", "beter_netwerk"],
                "answers": ["Antwoord één: ja.", "Antwoord twee: goed wonen.", "Antwoord drie."],
            },
            5: {"status": "aan", "opening": 1, "elaboration": LONG + "x" * 300},
            10: "uit",
        },
        costs=[
            {
                "id": "ruimte",
                "knob": 2,
                "description": "Huur ‘ontmoetingsruimte’ – café",
                "amount": "12500.50",
                "years": 3,
                "party": "woco",
            },
            *many,
        ],
        funding=[
            {"cost_item": "ruimte", "party": "gemeente", "source": "I", "amount": "10000"},
            {"cost_item": "r001", "party": "welzijn", "source": "V", "amount": "50"},
        ],
    )
    data = document_data(scenarios=[scenario])
    data["project"]["name"] = "Hof van Zoë & Café “De Eik” 🌳"
    return parse_document(data)


@pytest.fixture(scope="module")
def rich_pages(model, rich_document):
    return pages_text(render("worksheets", model, rich_document, options=TODAY).content)


@pytest.fixture(scope="module")
def example():
    text = resources.files("stuurknop.examples").joinpath("thuisflat.json").read_text("utf-8")
    return parse_document(json.loads(text))


@pytest.fixture(scope="module")
def example_pdf(model, example):
    return render("worksheets", model, example, options=TODAY)


def knob_pages(pages: list[str], number: int) -> list[str]:
    """The pages of one knob: from its first page to the page before the next knob's."""
    starts = [i for i, text in enumerate(pages) if re.search(r"STUURKNOP \d+ VAN 10 ", text)]
    first = starts[number - 1]
    last = starts[number] if number < len(starts) else len(pages) - 1
    return pages[first:last]


def test_every_knob_starts_on_a_new_a4_page_in_order(model, example_pdf):
    pages = pages_text(example_pdf.content)
    assert all(is_paper(size, "A4") for size in page_sizes(example_pdf.content))
    for knob in model.knobs:
        first = knob_pages(pages, knob.number)[0]
        assert f"STUURKNOP {knob.number} VAN 10 · DOMEIN: {knob.domain.upper()}" in first
        assert f"{knob.number}. {knob.name}" in first
    assert example_pdf.filename == "stuurknop-werkbladen-thuisflat-parkzicht-thuisflat-aanpak.pdf"


def test_every_page_has_the_project_the_knob_and_its_number_in_header_and_footer(example_pdf):
    pages = pages_text(example_pdf.content)
    for number, text in enumerate(pages, start=1):
        assert "Thuisflat Parkzicht" in text
        assert f"Pagina {number} van {len(pages)}" in text
    assert all("Stuurknop 3: Financiering ontmoetingsruimte" in p for p in knob_pages(pages, 3))


def test_the_model_text_of_each_knob_is_on_its_pages(model, example_pdf):
    pages = pages_text(example_pdf.content)
    for knob in model.knobs:
        text = " ".join(knob_pages(pages, knob.number))
        for question in knob.questions:
            assert " ".join(question.split()) in text
        assert " ".join(knob.investment.split()) in text
        for mechanism in knob.mechanisms:
            assert model.route(mechanism.route).name in text
        for question in model.conversation_questions:
            assert question in text


def test_the_example_sheets_show_its_choices_and_the_engines_amounts(model, example, example_pdf):
    pages = pages_text(example_pdf.content)
    scenario = example.scenario()
    money = analyse(model, example).money
    names = {p.id: p.name for p in example.parties}
    for knob in model.knobs:
        setting = scenario.setting(knob.number)
        text = " ".join(knob_pages(pages, knob.number))
        if setting.elaboration:
            assert " ".join(setting.elaboration.split()) in text
        if setting.lead_party:
            assert names[setting.lead_party] in text
        for item in (i for i in money.cost_items if i.knob == knob.number):
            assert item.description in text
            assert euro(item.costs, cents=item.costs % 1 != 0) in text
    cover = pages[0]
    assert "Scenario Thuisflat-aanpak (gekozen scenario)" in cover
    assert f"Kosten {euro(money.total_costs)}" in cover
    assert f"Tekort (geld dat niet komt) {euro(money.total_shortfall)}" in cover
    assert f"Geld komt later dan de kosten {euro(money.total_timing_gap)}" in cover


def test_a_knob_shows_its_answers_routes_costs_and_funding(model, rich_document, rich_pages):
    text = " ".join(knob_pages(rich_pages, 2))
    assert "Status aan" in text
    assert "Stand stand 3 van 3 (sterk)" in text
    assert "Trekker Woco" in text
    assert "Beoogde routes Zorgen voor elkaar-route, Beter netwerk-route" in text
    for answer in ("Antwoord één: ja.", "Antwoord twee: goed wonen.", "Antwoord drie."):
        assert answer in text
    item = next(
        i for i in analyse(model, rich_document).money.cost_items if i.cost_item == "ruimte"
    )
    assert (item.costs, item.covered, item.uncovered) == (
        Decimal("37501.50"),
        Decimal("30000.00"),
        Decimal("7501.50"),
    )
    row = "Huur ‘ontmoetingsruimte’ – café € 12.500,50 per jaar vanaf 2025, 3 jaar Woco"
    assert f"{row} € 37.501,50 € 30.000 € 7.501,50" in text
    assert "Huur ‘ontmoetingsruimte’ – café Gemeente I – Lokale, gemeentelijke subsidie" in text
    assert "(tijdelijk) € 10.000 per jaar vanaf 2025, zolang de kostenpost loopt idee € 30.000" in (
        text
    )


def test_special_characters_print_as_written_and_markup_is_not_interpreted(rich_pages):
    text = " ".join(rich_pages)
    assert "Eén ruimte, € 5 koffie, ‘quotes’ “dubbel” & <b>geen HTML</b>" in text
    assert "Hof van Zoë & Café “De Eik”" in rich_pages[0]
    assert "Scenario Zoë’s “scenario” (gekozen scenario)" in rich_pages[0]


def test_a_long_text_flows_over_pages_and_a_long_table_repeats_its_header(rich_pages):
    knob5 = knob_pages(rich_pages, 5)
    text = " ".join(knob5)
    # a sentence may break across pages (with header and footer between): count a word
    assert text.split().count("Lange") == 250
    assert "x" * 30 in text  # the end of the text, a 300-letter word, is there as well
    assert sum("Lange" in page for page in knob5) >= 3
    with_rows = [p for p in knob5 if "Kostenregel-" in p]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "Kostenpost Bedrag Periode Wie maakt de kosten Totaal Gedekt Niet gedekt" in page
    found = {
        f"Kostenregel-{i:03d}"
        for i in range(70)
        if any(f"Kostenregel-{i:03d}" in p for p in with_rows)
    }
    assert len(found) == 70


def test_an_empty_scenario_gives_ten_sheets_that_say_nothing_is_filled_in(model, make_document):
    content = render("worksheets", model, make_document(), options=TODAY).content
    pages = pages_text(content)
    for knob in model.knobs:
        text = " ".join(knob_pages(pages, knob.number))
        assert "In dit scenario: niet besproken" in text
        assert "Uitwerking voor dit project nog niet ingevuld" in text
        assert "Bij deze knop staan nog geen kostenposten." in text
    assert "Kosten € 0" in pages[0]


def test_the_blank_set_has_the_questions_and_room_to_write_but_no_answers(model, rich_document):
    rendered = render("worksheets-blank", model, rich_document, options=TODAY)
    assert rendered.filename == "stuurknop-werkbladen-leeg-hof-van-zoe-cafe-de-eik.pdf"
    content = rendered.content
    pages = pages_text(content)
    assert all(is_paper(size, "A4") for size in page_sizes(content))
    text = " ".join(pages)
    for knob in model.knobs:
        assert f"STUURKNOP {knob.number} VAN 10" in text
        assert all(" ".join(q.split()) in text for q in knob.questions)
    assert text.count("niet besproken bewust uit aan") >= 10  # a tick box for each status
    assert text.count("1 licht 2 gemiddeld 3 sterk") == 10
    for answer in (
        "Eén ruimte",
        "Antwoord één",
        "Lange uitwerking",
        "Huur ‘ontmoetingsruimte’",
        "Kostenregel-",
        "€ 12.500,50",
        "€ 37.501,50",
        "Woco",
        "Zoë’s “scenario”",
        "nog niet ingevuld",
    ):
        assert answer not in text


def test_blank_option_on_the_filled_renderer_gives_the_blank_set(model, make_document):
    doc = make_document(knobs={1: {"status": "aan", "opening": 2, "elaboration": "Geheim plan"}})
    blank = render_worksheets(model, doc, doc.scenario(), Options(today=TODAY.today, blank=True))
    text = " ".join(pages_text(blank.content))
    assert "STUURKNOP 1 VAN 10" in text
    assert "Geheim plan" not in text
    assert blank.filename == "stuurknop-werkbladen-leeg-de-linde.pdf"


def test_the_sheets_link_nowhere_and_carry_only_their_own_fonts(example_pdf):
    uris, fonts = outside_references(example_pdf.content)

    assert uris == []
    assert fonts and all("DejaVu" in font for font in fonts), fonts
