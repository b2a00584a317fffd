"""The model map: every mechanism of the model drawn, with the engine's figures, as safe SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from stuurknop.charts.chart import Chart
from stuurknop.charts.model_map import ModelMap, model_map
from stuurknop.engine import analyse

SVG = "{http://www.w3.org/2000/svg}"


def drawn(model, doc, **kwargs) -> ModelMap:
    scenario = doc.scenario()
    return model_map(model, scenario, analyse(model, doc, scenario.name), **kwargs)


def links_by_ends(chart: ModelMap) -> dict[tuple[str, str], float]:
    return {(link.source, link.target): link.strength for link in chart.links}


def test_every_mechanism_of_the_model_is_a_link_and_nothing_else(model, make_document):
    chart = drawn(model, make_document())
    knob_links = {(s, t) for s, t in links_by_ends(chart) if s.startswith("knob:")}
    assert knob_links == {
        (f"knob:{knob.number}", f"route:{m.route}") for knob in model.knobs for m in knob.mechanisms
    }
    route_links = {(s, t) for s, t in links_by_ends(chart) if s.startswith("route:")}
    assert route_links == {
        (f"route:{route.id}", f"value:{value}") for route in model.routes for value in route.values
    }
    assert len(chart.links) == len(knob_links) + len(route_links) == 41 + 13


def test_link_strengths_are_the_engines_openings_and_activations(model, make_document):
    doc = make_document(knobs={4: 2, 5: 3, 7: "uit"})
    analysis = analyse(model, doc, doc.scenario().name)
    strengths = links_by_ends(drawn(model, doc))
    for route in analysis.routes:
        opened = {c.knob: c.opening for c in route.contributions}
        for knob in (*opened, *route.idle_knobs):
            assert strengths[(f"knob:{knob}", f"route:{route.route}")] == opened.get(knob, 0) / 3
        for value in model.route(route.route).values:
            assert strengths[(f"route:{route.route}", f"value:{value}")] == route.activation
    # By hand: knob 5 fully open drives beter_zien; zorgen_voor_elkaar gets (2 + 3) of 27.
    assert strengths[("knob:5", "route:beter_zien")] == 1.0
    assert strengths[("knob:7", "route:beter_zien")] == 0.0
    assert strengths[("route:zorgen_voor_elkaar", "value:goed_wonen")] == pytest.approx(5 / 27)


def test_the_tables_hold_the_same_figures(model, make_document):
    chart = drawn(model, make_document(knobs={4: 2, 5: 3}))
    table = chart.table
    assert table.columns[:2] == ("Stuurknop", "Stand")
    routes = list(table.columns[2:])
    assert routes == [r.name for r in model.routes]
    knob4 = dict(zip(table.columns, table.rows[3], strict=True))
    assert knob4["Stuurknop"] == "4. Sturen op doelgroep"
    assert knob4["Stand"] == "aan, 2 van 3 (gemiddeld)"
    assert knob4["Zorgen voor elkaar-route"] == "2"
    assert knob4["Beter zien-route"] == "–"  # knob 4 does not work via beter zien
    assert table.rows[0][1] == "niet besproken"
    totals = dict(zip(table.columns, table.rows[-1], strict=True))
    assert totals["Zorgen voor elkaar-route"] == "5 van 27 = 0,19"
    assert totals["Beter zien-route"] == "3 van 21 = 0,14"

    values = chart.route_table
    assert values.columns == ("Route", "Activering", *(v.name for v in model.values))
    zien = dict(zip(values.columns, values.rows[2], strict=True))
    assert (zien["Route"], zien["Activering"], zien["Goed wonen"]) == (
        "Beter zien-route",
        "0,14",
        "–",
    )
    # Goed wonen: mean of zorgen voor elkaar 5/27, welbevinden 5/30, beter team 0.
    potential = dict(zip(values.columns, values.rows[-1], strict=True))
    assert potential["Goed wonen"] == "0,12"


def test_it_is_a_chart_with_a_title_and_a_text_alternative(model, make_document):
    chart = drawn(model, make_document(knobs={6: 3}))
    assert isinstance(chart, Chart)
    assert chart.title.endswith("scenario Basis")
    assert "stuurknop 6 Gemeenschapsvorming: aan, 3 van 3 (sterk)" in chart.description
    assert "Beter zien-route 0,14" in chart.description  # 3 of 21
    assert drawn(model, make_document()).description.count("geen enkele stuurknop") == 1


def test_the_svg_is_well_formed_accessible_and_safe_under_a_strict_csp(model, make_document):
    svg = drawn(model, make_document(knobs={2: 2}), id_prefix="kaart-1").svg
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert root.get("aria-labelledby") == "kaart-1-title kaart-1-desc"
    assert ids == {"kaart-1-title", "kaart-1-desc"}
    assert root.find(f"{SVG}title").text.startswith("Kaart van het model")
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"style", "script", "foreignObject", "image"}
        for name in element.attrib:
            assert name != "style" and not name.lower().startswith("on")
            assert "href" not in name
    assert "url(" not in svg and "javascript:" not in svg


def test_every_name_of_the_model_is_written_in_dutch(model, make_document):
    root = ET.fromstring(drawn(model, make_document()).svg)
    texts = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for knob in model.knobs:
        assert knob.name.split()[0] in texts
    for item in (*model.routes, *model.values):
        assert item.name.split()[0] in texts
    assert "Stuurknoppen" in texts and "Routes" in texts and "Waarden" in texts


def test_idle_links_and_knobs_are_dashed_and_thin_not_only_grey(model, make_document):
    chart = drawn(model, make_document(knobs={2: 1, 6: 3, 7: "uit"}))
    root = ET.fromstring(chart.svg)
    paths = [p for p in root.iter(f"{SVG}path") if p.find(f"{SVG}title") is not None]
    assert len(paths) == len(chart.links)
    dashed = [p for p in paths if p.get("stroke-dasharray")]
    assert len(dashed) == sum(1 for link in chart.links if not link.active)
    ends = [re.match(r"(.+) → (.+?): ", p.find(f"{SVG}title").text) for p in paths]
    widths = {
        end[1]: float(p.get("stroke-width"))
        for p, end in zip(paths, ends, strict=True)
        if end and end[2] == "Meer welbevinden-route"
    }
    assert (
        widths["stuurknop 6 Gemeenschapsvorming"]
        > widths["stuurknop 2 Inrichting en gebruik ontmoetingsruimte"]
        > widths["stuurknop 7 Organisatie zorg"]
    )
    boxes = root.findall(f".//{SVG}rect")
    assert len(boxes) == 10 + 5 + 4
    knob_boxes = boxes[:10]
    assert [bool(b.get("stroke-dasharray")) for b in knob_boxes] == [
        n not in (2, 6) for n in range(1, 11)
    ]


def test_a_link_says_its_strength_in_words(model, make_document):
    root = ET.fromstring(drawn(model, make_document(knobs={4: 2})).svg)
    titles = {t.text for t in root.iter(f"{SVG}title")}
    assert (
        "stuurknop 4 Sturen op doelgroep → Zorgen voor elkaar-route: 2 van 3, bijdrage 2 van 27"
        in titles
    )
    assert "Zorgen voor elkaar-route → Goed wonen: activering 0,07" in titles
    assert "stuurknop 1 Ondersteunend gebouw → Beter team-route: draagt nu niet bij" in titles


def test_the_same_scenario_draws_the_same_svg(model, make_document):
    doc = make_document(knobs={1: 1, 9: 2})
    assert drawn(model, doc).svg == drawn(model, doc).svg
    assert drawn(model, doc, id_prefix="a").svg != drawn(model, doc, id_prefix="b").svg


def test_names_with_markup_are_escaped(model, make_document, make_scenario):
    doc = make_document(scenarios=[make_scenario('Plan <b> & "meer"', knobs={3: 2})])
    chart = drawn(model, doc)
    root = ET.fromstring(chart.svg)
    assert root.find(f"{SVG}title").text.endswith('scenario Plan <b> & "meer"')
    assert not re.search(r"<b>", chart.svg)
