"""The model's words for stored values, as the web's choices: taken from the model data.

Scales and enumerations are spelled once, in the model version's ``scales.yaml``; forms, field
choices, the live session and the pages take them from here. Projects record their model
version; every shipped version has the same keys (the project file's enumerations, checked by
tests/gespreksmodel/test_vocabulary.py), so the choices of a form come from the default version
and the words shown for a project come from its own version (``load_model(version)``).
"""

from __future__ import annotations

from stuurknop.gespreksmodel import load_model

_MODEL = load_model()


def word_choices(vocabulary: str) -> list[tuple[str, str]]:
    """(stored key, word) pairs of an enumeration, in the model's order."""
    return _MODEL.vocabulary(vocabulary).choices()


def scale_choices(scale: str, *, lowest: int = 0) -> list[tuple[str, str]]:
    """(key as text, "2 – gemiddeld") pairs of a numbered scale, from ``lowest`` up."""
    numbered = _MODEL.scale(scale)
    return [(str(key), numbered.numbered(key)) for key in numbered.keys if key >= lowest]


def scale_word(scale: str, key: int) -> str:
    """The plain word of one step of a scale: ``gemiddeld``."""
    return _MODEL.scale(scale).word(key)


KNOB_STATUSES = word_choices("knob_status")
FUNDING_STATUSES = word_choices("funding_status")
COST_KINDS = word_choices("cost_kind")
PHASES = word_choices("phase")
# How far a knob is opened: 1–3 on the worksheet (off is the status), 0–3 in a perspective.
KNOB_OPENINGS = scale_choices("opening", lowest=1)
OPENINGS = scale_choices("opening")
WEIGHTS = scale_choices("weight")
