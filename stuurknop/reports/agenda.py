"""The agenda of a meeting on A4 (the registry's ``agenda`` format), and its minutes after it.

Before the meeting it is the agenda to share with the partners: the meeting's title, project,
date and place, then the points in their order, numbered, each with what it concerns (the knob
and value by the model's names), who brings it in, where it came from, its explanation and room
for notes. Once the meeting has its minutes (a point with minutes or an outcome, or a decision
or action taken at it) the same document is the agenda and minutes: per point what was said and
the outcome, then the decisions and the actions taken at that meeting. One format, so the link
shared before the meeting gives the minutes afterwards.

Typeset by Typst from plain data (``templates/agenda.typ``), tagged and PDF/UA-1 like the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Facts, Paragraph, Section, paragraphs
from stuurknop.presentation.meetings import (
    Names,
    PointText,
    action_text,
    actions_table,
    decision_blocks,
    decision_text,
    has_minutes,
    meeting_when,
    point_texts,
)
from stuurknop.presentation.numbers import dutch_date
from stuurknop.projectfile.schema import Meeting, ProjectDocument, Scenario
from stuurknop.reports.base import DocumentError, Options, Rendered, file_stem
from stuurknop.reports.plan_pdf import section_data
from stuurknop.reports.registry import PDF
from stuurknop.reports.typesetting import typeset

__all__ = ["agenda_data", "choose_meeting", "render_agenda"]

# What a project without meetings gets: an empty agenda to fill in on paper.
BLANK = Meeting(id="overleg", title="Overleg")


def render_agenda(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The agenda (and, once held, the minutes) of the meeting ``options.meeting``; without
    one, of the next meeting."""
    meeting = choose_meeting(document, options.meeting, options.today) or BLANK
    minutes = has_minutes(document, meeting)
    kind = "verslag" if minutes else "agenda"
    stem = file_stem(kind, document.project.name, meeting.title, _iso(meeting.date))
    data = agenda_data(model, document, meeting, today=options.today)
    return Rendered(f"{stem}.pdf", PDF, typeset("agenda.typ", data, today=options.today))


def choose_meeting(document: ProjectDocument, meeting_id: str, today: dt.date) -> Meeting | None:
    """The meeting with ``meeting_id`` (a Dutch error when there is none); without an id the
    next meeting on or after ``today`` (the earliest), else the latest one held; None when the
    project has no meetings yet."""
    if meeting_id:
        for meeting in document.meetings:
            if meeting.id == meeting_id:
                return meeting
        known = ", ".join(m.id for m in document.meetings) or "nog geen"
        raise DocumentError(f"Het project heeft geen overleg {meeting_id!r}; wel: {known}.")
    if not document.meetings:
        return None
    dated = [m for m in document.meetings if m.date is not None]
    coming = [m for m in dated if m.date is not None and m.date >= today]
    if coming:
        return min(coming, key=lambda m: (m.date, m.id))
    if dated:
        return max(dated, key=lambda m: (m.date, m.id))
    return document.meetings[-1]  # none has a date: the last one made


def agenda_data(
    model: Model, document: ProjectDocument, meeting: Meeting, *, today: dt.date
) -> dict[str, Any]:
    """Everything ``templates/agenda.typ`` prints, as JSON-ready data."""
    minutes = has_minutes(document, meeting)
    kind = "Agenda en verslag" if minutes else "Agenda"
    points = point_texts(model, document, meeting)
    sections = [{**section_data(_point(p, minutes)), "notes": not minutes} for p in points] or [
        {**section_data(_no_points(meeting)), "notes": True}
    ]
    after = [section_data(s) for s in _taken(model, document, meeting, today)] if minutes else []
    project = document.project.name
    return {
        "title": f"{kind}: {meeting.title}",
        "description": f"{kind} van {meeting.title} ({meeting_when(meeting)}), {project}",
        "kind": kind,
        "meeting": meeting.title,
        "project": project,
        "facts": [
            ["Project", project],
            ["Datum en plaats", meeting_when(meeting)],
            ["Agendapunten", str(len(points))],
            ["Gemaakt op", dutch_date(today)],
        ],
        "minutes": minutes,
        "points": sections,
        "after": after,
    }


def _no_points(meeting: Meeting) -> Section:
    note = (
        "Dit project heeft nog geen overleg in Stuurknop. Maak een overleg met zijn "
        "agendapunten; tot dan is dit een lege agenda om op papier in te vullen."
        if meeting is BLANK
        else "Dit overleg heeft nog geen agendapunten."
    )
    return Section("geen-punten", "Nog geen agendapunten", 2, (Paragraph(note, "note"),))


def _point(point: PointText, minutes: bool) -> Section:
    facts = [("Gaat over", point.concerns)] if point.concerns else []
    if point.brought_by:
        facts.append(("Ingebracht door", point.brought_by))
    facts.append(("Herkomst", point.origin))
    blocks: list[Block] = [Facts(tuple(facts)), *paragraphs(point.explanation)]
    if minutes:
        blocks.append(Paragraph("Verslag", "lead"))
        blocks.extend(paragraphs(point.minutes) or [Paragraph("Niets vastgelegd.", "note")])
        if point.outcome.strip():
            blocks.append(Paragraph("Uitkomst", "lead"))
            blocks.extend(paragraphs(point.outcome))
    return Section(f"punt-{point.number}", f"{point.number}. {point.title}", 2, tuple(blocks))


def _taken(
    model: Model, document: ProjectDocument, meeting: Meeting, today: dt.date
) -> list[Section]:
    """The decisions and actions taken at ``meeting``."""
    names = Names.of(document)
    decisions = [
        decision_text(model, names, d, today) for d in document.decisions if d.meeting == meeting.id
    ]
    actions = [
        action_text(model, names, a, today) for a in document.actions if a.meeting == meeting.id
    ]
    taken: list[Block] = (
        list(decision_blocks(decisions))
        if decisions
        else [Paragraph("Er is in dit overleg niets besloten.", "note")]
    )
    return [
        Section("besluiten", "Besluiten", 1, tuple(taken)),
        Section(
            "acties",
            "Acties",
            1,
            (actions_table(actions, "Acties uit dit overleg", "Er zijn geen acties afgesproken."),),
        ),
    ]


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
