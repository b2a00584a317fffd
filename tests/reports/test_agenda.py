"""The agenda of a meeting as an A4 PDF, read back: its points in order with their knob and party
by name, room for notes before the meeting, the minutes, decisions and actions after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stuurknop.projectfile import parse_document
from stuurknop.reports import FORMATS, DocumentError, Options, render
from stuurknop.reports.agenda import choose_meeting

from .plan_projects import with_meetings
from .printed import assert_accessible, is_paper, page_sizes, pages_text

BEFORE = dt.date(2026, 2, 1)  # between the held meeting and the next one


def agenda_text(model, document, meeting: str = "", today: dt.date = BEFORE) -> str:
    rendered = render("agenda", model, document, options=Options(today=today, meeting=meeting))
    return " ".join(pages_text(rendered.content))


@pytest.fixture(scope="module")
def document():
    return with_meetings()


def test_the_agenda_is_a_format_with_a_meeting_option():
    fmt = FORMATS["agenda"]
    assert fmt.extension == "pdf"
    assert [o.name for o in fmt.options] == ["meeting"]
    assert fmt.options[0].query == "overleg"
    assert fmt.options[0].choose(None) == ""
    assert fmt.options[0].choose(" stuurgroep-maart ") == "stuurgroep-maart"


def test_the_agenda_lists_the_points_in_order_with_knob_party_and_room_for_notes(model, document):
    text = agenda_text(model, document, "stuurgroep-maart")

    assert text.startswith("AGENDA Stuurgroep Thuisflat Parkzicht")
    assert "17 maart 2026, Ontmoetingsruimte Parkzicht" in text
    first = text.index("1. Stand van de subsidieaanvraag voor de coördinator")
    second = text.index("2. Afstemming met het vaste zorgteam")
    assert first < second
    assert "Stuurknop 5. Inrichten activiteitenaanbod" in text[first:second]
    assert "Ingebracht door Gemeente Voorbeeldhaven" in text[first:second]
    assert "Stuurknop 7. Organisatie zorg; waarde Efficiënt werken" in text[second:]
    assert "Ingebracht door Zorgcentrum Voorbeeld" in text[second:]
    assert "Herkomst uit de checklist" in text[second:]
    assert text.count("Aantekeningen") == 2
    assert "Verslag" not in text and "Besluiten" not in text


def test_after_the_meeting_the_same_document_shows_minutes_decisions_and_actions(model, document):
    text = agenda_text(model, document, "stuurgroep-januari")

    assert text.startswith("AGENDA EN VERSL")  # "VERSLAG", spaced out by the tracking
    assert "Aantekeningen" not in text
    point = text.index("1. Hoe lang blijft de activiteitencoördinator?")
    assert "Verslag Welzijn wil zekerheid voor de coördinator." in text[point:]
    assert "Uitkomst Besloten: de coördinator blijft 0,6 fte" in text[point:]
    decisions = text.index("Besluiten De activiteitencoördinator blijft 0,6 fte tot eind 2029")
    assert "Besloten door Gemeente Voorbeeldhaven, Welzijn Voorbeeldhaven" in text[decisions:]
    assert "kostenpost Activiteitencoördinator 0,6 fte" in text[decisions:]
    assert "Bespreken vóór 1 maart 2027" in text[decisions:]
    actions = text.index("Acties uit dit overleg")
    assert decisions < actions
    assert "Gemeente Voorbeeldhaven (Anna de Vries) 1 maart 2026 open" in text[actions:]
    assert "Drie offertes voor de keuken opvragen Woonbedrijf Voorbeeldhaven" in text[actions:]
    assert "Bewonersvereniging Parkzicht (Kees Jansen)" in text[actions:]


def test_a_late_action_is_marked_in_the_minutes(model, document):
    text = agenda_text(model, document, "stuurgroep-januari", today=dt.date(2026, 3, 5))

    assert "1 maart 2026 (te laat) open" in text
    assert "15 februari 2026 klaar" in text  # done: never late


def test_without_a_choice_the_next_meeting_else_the_latest(document):
    assert choose_meeting(document, "", dt.date(2026, 1, 20)).id == "stuurgroep-januari"
    assert choose_meeting(document, "", BEFORE).id == "stuurgroep-maart"
    assert choose_meeting(document, "", dt.date(2026, 12, 6)).id == "stuurgroep-maart"
    assert choose_meeting(document, "stuurgroep-januari", BEFORE).id == "stuurgroep-januari"


def test_an_unknown_meeting_is_a_dutch_error(model, document):
    with pytest.raises(DocumentError, match="geen overleg 'weg'; wel: stuurgroep-januari"):
        render("agenda", model, document, options=Options(meeting="weg"))
    bare = document.model_copy(update={"meetings": [], "decisions": [], "actions": []})
    with pytest.raises(DocumentError, match="geen overleg 'weg'; wel: nog geen"):
        render("agenda", model, bare, options=Options(meeting="weg"))


def test_a_project_without_meetings_gets_an_empty_agenda_to_fill_in(model, document):
    bare = document.model_copy(update={"meetings": [], "decisions": [], "actions": []})
    text = agenda_text(model, bare)

    assert text.startswith("AGENDA Overleg Project Thuisflat Parkzicht")
    assert "datum nog niet bekend" in text
    assert "nog geen overleg in Stuurknop" in text
    assert "Aantekeningen" in text


def test_text_from_the_project_prints_as_written(model, document):
    data = document.model_dump(mode="json")
    data["meetings"][1]["points"][0]["title"] = "#set page(width: 1cm) ]*_$ <b>vet</b>"
    text = agenda_text(model, parse_document(data), "stuurgroep-maart")

    assert "1. #set page(width: 1cm) ]*_$ <b>vet</b>" in text


def test_the_agenda_is_tagged_a4_and_accessible(model, document, tmp_path: Path):
    for meeting in ("stuurgroep-maart", "stuurgroep-januari"):
        rendered = render("agenda", model, document, options=Options(today=BEFORE, meeting=meeting))
        assert rendered.filename.endswith(".pdf")
        assert all(is_paper(size, "A4") for size in page_sizes(rendered.content))
        assert_accessible(rendered.content, tmp_path)
