"""The meeting's paper trail in words: names from the model and the project, the model's words
for origin and status, dates in Dutch, late marked, and the summary's sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from stuurknop.engine.follow_up import follow_up
from stuurknop.examples.meetings import thuisflat_with_meetings
from stuurknop.presentation.blocks import Paragraph, PlanTable
from stuurknop.presentation.meetings import (
    LATE,
    Names,
    action_text,
    decision_text,
    follow_up_section,
    follow_up_sentences,
    has_minutes,
    meeting_when,
    point_texts,
    review_text,
)
from stuurknop.projectfile import ProjectDocument, parse_document
from stuurknop.projectfile.schema import Action, ActionStatus


@pytest.fixture(scope="module")
def document() -> ProjectDocument:
    return parse_document(thuisflat_with_meetings())


def test_points_are_numbered_in_order_with_the_models_and_the_projects_names(model, document):
    held = document.meetings[0]
    points = point_texts(model, document, held)

    assert [p.number for p in points] == [1, 2, 3]
    assert [p.title for p in points] == [p.title for p in held.points]
    assert points[0].concerns == "Stuurknop 5. Inrichten activiteitenaanbod; waarde Goed wonen"
    assert points[0].brought_by == "Welzijn Voorbeeldhaven"
    assert points[0].origin == model.word("agenda_origin", "verschillen")
    assert points[1].concerns == "Stuurknop 2. Inrichting en gebruik ontmoetingsruimte"


def test_a_point_about_nothing_in_particular_says_so_by_saying_nothing(model, document):
    meeting = document.meetings[0].model_copy(
        update={
            "points": [
                document.meetings[0]
                .points[0]
                .model_copy(update={"knob": None, "value": None, "brought_by": None})
            ]
        }
    )
    [point] = point_texts(model, document, meeting)
    assert point.concerns == "" and point.brought_by == ""


def test_the_date_and_place_of_a_meeting(document):
    assert meeting_when(document.meetings[1]) == "17 maart 2026, Ontmoetingsruimte Parkzicht"
    unknown = document.meetings[1].model_copy(update={"date": None, "place": ""})
    assert meeting_when(unknown) == "datum nog niet bekend"


def test_a_meeting_has_minutes_once_a_point_is_minuted_or_something_was_decided(document):
    held, coming = document.meetings
    assert has_minutes(document, held)
    assert not has_minutes(document, coming)


def test_a_decision_names_what_it_concerns_and_when_to_review(model, document):
    text = decision_text(model, Names.of(document), document.decisions[1], dt.date(2026, 2, 1))

    assert text.decided_by == "Woonbedrijf Voorbeeldhaven, Gemeente Voorbeeldhaven"
    assert text.date == "20 januari 2026"
    assert text.concerns == (
        "Stuurknop 2. Inrichting en gebruik ontmoetingsruimte; kostenpost Keuken "
        "ontmoetingsruimte vernieuwen; financiering Woonbedrijf Voorbeeldhaven voor Keuken "
        "ontmoetingsruimte vernieuwen; financiering Gemeente Voorbeeldhaven voor Keuken "
        "ontmoetingsruimte vernieuwen"
    )
    assert text.review == "Bespreken vóór 1 september 2026" and not text.review_late


def test_a_review_date_that_has_passed_is_late():
    day = dt.date(2027, 3, 1)
    assert review_text(day, day) == ("Bespreken vóór 1 maart 2027", False)
    assert review_text(day, day + dt.timedelta(days=1)) == (
        f"Bespreken vóór 1 maart 2027 ({LATE})",
        True,
    )
    assert review_text(None, day) == ("–", False)


def test_an_open_action_past_its_due_date_is_late_a_done_one_never(model, document):
    names = Names.of(document)
    subsidy, quotes, _ = document.actions
    on_time = action_text(model, names, subsidy, dt.date(2026, 3, 1))
    late = action_text(model, names, subsidy, dt.date(2026, 3, 2))
    done = action_text(model, names, quotes, dt.date(2027, 1, 1))

    assert on_time.due == "1 maart 2026" and not on_time.late
    assert late.due == "1 maart 2026 (te laat)" and late.late
    assert late.owner == "Gemeente Voorbeeldhaven (Anna de Vries)"
    assert late.status == model.word("action_status", "open")
    assert done.due == "15 februari 2026" and not done.late
    assert done.status == model.word("action_status", "klaar")


def test_an_action_owned_by_a_person_only_or_nobody(model, document):
    names = Names.of(document)
    person = Action(id="a", title="Bellen", owner_person="Ans", status=ActionStatus.OPEN)
    nobody = Action(id="b", title="Bellen")
    assert action_text(model, names, person, dt.date(2026, 1, 1)).owner == "Ans"
    assert action_text(model, names, nobody, dt.date(2026, 1, 1)).owner == "–"
    assert action_text(model, names, nobody, dt.date(2026, 1, 1)).due == "–"


def test_the_summary_sentences_count_open_and_late_actions_and_name_reviews(document):
    day = dt.date(2026, 3, 5)
    assert follow_up_sentences(follow_up(document, day), day) == (
        "2 acties staan open, waarvan 1 te laat.",
    )
    day = dt.date(2026, 9, 2)
    assert follow_up_sentences(follow_up(document, day), day) == (
        "2 acties staan open, waarvan 2 te laat.",
        "1 besluit moet opnieuw besproken worden: De keuken van de ontmoetingsruimte wordt in "
        "2026 vernieuwd (bespreken vóór 1 september 2026, te laat).",
    )
    empty = document.model_copy(update={"actions": [], "decisions": []})
    assert follow_up_sentences(follow_up(empty, day), day) == ("Er staan geen acties open.",)


def test_the_report_section_has_the_sentences_the_actions_and_the_reviews(model, document):
    day = dt.date(2026, 8, 10)
    section = follow_up_section(model, document, day)
    paragraphs = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    tables = [b for b in section.blocks if isinstance(b, PlanTable)]

    assert paragraphs[0] == "2 acties staan open, waarvan 2 te laat."
    assert [row[0] for row in tables[0].rows] == [
        "Subsidie voor de coördinator aanvragen tot eind 2029",
        "Bewoners vragen wat zij willen in het beweegprogramma",
    ]
    assert tables[1].rows == (
        (
            "De keuken van de ontmoetingsruimte wordt in 2026 vernieuwd",
            "Bespreken vóór 1 september 2026",
            "Woonbedrijf Voorbeeldhaven, Gemeente Voorbeeldhaven",
        ),
    )
