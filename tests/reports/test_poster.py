"""The model map as a poster: one landscape page of A3 or A1 with the engine's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from stuurknop.charts.model_map import decimal
from stuurknop.engine import analyse
from stuurknop.projectfile import parse_document
from stuurknop.reports import Options, render
from tests.reports.printed import is_paper, page_sizes, pages_text

TODAY = dt.date(2025, 3, 14)


@pytest.mark.parametrize("paper", ["A3", "A1"])
def test_the_poster_is_one_landscape_page_of_the_chosen_paper(model, make_document, paper):
    doc = make_document(knobs={2: 3, 5: 1})
    rendered = render("poster", model, doc, options=Options(today=TODAY, paper=paper))
    sizes = page_sizes(rendered.content)
    assert len(sizes) == 1
    assert is_paper(sizes[0], paper, landscape=True)
    assert rendered.filename == f"stuurknop-kaart-de-linde-basis-{paper.lower()}.pdf"


def test_the_poster_shows_project_scenario_every_node_and_the_engines_figures(model, make_document):
    doc = make_document(knobs={2: 3, 5: 1, 7: 2, 10: "uit"})
    text = pages_text(render("poster", model, doc, options=Options(today=TODAY)).content)[0]
    assert "De Linde, Zwolle · scenario Basis · stand van 14 maart 2025" in text
    analysis = analyse(model, doc)
    for knob in model.knobs:
        assert f"{knob.number}." in text and knob.name.split()[0] in text
    assert "aan, 3 van 3 (sterk)" in text and "bewust uit" in text
    for route in analysis.routes:
        assert f"{route.name} activering {decimal(route.activation)}" in text
        assert f"{route.achieved} van {route.maximum}" in text
    for value in analysis.values:
        assert f"potentieel {decimal(value.potential)}" in text
    assert "3 van de 10 stuurknoppen staan aan in dit scenario." in text
    assert "Een stippellijn" in text and "Dit zijn geen geldbedragen." in text


def test_an_empty_scenario_gives_a_poster_with_nothing_switched_on(model, make_document):
    text = pages_text(
        render("poster", model, make_document(), options=Options(today=TODAY)).content
    )
    assert "0 van de 10 stuurknoppen staan aan in dit scenario." in text[0]
    assert text[0].count("niet besproken") >= 10
    assert "activering 0,00" in text[0]


def test_long_names_and_special_characters_keep_the_poster_on_one_page(model, document_data):
    data = document_data()
    data["project"]["name"] = "Zoë & Café “De <Eik>” 😀 " + "Heel lange naam " * 11
    data["project"]["neighbourhood"] = "x" * 200
    data["scenarios"][0]["name"] = "Scenario ‘één’ " + "y" * 150
    content = render("poster", model, parse_document(data), options=Options(paper="A3")).content
    pages = pages_text(content)
    assert len(pages) == 1
    assert "Zoë & Café “De <Eik>”" in pages[0]
    assert "Scenario ‘één’" in pages[0]


def test_the_route_summaries_of_the_model_are_on_a_poster_with_short_names(model, make_document):
    text = pages_text(render("poster", model, make_document(), options=Options()).content)[0]
    assert "De routes in het kort" in text
    for route in model.routes:
        assert " ".join(route.summary.split()) in text
