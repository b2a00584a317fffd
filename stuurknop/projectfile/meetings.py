"""The partners' meetings and what they agree: the paper trail from a difference to an action.

A meeting has an agenda of points, each brought in by a party and about a knob or a value, put
there by hand or from a page of the tool (the differences between perspectives, the checks, the
checklist). During the meeting each point gets its minutes: what was said and the outcome. A
point can lead to decisions (what, why, by whom, when, what it concerns, when to look at it
again) and actions (what, who, by when, open or done). Decisions and actions live beside the
meetings, so that one taken outside a meeting has a place too; ``meeting`` and ``point`` say
where one came from.
"""

from __future__ import annotations

from pydantic import Field

from stuurknop.projectfile.fields import (
    ActionStatus,
    AgendaOrigin,
    Date,
    Doc,
    Id,
    KnobNumber,
    LongText,
    Name,
    ShortText,
)

MAX_MEETINGS = 200
MAX_AGENDA_POINTS = 60  # per meeting: a long afternoon has perhaps fifteen
MAX_DECISIONS = 1_000
MAX_ACTIONS = 2_000


class AgendaPoint(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="onderwerp")
    explanation: LongText = Field("", title="toelichting")
    origin: AgendaOrigin = Field(AgendaOrigin.HAND, title="herkomst")
    knob: KnobNumber | None = Field(None, title="stuurknop")
    value: Id | None = Field(None, title="waarde")
    brought_by: Id | None = Field(
        None, title="ingebracht door", description="De partij die het punt inbrengt."
    )
    minutes: LongText = Field("", title="verslag", description="Wat er over is gezegd.")
    outcome: LongText = Field("", title="uitkomst")


class Meeting(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="naam")
    date: Date | None = Field(None, title="datum")
    place: ShortText = Field("", title="plaats")
    points: list[AgendaPoint] = Field(
        default_factory=list, max_length=MAX_AGENDA_POINTS, title="agendapunten"
    )

    def point(self, point_id: str) -> AgendaPoint:
        for point in self.points:
            if point.id == point_id:
                return point
        raise KeyError(point_id)


class Decision(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="besluit", description="Wat is besloten.")
    why: LongText = Field("", title="waarom")
    decided_by: list[Id] = Field(
        default_factory=list, max_length=50, title="besloten door", description="De partijen."
    )
    date: Date = Field(title="datum")
    review_date: Date | None = Field(
        None, title="opnieuw bekijken op", description="Wanneer het besluit weer op tafel komt."
    )
    knobs: list[KnobNumber] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    cost_items: list[Id] = Field(default_factory=list, max_length=200, title="kostenposten")
    funding_lines: list[Id] = Field(default_factory=list, max_length=400, title="financiering")
    meeting: Id | None = Field(None, title="overleg")
    point: Id | None = Field(None, title="agendapunt")


class Action(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="actie", description="Wat er moet gebeuren.")
    owner_party: Id | None = Field(None, title="partij")
    owner_person: ShortText = Field("", title="persoon")
    due: Date | None = Field(None, title="klaar op")
    status: ActionStatus = Field(ActionStatus.OPEN, title="status")
    decision: Id | None = Field(None, title="besluit")
    meeting: Id | None = Field(None, title="overleg")
    point: Id | None = Field(None, title="agendapunt")
