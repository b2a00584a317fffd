"""Key figures: picked from the analysis, so the overview never disagrees with other pages."""

from __future__ import annotations

from stuurknop.engine import analyse
from stuurknop.engine.summary import key_figures


def test_key_figures_are_the_analysis_figures(model, make_document):
    doc = make_document(
        knobs={2: 2, 4: 1},
        costs=[{"id": "k1", "knob": 4, "amount": "20000"}],
        funding=[{"party": "gemeente", "source": "III", "years": 2, "amount": "20000"}],
    )
    analysis = analyse(model, doc)
    figures = key_figures(analysis)
    assert (figures.total_costs, figures.total_funding, figures.gap) == (100000, 40000, 60000)
    assert figures.cliff_year == 2027
    assert figures.structural_share == 0.0
    assert (figures.checklist_done, figures.checklist_total) == (
        analysis.checklist.done,
        len(analysis.checklist.items),
    )
    assert figures.values_in_motion == sum(1 for v in analysis.values if v.potential > 0)
    assert figures.strongest_value == max(analysis.values, key=lambda v: v.potential)
    assert figures.warnings == 1


def test_with_every_knob_off_no_value_is_in_motion(model, make_document):
    figures = key_figures(analyse(model, make_document(knobs={k: "uit" for k in range(1, 11)})))
    assert (figures.values_in_motion, figures.strongest_value, figures.cliff_year) == (
        0,
        None,
        None,
    )
