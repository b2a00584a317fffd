"""What a participant and a screen see of a session, as the JSON of PROTOCOL.md.

Each payload carries its HTML too, rendered by the same templates as the first page load, so
the scripts only swap a region and never build markup from data themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.template.loader import render_to_string

from stuurknop.engine.votes import summarise
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.web.live.breakdown import (
    breakdown_context,
    median_text,
    party_breakdown,
    remarks_context,
)
from stuurknop.web.live.models import LiveSession, Participant, Vote
from stuurknop.web.live.steps import Step, score_labels, step_by_key, steps_for


def current_step(session: LiveSession) -> tuple[Step, tuple[Step, ...]]:
    steps = steps_for(session.project.model_version)
    return step_by_key(steps, session.step) or steps[0], steps


def _step_data(session: LiveSession, step: Step, steps: tuple[Step, ...]) -> dict[str, Any]:
    return {
        "key": step.key,
        "index": step.index,
        "count": len(steps),
        "title": step.title,
        "revealed": step.key in session.revealed,
    }


def _session_data(session: LiveSession) -> dict[str, Any]:
    return {"name": session.name, "code": session.code}


# --- A participant ------------------------------------------------------------------------


def own_votes(participant: Participant | None) -> dict[str, dict[str, Any]]:
    if participant is None:
        return {}
    return {
        item: {"score": score, "remark": remark}
        for item, score, remark in participant.votes.values_list("item", "score", "remark")
    }


def step_form_context(
    step: Step, votes: dict[str, dict[str, Any]], errors: dict[str, str] | None = None
) -> dict[str, Any]:
    """The fields of one step's form: per item the answers, the vote so far, any error."""
    return {
        "step": step,
        "items": [
            {
                "item": item,
                "choices": score_labels(item.kind) if item.scored else [],
                "chosen": votes.get(item.key, {}).get("score"),
                "remark": votes.get(item.key, {}).get("remark", ""),
                "error": (errors or {}).get(item.key, ""),
            }
            for item in step.items
        ],
    }


def participant_state(session: LiveSession, participant: Participant | None) -> dict[str, Any]:
    """A participant's view: their step's form and own votes; the step's results (everyone's
    distribution and median) only once the facilitator revealed the step, never before."""
    step, steps = current_step(session)
    votes = own_votes(participant)
    html = ""
    if participant is not None and session.is_open:
        html = render_to_string("live/_vote_step.html", step_form_context(step, votes))
    shared = people_results(session) if participant is not None else _NO_RESULTS
    return {
        "type": "state",
        "revision": session.revision,
        "open": session.is_open,
        "joined": participant is not None,
        "session": _session_data(session),
        "step": _step_data(session, step, steps),
        "participant": (
            {"name": participant.name, "party": participant.party.name} if participant else None
        ),
        "votes": votes,
        "html": html,
        "results": shared["results"],
        "results_html": shared["html"],
    }


_NO_RESULTS: dict[str, Any] = {"results": None, "html": ""}


def people_results(session: LiveSession) -> dict[str, Any]:
    """What every participant sees of the current step's results: ``results`` (per scored
    item the distribution with the scale's words, and the median) and its ``html``; None and
    "" while the step is not revealed. The same for every participant, so made once."""
    step, _steps = current_step(session)
    if step.key not in session.revealed:
        return dict(_NO_RESULTS)
    keys = [item.key for item in step.items]
    rows = Vote.objects.filter(
        participant__session=session, participant__removed_at__isnull=True, item__in=keys
    ).values_list("item", "score")
    results = []
    for result in _tallies(step, list(rows)):
        shown = _shown(result, step)
        results.append(
            {
                "item": result["item"],
                "label": result["label"],
                "count": result["count"],
                "distribution": [
                    {"score": d["score"], "label": row["label"], "count": d["count"]}
                    for d, row in zip(result["distribution"], shown["rows"], strict=True)
                ],
                "median": result["median"],
                "median_text": shown["median_text"],
                "median_label": _median_label(result["median"], shown["rows"]),
            }
        )
    html = render_to_string("live/_own_results.html", {"step": step, "results": results})
    return {"results": results, "html": html}


def _median_label(median: float | None, rows: list[dict[str, Any]]) -> str | None:
    """The answer the median stands for, when it is a whole one (a half lies between two)."""
    if median is None or median != int(median):
        return None
    return str(rows[int(median)]["label"])


def _tallies(step: Step, rows: list[tuple[str, int | None]]) -> list[dict[str, Any]]:
    """Per scored item of ``step``: the count, distribution, median and spread of ``rows``
    (item, score)."""
    results = []
    for item in step.items:
        if not item.scored:
            continue
        summary = summarise(score for key, score in rows if key == item.key and score is not None)
        results.append(
            {
                "item": item.key,
                "label": item.label,
                "count": summary.count,
                "distribution": [{"score": s, "count": n} for s, n in summary.distribution],
                "median": summary.median,
                "spread": summary.spread,
                "reason": reason_text(summary.reason),
            }
        )
    return results


# --- The beamer and the facilitator ---------------------------------------------------------


def screen_state(session: LiveSession) -> dict[str, Any]:
    """Counts always; the distribution, median and spread only once the step is revealed."""
    step, steps = current_step(session)
    keys = [item.key for item in step.items]
    participants = session.participants.filter(removed_at__isnull=True).count()
    votes = list(
        Vote.objects.filter(
            participant__session=session, participant__removed_at__isnull=True, item__in=keys
        ).values_list("participant_id", "item", "score", "remark", "participant__party__name")
    )
    voted = len({row[0] for row in votes})
    revealed = step.key in session.revealed
    results = None
    remarks: list[dict[str, str]] = []
    if revealed:
        results = _tallies(step, [(row[1], row[2]) for row in votes])
        remarks = [{"party": row[4], "text": row[3]} for row in votes if row[3]]
    parties = party_breakdown(session, step) if revealed else None
    context = {
        "session": session,
        "step": step,
        "steps": steps,
        "participants": participants,
        "voted": voted,
        "revealed": revealed,
        "results": [_shown(r, step) for r in results or []],
        **remarks_context(remarks),
        **breakdown_context(step, parties),
    }
    return {
        "type": "screen",
        "revision": session.revision,
        "open": session.is_open,
        "session": _session_data(session),
        "step": _step_data(session, step, steps),
        "participants": participants,
        "voted": voted,
        "results": results,
        "breakdown": parties,
        "html": render_to_string("live/_results.html", context),
    }


def participants_overview(session: LiveSession) -> list[Participant]:
    """Who takes part (removed people left out), in the order they joined, each with
    ``vote_count``: the facilitator's list, to spot a double or a stranger and remove them."""
    return list(
        session.participants.filter(removed_at__isnull=True)
        .select_related("party")
        .annotate(vote_count=Count("votes"))
        .order_by("joined_at", "id")
    )


BAR_WIDTH = 100  # a bar's length for the most-chosen answer, in its SVG's units


def _shown(result: dict[str, Any], step: Step) -> dict[str, Any]:
    """A result with what the template draws: labelled rows and bar lengths."""
    kind = next(i.kind for i in step.items if i.key == result["item"])
    labels = dict(score_labels(kind))
    most = max((d["count"] for d in result["distribution"]), default=0) or 1
    median = result["median"]
    return {
        **result,
        "median_text": median_text(median),
        "rows": [
            {
                "label": labels[d["score"]],
                "count": d["count"],
                "width": round(BAR_WIDTH * d["count"] / most),
            }
            for d in result["distribution"]
        ],
    }
