"""The meeting's paper trail in words: an agenda point, a decision, an action and what is left to
do, said once for every face (the agenda PDF, the plan's chapter of decisions, the command line,
the overview).

Each entity becomes a small record of Dutch strings (:class:`PointText`, :class:`DecisionText`,
:class:`ActionText`); names come from the model (knobs, values) and the project (parties, cost
items, funding lines), the words of an origin or a status from the model's vocabularies, every
date from :func:`~stuurknop.presentation.numbers.dutch_date`. ``today`` is given, never read from
a clock, so that a document printed on a date says the same thing every time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stuurknop.engine.follow_up import FollowUp, follow_up
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Facts, Paragraph, PlanTable, Section
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import (
    Action,
    ActionStatus,
    AgendaPoint,
    Decision,
    Meeting,
    ProjectDocument,
    Scenario,
)

LATE = "te laat"
NONE = "–"
UNKNOWN_DATE = "datum nog niet bekend"


@dataclass(frozen=True)
class Names:
    """The project's names that the paper trail refers to: parties, cost items and funding
    lines (by id; a cost item or funding line as the given scenario has it, else as the first
    scenario that has it)."""

    parties: dict[str, str]
    cost_items: dict[str, str]
    funding_lines: dict[str, str]

    @classmethod
    def of(cls, document: ProjectDocument, scenario: Scenario | None = None) -> Names:
        parties = {p.id: p.name for p in document.parties}
        first = [scenario] if scenario is not None else []
        costs: dict[str, str] = {}
        funding: dict[str, str] = {}
        for s in [*first, *document.scenarios]:
            for item in s.costs:
                costs.setdefault(item.id, item.description)
            described = {c.id: c.description for c in s.costs}
            for line in s.funding:
                payer = parties.get(line.party, line.party)
                what = described.get(line.cost_item, costs.get(line.cost_item, line.cost_item))
                funding.setdefault(line.id, f"{payer} voor {what}")
        return cls(parties, costs, funding)

    def party(self, party_id: str | None) -> str:
        if party_id is None:
            return ""
        return self.parties.get(party_id, party_id)


@dataclass(frozen=True)
class PointText:
    number: int  # its place on the agenda, from 1
    title: str
    concerns: str  # "Stuurknop 5. Activiteiten; waarde Goed wonen", or ""
    brought_by: str  # the party's name, or ""
    origin: str  # the model's word: where the point came from
    explanation: str
    minutes: str
    outcome: str


@dataclass(frozen=True)
class DecisionText:
    title: str
    why: str
    decided_by: str  # the parties' names, or "–"
    date: str
    concerns: str  # knobs, cost items and funding lines by name, or "–"
    review: str  # "Bespreken vóór 1 maart 2027" (with "te laat" when passed), or "–"
    review_late: bool


@dataclass(frozen=True)
class ActionText:
    title: str
    owner: str  # "Gemeente Voorbeeldhaven (Anna de Vries)", or "–"
    due: str  # the date, or "–"
    status: str  # the model's word
    late: bool  # open and past its due date


def meeting_when(meeting: Meeting) -> str:
    """``20 januari 2026, Ontmoetingsruimte``: the date and the place of a meeting."""
    day = dutch_date(meeting.date) if meeting.date else UNKNOWN_DATE
    return f"{day}, {meeting.place}" if meeting.place.strip() else day


def point_concerns(model: Model, point: AgendaPoint) -> str:
    """What a point is about: its knob and its value, by the model's names."""
    parts = []
    if point.knob is not None:
        parts.append(f"stuurknop {point.knob}. {model.knob(point.knob).name}")
    if point.value is not None:
        parts.append(f"waarde {model.value(point.value).name}")
    return _sentence_start("; ".join(parts))


def point_texts(model: Model, document: ProjectDocument, meeting: Meeting) -> list[PointText]:
    """The meeting's agenda points in their order, numbered from 1."""
    names = Names.of(document)
    return [
        PointText(
            number=i,
            title=p.title,
            concerns=point_concerns(model, p),
            brought_by=names.party(p.brought_by),
            origin=model.word("agenda_origin", p.origin.value),
            explanation=p.explanation,
            minutes=p.minutes,
            outcome=p.outcome,
        )
        for i, p in enumerate(meeting.points, start=1)
    ]


def has_minutes(document: ProjectDocument, meeting: Meeting) -> bool:
    """Whether the meeting has been held as far as its papers tell: a point has minutes or an
    outcome, or a decision or an action was taken at it."""
    return (
        any(p.minutes.strip() or p.outcome.strip() for p in meeting.points)
        or any(d.meeting == meeting.id for d in document.decisions)
        or any(a.meeting == meeting.id for a in document.actions)
    )


def decision_concerns(model: Model, names: Names, decision: Decision) -> str:
    """The knobs, cost items and funding lines a decision is about, by name."""
    parts = [f"stuurknop {k}. {model.knob(k).name}" for k in decision.knobs]
    parts += [f"kostenpost {names.cost_items.get(c, c)}" for c in decision.cost_items]
    parts += [f"financiering {names.funding_lines.get(f, f)}" for f in decision.funding_lines]
    return _sentence_start("; ".join(parts)) or NONE


def review_text(review_date: dt.date | None, today: dt.date) -> tuple[str, bool]:
    """``Bespreken vóór 1 maart 2027``, with ``te laat`` once the date has passed."""
    if review_date is None:
        return NONE, False
    late = review_date < today
    text = f"Bespreken vóór {dutch_date(review_date)}"
    return (f"{text} ({LATE})" if late else text), late


def decision_text(model: Model, names: Names, decision: Decision, today: dt.date) -> DecisionText:
    review, late = review_text(decision.review_date, today)
    return DecisionText(
        title=decision.title,
        why=decision.why or NONE,
        decided_by=", ".join(names.party(p) for p in decision.decided_by) or NONE,
        date=dutch_date(decision.date),
        concerns=decision_concerns(model, names, decision),
        review=review,
        review_late=late,
    )


def action_owner(names: Names, action: Action) -> str:
    party = names.party(action.owner_party)
    person = action.owner_person.strip()
    if party and person:
        return f"{party} ({person})"
    return party or person or NONE


def action_text(model: Model, names: Names, action: Action, today: dt.date) -> ActionText:
    late = action.status is ActionStatus.OPEN and action.due is not None and action.due < today
    due = dutch_date(action.due) if action.due else NONE
    return ActionText(
        title=action.title,
        owner=action_owner(names, action),
        due=f"{due} ({LATE})" if late else due,
        status=model.word("action_status", action.status.value),
        late=late,
    )


def follow_up_sentences(follow: FollowUp, today: dt.date) -> tuple[str, ...]:
    """What is left to do on ``today``, in short sentences for a summary: the open actions (how
    many are late) and the decisions due for review."""
    count = len(follow.open_actions)
    late = follow.late_actions
    if count == 0:
        actions = "Er staan geen acties open."
    else:
        noun = "actie staat" if count == 1 else "acties staan"
        actions = f"{count} {noun} open" + (f", waarvan {late} {LATE}." if late else ".")
    reviews = len(follow.reviews_due)
    if reviews == 0:
        return (actions,)
    titles = "; ".join(
        f"{r.decision.title} (bespreken vóór {_date(r.decision.review_date)}"
        + (f", {LATE})" if r.late else ")")
        for r in follow.reviews_due
    )
    noun = "besluit moet" if reviews == 1 else "besluiten moeten"
    return actions, f"{reviews} {noun} opnieuw besproken worden: {titles}."


def _date(day: dt.date | None) -> str:
    return dutch_date(day) if day else NONE


def _sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- as blocks, for the plan, the agenda and the command line ---------------------------------


def decision_blocks(decisions: list[DecisionText]) -> list[Block]:
    """Each decision as its title and the facts of it (why, by whom, when, what it concerns,
    when to look at it again)."""
    blocks: list[Block] = []
    for d in decisions:
        blocks.append(Paragraph(d.title, "lead"))
        blocks.append(
            Facts(
                (
                    ("Waarom", d.why),
                    ("Besloten door", d.decided_by),
                    ("Datum", d.date),
                    ("Gaat over", d.concerns),
                    ("Opnieuw bekijken", d.review),
                )
            )
        )
    return blocks


def actions_table(actions: list[ActionText], caption: str, empty: str) -> PlanTable:
    """Actions as a table: what, who, by when (late marked), status."""
    return PlanTable(
        caption,
        ("Actie", "Wie", "Klaar op", "Status"),
        tuple((a.title, a.owner, a.due, a.status) for a in actions),
        empty=empty,
    )


def follow_up_section(model: Model, document: ProjectDocument, today: dt.date) -> Section:
    """What the meetings left to do on ``today``, for a report: the sentences of the summary,
    the open actions (late first) and the decisions due for review."""
    follow = follow_up(document, today)
    names = Names.of(document)
    reviews = [decision_text(model, names, r.decision, today) for r in follow.reviews_due]
    blocks: list[Block] = [Paragraph(s) for s in follow_up_sentences(follow, today)]
    opened = [action_text(model, names, o.action, today) for o in follow.open_actions]
    if opened:
        blocks.append(actions_table(opened, "Open acties, de te late eerst", ""))
    if reviews:
        blocks.append(
            PlanTable(
                "Besluiten om opnieuw te bekijken",
                ("Besluit", "Opnieuw bekijken", "Besloten door"),
                tuple((d.title, d.review, d.decided_by) for d in reviews),
            )
        )
    return Section("afspraken", "Afspraken: open acties en besluiten", 1, tuple(blocks))
