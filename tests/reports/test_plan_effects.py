"""The plan's chapter of effects in money: the same figures in the blocks, the PDF and Word."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

from stuurknop.engine.effect_report import effect_report
from stuurknop.presentation.effects import pv
from stuurknop.reports import render
from stuurknop.reports.plan import build_plan

from .plan_projects import OPTIONS, TODAY, empty_project, example
from .printed import pages_text

ANCHOR = "effecten-in-geld"


@pytest.fixture(scope="module")
def thuisflat():
    return example("thuisflat")


def test_the_chapter_holds_the_engines_present_values(model, thuisflat):
    plan = build_plan(model, thuisflat, thuisflat.scenario(), today=TODAY)
    section = plan.section(ANCHOR)
    report = effect_report(model, thuisflat, thuisflat.scenario())
    table = section.blocks[1]
    gemeente = report.result.of("gemeente")
    row = next(r for r in table.rows if r[0] == gemeente.name)
    assert row[1:4] == (pv(gemeente.pv_paid), pv(gemeente.pv_benefits), pv(gemeente.npv))
    assert table.total  # the project as a whole closes the table


def test_a_scenario_without_effects_has_no_chapter(model, document_data):
    doc = empty_project(document_data)
    plan = build_plan(model, doc, doc.scenario(), today=TODAY)
    assert ANCHOR not in {s.anchor for s in plan.sections}


def test_pdf_and_word_carry_the_projects_net_present_value(model, thuisflat):
    report = effect_report(model, thuisflat, thuisflat.scenario())
    npv = pv(report.result.total.npv)
    pdf = " ".join(pages_text(render("pdf", model, thuisflat, options=OPTIONS).content))
    assert "Waarde tegenover kosten, in geld" in pdf
    assert npv.replace(" ", "") in pdf.replace(" ", "").replace("\u00a0", "")
    word = Document(BytesIO(render("docx", model, thuisflat, options=OPTIONS).content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert npv in cells


def test_the_chapter_has_each_partys_tornado_with_quantities_said_as_such(model, thuisflat):
    plan = build_plan(model, thuisflat, thuisflat.scenario(), today=TODAY)
    report = effect_report(model, thuisflat, thuisflat.scenario())
    blocks = plan.section(ANCHOR).blocks
    captions = {b.caption: b for b in blocks if hasattr(b, "caption")}
    gaining = [t for t in report.party_tornados if any(b.kind == "effect" for b in t.bars)]
    assert gaining, "the example has effects that land with a party"
    for tornado in gaining:
        name = report.result.of(tornado.party).name
        table = captions[
            f"Gevoeligheid: het netto resultaat van {name} als één ding laag of hoog uitvalt"
        ]
        assert [r[-1] for r in table.rows] == [pv(b.swing) for b in tornado.bars]
    proxied = next(e for e in thuisflat.scenario().effects if e.proxy is not None)
    row = next(
        r
        for t in captions.values()
        for r in getattr(t, "rows", ())
        if r[0].startswith(f"{proxied.id} (")
    )
    assert "€" not in row[1] and "€" not in row[2]  # a quantity of the proxy, not euros
