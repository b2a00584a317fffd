"""The explorer's words: a change of knobs with the model's knob names and the opening words of
scales.yaml, and a nearest better design as one sentence."""

from __future__ import annotations

from stuurknop.engine.explorer_nearest import BetterDesign, KnobChange
from stuurknop.presentation.explorer import better_sentence, changes_words, setting_words


def design(changes, effort_change, robust=True) -> BetterDesign:
    return BetterDesign(
        changes=changes,
        openings=(0,) * 10,
        value=2.5,
        effort=10_000.0,
        value_gain=0.25,
        effort_change=effort_change,
        per_euro=None if effort_change <= 0 else 0.25 / effort_change,
        robust=robust,
    )


def test_a_change_of_two_knobs_in_words(model) -> None:
    six, three = model.knob(6), model.knob(3)
    opening = model.scale("opening")
    words = changes_words(model, (KnobChange(6, 1, 2), KnobChange(3, 2, 0)))
    assert words == (
        f"zet stuurknop 6 ({six.name}) van {opening.numbered(1)} naar {opening.numbered(2)} "
        f"en stuurknop 3 ({three.name}) {model.word('opening', 0)}"
    )


def test_a_better_design_says_gain_cost_rate_and_fairness(model) -> None:
    dearer = better_sentence(model, design((KnobChange(6, 1, 2),), 5_000.0))
    assert dearer.startswith("Zet stuurknop 6")
    assert "0,25 meer waarde (tot 2,50) voor € 5.000 per jaar meer" in dearer
    assert "; 0,50 waarde per € 10.000" in dearer  # 0,25 / 5.000 × 10.000
    assert "elke partij die betaalt krijgt minstens haar deel" in dearer
    cheaper = better_sentence(model, design((KnobChange(5, 3, 0),), -2_000.0, robust=False))
    assert "en € 2.000 per jaar goedkoper" in cheaper and "per € 10.000" not in cheaper
    assert "niet elke partij die betaalt" in cheaper
    free = better_sentence(model, design((KnobChange(1, 0, 3),), 0.0))
    assert "zonder extra kosten" in free


def test_a_setting_in_short(model) -> None:
    off = model.word("opening", 0)
    assert setting_words(model, (0, 1, 2, 3, 0, 0, 0, 0, 0, 3)).startswith(
        f"1: {off} · 2: 1 · 3: 2"
    )
