"""What the beamer shows beyond the plain results: the current step's results per party, only
when the facilitator switched it on for a revealed step (``LiveSession.breakdown``), never
before the reveal; and how many remarks fit on the screen.

Per party that takes part (a removed participant's party only if others remain), in the
project's order of parties: per scored item the number of votes, the distribution and the
median. Party names only: no participant's name is shown.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from stuurknop.engine.votes import summarise
from stuurknop.web.live.models import LiveSession, Participant, Vote
from stuurknop.web.live.steps import Step, score_labels


def breakdown_shown(session: LiveSession, step: Step) -> bool:
    """Whether the per-party results of ``step`` show: switched on for it, and revealed."""
    return (
        bool(session.breakdown) and session.breakdown == step.key and step.key in session.revealed
    )


def median_text(median: float | None) -> str:
    return "–" if median is None else f"{median:g}".replace(".", ",")


def party_breakdown(session: LiveSession, step: Step) -> list[dict[str, Any]] | None:
    """Per party: ``{"party": name, "results": [{"item", "count", "distribution", "median",
    "median_text"}]}``; None unless :func:`breakdown_shown`."""
    if not breakdown_shown(session, step):
        return None
    scored = [item for item in step.items if item.scored]
    parties = (
        Participant.objects.filter(session=session, removed_at__isnull=True)
        .order_by("party__position", "party_id")
        .values_list("party_id", "party__name")
        .distinct()
    )
    scores: dict[tuple[int, str], list[int]] = defaultdict(list)
    rows = Vote.objects.filter(
        participant__session=session,
        participant__removed_at__isnull=True,
        item__in=[item.key for item in scored],
        score__isnull=False,
    ).values_list("participant__party_id", "item", "score")
    for party_id, key, score in rows:
        if score is not None:
            scores[(party_id, key)].append(score)
    result = []
    seen: set[int] = set()
    for party_id, name in parties:
        if party_id in seen:
            continue
        seen.add(party_id)
        items = []
        for item in scored:
            summary = summarise(scores[(party_id, item.key)])
            items.append(
                {
                    "item": item.key,
                    "label": item.label,
                    "count": summary.count,
                    "distribution": [{"score": s, "count": n} for s, n in summary.distribution],
                    "median": summary.median,
                    "median_text": median_text(summary.median),
                }
            )
        result.append({"party": name, "results": items})
    return result


def breakdown_context(step: Step, parties: list[dict[str, Any]] | None) -> dict[str, Any]:
    """What ``live/_breakdown.html`` draws: the answers' words for a one-item step (a row per
    party with its count per answer), or the items for a step of several (a median per party
    and item)."""
    scored = [item for item in step.items if item.scored]
    if not parties or not scored:
        return {"breakdown": None}
    return {
        "breakdown": parties,
        "breakdown_single": len(scored) == 1,
        "breakdown_answers": [label for _score, label in score_labels(scored[0].kind)],
        "breakdown_items": scored,
    }


# How much remark text a beamer shows, in characters (a remark costs its text, its party and
# about a line): up to NORMAL in two columns of the normal size, up to DENSE in three columns
# of a smaller one (still 2 % of the screen's height); the rest only on the facilitator's page,
# the beamer saying how many more there are. Measured at 1280×720 and 1920×1080
# (tests/browser/test_beamer.py).
REMARKS_NORMAL = 1500
REMARKS_DENSE = 2100
REMARK_LINE = 60


def remarks_context(remarks: list[dict[str, str]]) -> dict[str, Any]:
    """The remarks, each marked ``extra`` once the beamer's room for them is used up."""
    costs = [len(r["text"]) + len(r["party"]) + REMARK_LINE for r in remarks]
    dense = sum(costs) > REMARKS_NORMAL
    shown, used = [], 0
    for remark, cost in zip(remarks, costs, strict=True):
        used += cost
        shown.append({**remark, "extra": used > REMARKS_DENSE})
    return {
        "remarks": shown,
        "remarks_dense": dense,
        "remarks_extra": sum(1 for r in shown if r["extra"]),
    }
