"""The plan's balance chapter (blocks, Word) and the command line's balance section say the
same: what is compared, the split of the funded total that adds up, the gap apart, and verdicts
that agree with the table."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document

from stuurknop.cli.report import analysis_sections, render_text
from stuurknop.engine import analyse
from stuurknop.reports import render
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import Figure, Paragraph

from .plan_projects import OPTIONS, TODAY

ALL_OPEN = {k: 3 for k in range(1, 11)}


@pytest.fixture
def reported(make_document):
    """Issue 12's case: € 200.000 funded of € 724.412, the corporation paying € 180.000."""
    return make_document(
        knobs=ALL_OPEN,
        costs=[{"kind": "eenmalig", "amount": "724412"}],
        funding=[
            {"party": "woco", "source": "IV", "amount": "180000"},
            {"party": "zorg", "source": "V", "amount": "20000"},
        ],
        interests={"woco": {"goed_wonen": 1}, "zorg": {"minder_zorgvraag": 3}},
    )


def balance_blocks(model, document):
    plan = build_plan(model, document, document.scenario(), today=TODAY)
    return plan.section("balans").blocks


def test_the_plan_compares_with_the_funded_total_and_keeps_the_gap_apart(model, reported):
    blocks = balance_blocks(model, reported)
    said = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "deel van de financiering (€ 200.000)" in said
    assert "verdeelt precies die € 200.000" in said
    assert "Het tekort van € 524.412 (kosten die niemand betaalt) wordt niet verdeeld" in said
    warnings = [b.text for b in blocks if isinstance(b, Paragraph) and b.tone == "warning"]
    assert warnings == [
        "Woco betaalt 90% van de financiering en krijgt 50% van de waarde: 40 procentpunten en "
        "€ 80.000 meer dan haar deel (de grens is 15 procentpunten).",
        "Zorg betaalt 10% van de financiering en krijgt 50% van de waarde: 40 procentpunten en "
        "€ 80.000 minder dan haar deel (de grens is 15 procentpunten).",
    ]
    shares, split = [b.table for b in blocks if isinstance(b, Figure) and b.table]
    rows = {row[0]: row for row in shares.rows}
    assert rows["Woco"][1:] == ("90%", "50%", "+40", "50%")
    assert rows["Gemeente"][2] == "–"  # stated no interest: outside the split
    money = {row[0]: row for row in split.rows}
    assert money["Woco"][1:] == ("€ 180.000,00", "€ 100.000,00", "€ 80.000,00")
    assert split.total and money["Totaal"][1:] == ("€ 200.000,00", "€ 200.000,00", "€ 0,00")


def test_the_word_chapter_has_the_same_table_and_verdicts(model, reported):
    word = Document(BytesIO(render("docx", model, reported, options=OPTIONS).content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "40 procentpunten en € 80.000 meer dan haar deel" in text
    tables = {
        t.rows[0].cells[-1].text: [tuple(c.text for c in row.cells) for row in t.rows]
        for t in word.tables
    }
    shares = tables["Deel van de waarde zonder eigen weging"]
    split = tables["Verschil in euro (betaalt − naar waarde)"]
    assert next(row for row in shares if row[0] == "Woco")[1:4] == ("90%", "50%", "+40")
    assert next(row for row in split if row[0] == "Woco")[1:] == (
        "€ 180.000,00",
        "€ 100.000,00",
        "€ 80.000,00",
    )
    assert split[-1] == ("Totaal", "€ 200.000,00", "€ 200.000,00", "€ 0,00")


def test_the_command_line_says_the_same(model, reported):
    report = render_text("De Linde", analysis_sections(model, analyse(model, reported)))
    balance = report[report.index("Balans tussen partijen") :]
    assert "Woco betaalt 90% van de financiering en krijgt 50% van de waarde" in balance
    assert "Het tekort van € 524.412" in balance
    woco = [line.split() for line in balance.splitlines() if line.startswith("Woco  ")]
    assert woco == [
        ["Woco", "90%", "50%", "+40", "50%"],
        ["Woco", "€", "180.000,00", "€", "100.000,00", "€", "80.000,00"],
    ]
    assert "duidelijk meer dan het deel van de waarde dat daar landt" not in report
