"""The plan's chapter of decisions and actions: the decisions of the project file (not the lines
of the change log) and the open actions, the same in the plan's data, the PDF and the Word file;
the summary says what is left to do on the plan's date."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from docx import Document

from stuurknop.reports import Options, render
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import Facts, Paragraph, PlanTable

from .plan_projects import with_meetings
from .printed import pages_text

TODAY = dt.date(2026, 3, 5)  # after the subsidy's due date (1 March), before the next meeting
OPTIONS = Options(today=TODAY)
FIRST = "De activiteitencoördinator blijft 0,6 fte tot eind 2029"
SECOND = "De keuken van de ontmoetingsruimte wordt in 2026 vernieuwd"


@pytest.fixture(scope="module")
def document():
    return with_meetings()


@pytest.fixture(scope="module")
def plan(model, document):
    return build_plan(model, document, document.scenario(), today=TODAY)


def chapter_text(text: str) -> str:
    """The PDF's or Word file's text from the chapter of decisions to the next appendix."""
    start = text.index("Besluiten en acties Wat de partijen hebben besloten")
    return text[start : text.index("Bijlage: de bronnen", start)]


def test_the_chapter_lists_the_decisions_with_why_who_when_what_and_review(plan):
    blocks = plan.section("besluiten").blocks
    leads = [b.text for b in blocks if isinstance(b, Paragraph) and b.tone == "lead"]
    assert leads == [FIRST, SECOND]  # by date, then id
    facts = [dict(b.items) for b in blocks if isinstance(b, Facts)]
    assert facts[0] == {
        "Waarom": "De bewoners doen meer mee sinds er een coördinator is; zonder hem valt het "
        "activiteitenaanbod stil.",
        "Besloten door": "Gemeente Voorbeeldhaven, Welzijn Voorbeeldhaven, Woonbedrijf "
        "Voorbeeldhaven",
        "Datum": "20 januari 2026",
        "Gaat over": "Stuurknop 5. Inrichten activiteitenaanbod; kostenpost "
        "Activiteitencoördinator 0,6 fte; financiering Gemeente Voorbeeldhaven voor "
        "Activiteitencoördinator 0,6 fte",
        "Opnieuw bekijken": "Bespreken vóór 1 maart 2027",
    }


def test_the_open_actions_come_late_first_and_marked_the_done_ones_counted(plan):
    table, done = plan.section("acties").blocks
    assert isinstance(table, PlanTable)
    assert table.columns == ("Actie", "Wie", "Klaar op", "Status")
    assert table.rows == (
        (
            "Subsidie voor de coördinator aanvragen tot eind 2029",
            "Gemeente Voorbeeldhaven (Anna de Vries)",
            "1 maart 2026 (te laat)",
            "open",
        ),
        (
            "Bewoners vragen wat zij willen in het beweegprogramma",
            "Bewonersvereniging Parkzicht (Kees Jansen)",
            "1 april 2026",
            "open",
        ),
    )
    assert isinstance(done, Paragraph) and done.text == "1 actie is al klaar."


def test_the_change_log_is_an_appendix_and_not_the_decisions(plan):
    anchors = [s.anchor for s in plan.sections]
    assert anchors[-1] == "logboek"
    assert anchors.index("besluiten") < anchors.index("bronnen") < anchors.index("logboek")
    decisions = plan.section("besluiten").blocks
    assert not any(isinstance(b, PlanTable) and "Wanneer" in b.columns for b in decisions)


def test_the_summary_says_what_is_left_to_do_on_the_plans_date(model, document, plan):
    summary = dict(
        next(b for b in plan.section("samenvatting").blocks if isinstance(b, Facts)).items
    )
    assert summary["Afspraken"] == "2 acties staan open, waarvan 1 te laat."
    later = build_plan(model, document, document.scenario(), today=dt.date(2026, 8, 10))
    facts = dict(
        next(b for b in later.section("samenvatting").blocks if isinstance(b, Facts)).items
    )
    assert facts["Afspraken"] == (
        "2 acties staan open, waarvan 2 te laat. 1 besluit moet opnieuw besproken worden: "
        f"{SECOND} (bespreken vóór 1 september 2026)."
    )


def test_without_decisions_or_actions_the_summary_says_nothing_about_them(model):
    from .plan_projects import example

    document = example()
    plan = build_plan(model, document, document.scenario(), today=TODAY)
    summary = dict(
        next(b for b in plan.section("samenvatting").blocks if isinstance(b, Facts)).items
    )
    assert "Afspraken" not in summary


def test_the_pdf_lists_the_decisions_and_open_actions_not_change_records(model, document):
    text = " ".join(pages_text(render("pdf", model, document, options=OPTIONS).content))
    chapter = chapter_text(text)

    assert chapter.index(FIRST) < chapter.index(SECOND)
    assert "Besloten door Gemeente Voorbeeldhaven, Welzijn Voorbeeldhaven" in chapter
    assert "Opnieuw bekijken Bespreken vóór 1 september 2026" in chapter
    assert "Subsidie voor de coördinator aanvragen tot eind 2029" in chapter
    assert "1 maart 2026 (te laat)" in chapter
    assert "Drie offertes" not in chapter  # done
    assert "Wanneer Wie Wat Scenario" not in chapter  # the log's table is the appendix
    assert "Bijlage: logboek van wijzigingen" in text
    assert "Afspraken 2 acties staan open, waarvan 1 te laat." in text


def test_the_word_plan_has_the_same_decisions_and_actions(model, document):
    word = Document(BytesIO(render("docx", model, document, options=OPTIONS).content))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Besluiten en acties" in headings and "Open acties" in headings
    assert headings[-1] == "Bijlage: logboek van wijzigingen"
    leads = [p.text for p in word.paragraphs if p.text in (FIRST, SECOND)]
    assert leads == [FIRST, SECOND]
    cells = [tuple(c.text for c in row.cells) for t in word.tables for row in t.rows]
    assert ("Opnieuw bekijken", "Bespreken vóór 1 maart 2027") in cells
    assert (
        "Subsidie voor de coördinator aanvragen tot eind 2029",
        "Gemeente Voorbeeldhaven (Anna de Vries)",
        "1 maart 2026 (te laat)",
        "open",
    ) in cells
