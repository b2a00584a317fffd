"""Votes of a live session, summed up: how many chose each score, the median and the spread.

A live session asks every participant for a score 0–3 per item (a value's importance, how far
to open a knob; 0 is "uit" for a knob). The beamer shows, per item, the distribution over the
four scores, the median (the middle of the sorted scores; the mean of the two middle ones for
an even count) and the spread (highest − lowest): a wide spread is where the conversation
should go, as on the divergence page. Closing a session turns the votes of one party's
participants into that party's perspective with :func:`party_score`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from stuurknop.engine.reasons import Reason, reason

SCORES: tuple[int, ...] = (0, 1, 2, 3)


@dataclass(frozen=True)
class VoteSummary:
    count: int
    distribution: tuple[tuple[int, int], ...]  # (score, how many chose it), for every score
    median: float | None  # None without votes
    spread: int | None  # highest − lowest; None without votes
    lowest: int | None
    highest: int | None
    reason: Reason

    @property
    def agreed(self) -> bool:
        """Everyone who voted chose the same score."""
        return self.spread == 0


def summarise(scores: Iterable[int]) -> VoteSummary:
    """The summary of one item's scores (each 0–3; anything else is a ValueError)."""
    counted = sorted(scores)
    wrong = [s for s in counted if s not in SCORES]
    if wrong:
        raise ValueError(f"scores must be one of {SCORES}, not {wrong}")
    distribution = tuple((score, counted.count(score)) for score in SCORES)
    if not counted:
        return VoteSummary(0, distribution, None, None, None, None, reason("votes.none"))
    low, high = counted[0], counted[-1]
    middle = float(median(counted))
    why = reason(
        "votes.summary",
        count=len(counted),
        median=middle,
        spread=high - low,
        lowest=low,
        highest=high,
    )
    return VoteSummary(len(counted), distribution, middle, high - low, low, high, why)


def party_score(scores: Iterable[int]) -> int | None:
    """One party's score from its participants' scores: the median, rounded half up.

    Half up (1.5 → 2) rather than Python's round-half-even, so that two participants of one
    party who say 1 and 2 count as 2 whatever the scores are, as a person would round.
    """
    counted = list(scores)
    if not counted:
        return None
    middle = Decimal(str(median(counted)))
    return int(middle.quantize(Decimal(1), rounding=ROUND_HALF_UP))
