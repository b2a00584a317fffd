"""The plan's chapter of decisions and actions: what the partners decided (what, why, by whom,
when, what it concerns, when to look at it again) and what is still to be done (what, who, by
when, late ones first and marked), from the project file's decisions and actions, said by
:mod:`stuurknop.presentation.meetings`. The change log is no longer this chapter: it is the
plan's last appendix (:func:`~stuurknop.reports.plan_followup.log_section`)."""

from __future__ import annotations

import datetime as dt

from stuurknop.engine.follow_up import follow_up
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Paragraph, Section
from stuurknop.presentation.meetings import (
    Names,
    action_text,
    actions_table,
    decision_blocks,
    decision_text,
)
from stuurknop.projectfile.schema import ProjectDocument, Scenario

# A project may hold a thousand decisions and two thousand actions; the plan prints the most
# recent decisions and the first open actions, and says where the rest are.
PLAN_DECISIONS = 100
PLAN_ACTIONS = 100


def decisions_sections(
    model: Model, document: ProjectDocument, scenario: Scenario, *, today: dt.date
) -> list[Section]:
    """The chapter "Besluiten en acties" and its part on the open actions."""
    names = Names.of(document, scenario)
    decisions = sorted(document.decisions, key=lambda d: (d.date, d.id))
    shown = decisions[-PLAN_DECISIONS:]
    blocks: list[Block] = [
        Paragraph(
            "Wat de partijen hebben besloten, oudste eerst: waarom, door wie, waar het over "
            "gaat en wanneer het opnieuw op tafel komt."
        )
    ]
    if len(shown) < len(decisions):
        blocks.append(_rest(len(shown), len(decisions), "besluiten"))
    if shown:
        blocks += decision_blocks([decision_text(model, names, d, today) for d in shown])
    else:
        blocks.append(Paragraph("Er zijn nog geen besluiten vastgelegd.", "note"))

    follow = follow_up(document, today)
    open_actions = [action_text(model, names, o.action, today) for o in follow.open_actions]
    actions: list[Block] = []
    if len(open_actions) > PLAN_ACTIONS:
        actions.append(_rest(PLAN_ACTIONS, len(open_actions), "open acties"))
    actions.append(
        actions_table(
            open_actions[:PLAN_ACTIONS],
            "Open acties, de te late eerst",
            "Er staan geen acties open.",
        )
    )
    if follow.done_actions:
        done = follow.done_actions
        actions.append(
            Paragraph(f"{done} {'actie is' if done == 1 else 'acties zijn'} al klaar.", "note")
        )
    return [
        Section("besluiten", "Besluiten en acties", 1, tuple(blocks), page_break=True),
        Section("acties", "Open acties", 2, tuple(actions)),
    ]


def _rest(shown: int, total: int, what: str) -> Paragraph:
    return Paragraph(
        f"Hier staan {shown} van de {total} {what}. Alle staan in Stuurknop en in het "
        "projectbestand.",
        "note",
    )
