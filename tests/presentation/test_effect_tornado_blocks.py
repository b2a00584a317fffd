"""The tornado per party in words: a chart and a table for each party an effect lands with,
one table for the parties that only pay (the discount rate is their one input), the same
figures as the engine's; an input said as its estimate says it."""

from __future__ import annotations

from stuurknop.engine.effect_report import effect_report
from stuurknop.presentation.blocks import Figure, PlanTable
from stuurknop.presentation.effects import effect_blocks, pv, rate_text
from tests.engine.test_effect_uncertainty import case, effect


def report_of(model):
    # woco and zorg pay (5000 and 2000 a year); the gemeente gains a, woco gains b
    doc = case(
        [
            effect("a", "gemeente", 0, 1000, 4000, years=1),
            effect("b", "woco", 2000, 3000, 3500, first_year=2026, years=1),
        ],
        costs=[{"amount": "5000", "party": "woco"}, {"amount": "2000", "party": "zorg"}],
    )
    return doc, effect_report(model, doc, doc.scenario(), draws=200)


def tables(blocks) -> dict[str, PlanTable]:
    return {b.caption: b for b in blocks if isinstance(b, PlanTable)}


def test_each_party_with_an_effect_gets_a_chart_and_a_table(model):
    doc, report = report_of(model)
    blocks = effect_blocks(model, doc, doc.scenario(), report)
    titles = [b.chart.title for b in blocks if isinstance(b, Figure)]
    assert "Gevoeligheid van het netto resultaat van Woco" in titles
    assert "Gevoeligheid van het netto resultaat van Gemeente" in titles
    assert not any("Zorg" in t for t in titles)  # zorg only pays: no chart of one bar
    woco = next(t for t in report.party_tornados if t.party == "woco")
    table = tables(blocks)[
        "Gevoeligheid: het netto resultaat van Woco als één ding laag of hoog uitvalt"
    ]
    assert [r[0] for r in table.rows] == ["b (Verminderen zorgbehoefte)", "Discontovoet"]
    assert [r[3:] for r in table.rows] == [
        (pv(b.npv_low), pv(b.npv_high), pv(b.swing)) for b in woco.bars
    ]
    assert table.rows[0][1:3] == (pv(2000), pv(3500))


def test_the_parties_that_only_pay_share_one_table_of_the_rate(model):
    doc, report = report_of(model)
    blocks = effect_blocks(model, doc, doc.scenario(), report)
    table = next(t for c, t in tables(blocks).items() if "alleen de discontovoet" in c)
    zorg = next(t for t in report.party_tornados if t.party == "zorg")
    (rate,) = zorg.bars
    assert table.columns[2:4] == (
        f"Netto bij {rate_text(rate.low_input)}",
        f"Netto bij {rate_text(rate.high_input)}",
    )
    assert table.rows == (
        ("Zorg", pv(zorg.npv), pv(rate.npv_low), pv(rate.npv_high), pv(rate.swing)),
    )
