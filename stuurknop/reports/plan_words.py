"""The Dutch words of the plan for the document's enumerations and spans of years (dates are
written by :func:`stuurknop.presentation.numbers.dutch_date`, re-exported here)."""

from __future__ import annotations

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Severity
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import FundingStatus, Phase

# The words of the enumerations are the model's (scales.yaml), from the default version: every
# shipped version has the same keys (tests/gespreksmodel/test_vocabulary.py).
_MODEL = load_model()
PHASE_WORDS = {phase: _MODEL.word("phase", phase.value) for phase in Phase}
STATUS_WORDS = {status: _MODEL.word("funding_status", status.value) for status in FundingStatus}
SEVERITY_WORDS = {severity: _MODEL.word("severity", severity.value) for severity in Severity}


def years_text(years: range, *, structural: bool = False) -> str:
    """The years money runs, in words: ``2026``, ``2026–2029``; a structural cost runs on
    after the horizon (``2026–2034, structureel``); an empty span is outside the horizon."""
    if not years:
        return "buiten de looptijd"
    span = str(years.start) if len(years) == 1 else f"{years.start}–{years.stop - 1}"
    return f"{span}, structureel" if structural else span


__all__ = ["PHASE_WORDS", "SEVERITY_WORDS", "STATUS_WORDS", "dutch_date", "years_text"]
