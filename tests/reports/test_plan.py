"""The plan as data: chapters, figures from the engine, the words for odd input."""

from __future__ import annotations

import datetime as dt

import pytest

from stuurknop.charts.chart import Table
from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import (
    Bullets,
    Facts,
    Figure,
    Paragraph,
    Plan,
    PlanTable,
    clean,
    paragraphs,
)
from stuurknop.reports.plan_words import dutch_date, years_text

from .plan_projects import TODAY, empty_project, example, hard_project

CHAPTERS = [
    "Samenvatting",
    "Het project",
    "Stuurknoppen",
    "Kaart van het model",
    "Waarden per partij",
    "Geld over de jaren",
    "Balans tussen partijen",
    "Waarde tegenover kosten, in geld",
    "Verkenner: alle standen van de stuurknoppen",
    "Bewijs en monitoring",
    "Checklist en controles",
    "Besluiten en acties",
    "Bijlage: de bronnen van financiering I–X",
    "Bijlage: logboek van wijzigingen",
]


def plan_of(model, document) -> Plan:
    return build_plan(model, document, document.scenario(), today=TODAY)


def texts(plan: Plan, anchor: str) -> str:
    """Every text of a section, as one string, to search in."""
    parts: list[str] = []
    for block in plan.section(anchor).blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Facts):
            parts += [f"{k}: {v}" for k, v in block.items]
        elif isinstance(block, Bullets):
            parts += block.items
        elif isinstance(block, PlanTable):
            parts += [block.caption, *(" | ".join(row) for row in block.rows)]
        elif isinstance(block, Figure):
            parts.append(block.chart.title)
    return "\n".join(parts)


def test_the_plan_has_every_chapter_in_reading_order(model):
    plan = plan_of(model, example())

    assert [s.title for s in plan.sections if s.level == 1] == CHAPTERS


def test_the_cover_names_project_date_model_version_and_scenario(model):
    document = example()
    plan = plan_of(model, document)

    cover = dict(plan.cover)
    assert cover["Project"] == "Thuisflat Parkzicht"
    assert cover["Scenario"] == document.scenario().name
    assert cover["Datum"] == "3 november 2025"
    assert "2025-concept" in cover["Model"]


def test_the_summary_gives_the_engines_totals_and_gap(model):
    document = example()
    money = analyse(model, document).money
    summary = texts(plan_of(model, document), "samenvatting")

    assert f"Kosten 2026–2034: {euro(money.total_costs)}" in summary
    assert f"Tekort (kosten zonder dekking): {euro(money.total_uncovered)}" in summary
    assert f"Totaal | {euro(money.total_costs)} | {euro(money.total_funding)}" in summary
    assert money.cliffs and f"Vanaf {money.cliffs[0].year} stopt" in summary


def test_only_the_knobs_that_are_on_get_their_own_section(model, make_document):
    document = make_document(knobs={2: 1, 5: 3, 7: "uit"})
    plan = plan_of(model, document)

    knob_sections = [s.anchor for s in plan.sections if s.anchor.startswith("stuurknop-")]
    assert knob_sections == ["stuurknop-2", "stuurknop-5"]
    assert "Bewust uit: 7. Organisatie zorg" in texts(plan, "stuurknoppen")


def test_a_knob_section_shows_its_costs_funding_lead_and_routes(model, make_document):
    document = make_document(
        knobs={1: {"status": "aan", "opening": 2, "lead_party": "woco", "routes": ["beter_team"]}},
        costs=[{"description": "Domotica", "amount": "2000", "years": 3}],
        funding=[{"party": "gemeente", "source": "I", "amount": "500", "status": "toegezegd"}],
    )
    knob = texts(plan_of(model, document), "stuurknop-1")

    assert "Trekker: Woco" in knob
    assert "Beoogde routes: Beter team-route" in knob
    # 3 years of € 2.000, € 500 of it funded each year: € 4.500 without funding
    assert "Domotica | Woco | € 2.000 per jaar | 2025–2027 | € 6.000 | € 1.500 | € 4.500" in knob
    assert "Gemeente | I | Domotica | € 500 per jaar | 2025–2027 | toegezegd" in knob


def test_the_cliff_is_marked_in_the_year_table_of_the_party_that_carries_the_cost(
    model, make_document
):
    document = make_document(
        knobs={5: {"status": "aan", "opening": 2, "lead_party": "welzijn"}},
        costs=[{"knob": 5, "amount": "1000"}],
        funding=[{"party": "gemeente", "source": "I", "amount": "1000", "years": 2}],
    )
    parties = texts(plan_of(model, document), "geld-partijen")

    assert "2027 | € 1.000 | € 0 | € 1.000 | € 0 | klif: tijdelijk geld stopt" in parties


def test_an_empty_project_gets_a_plan_that_says_what_is_missing(model, document_data):
    plan = plan_of(model, empty_project(document_data))

    assert "Stuurknoppen die aan staan: nog geen." in texts(plan, "samenvatting")
    assert "Niet besproken: 1. Ondersteunend gebouw" in texts(plan, "stuurknoppen")
    assert "Er zijn nog geen besluiten vastgelegd." in texts(plan, "besluiten")
    table = plan.section("acties").blocks[0]
    assert isinstance(table, PlanTable) and not table.rows
    assert table.empty == "Er staan geen acties open."
    log = plan.section("logboek").blocks[0]
    assert isinstance(log, PlanTable) and not log.rows
    assert log.empty == "Er zijn nog geen wijzigingen vastgelegd."


def test_text_that_xml_cannot_hold_is_dropped_but_the_rest_is_kept(
    model, document_data, make_scenario
):
    plan = plan_of(model, hard_project(document_data, make_scenario))

    knob = texts(plan, "stuurknop-1")
    assert "Eerste regel met een belletje." in knob
    assert "\x07" not in knob
    assert plan.project.startswith('Hof "De Eik" – Zoë & René 🏡 <b>vet</b>')


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\x00b\x1fc", "abc"),
        ("regel\r\nregel\rregel", "regel\nregel\nregel"),
        ("tab\tblijft", "tab\tblijft"),
        ("kapot \ud800 teken", "kapot  teken"),
        ("ë é € 😀 “”", "ë é € 😀 “”"),
    ],
)
def test_clean_keeps_what_documents_can_hold(raw, cleaned):
    assert clean(raw) == cleaned


def test_a_free_text_becomes_one_paragraph_per_line():
    assert [p.text for p in paragraphs("een\n\n  \ntwee\n")] == ["een", "twee"]


def test_a_charts_table_puts_figures_right_and_words_left():
    table = Table(
        "t",
        ("Jaar", "Kosten", "Aandeel", "Stand", "Opmerking"),
        (("2026", "€ 1.000", "25%", "aan, 2 van 3", ""), ("2027", "€ -5", "5%", "uit", "Klif")),
    )

    assert PlanTable.of_chart(table).align == ("left", "right", "right", "left", "left")


@pytest.mark.parametrize(
    ("years", "structural", "text"),
    [
        (range(2026, 2027), False, "2026"),
        (range(2026, 2030), False, "2026–2029"),
        (range(2026, 2035), True, "2026–2034, structureel"),
        (range(2040, 2040), False, "buiten de looptijd"),
    ],
)
def test_years_are_said_as_a_span(years, structural, text):
    assert years_text(years, structural=structural) == text


def test_dates_are_dutch():
    assert dutch_date(dt.date(2026, 3, 1)) == "1 maart 2026"


def test_an_indicator_shows_its_latest_measurement_by_date(model, document_data, make_scenario):
    plan = plan_of(model, hard_project(document_data, make_scenario))

    said = texts(plan, "bewijs-goed_wonen")
    assert "| 7,5 cijfer | 0 cijfer (3 november 2025) | Uit koers: " in said
    assert "Ontstaat de waarde? 0 van de 1 indicatoren op koers" in said


def test_the_plans_decision_log_shows_the_latest_lines_each_shortened(make_document) -> None:
    import datetime as dt

    from stuurknop.projectfile.schema import LogEntry
    from stuurknop.reports.plan_blocks import Paragraph, PlanTable
    from stuurknop.reports.plan_followup import LOG_ROWS, log_section

    start = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)
    entries = [
        LogEntry(at=start + dt.timedelta(minutes=i), who="Ans", what=f"Regel {i} " + "x" * 5000)
        for i in range(LOG_ROWS + 30)
    ]
    document = make_document().model_copy(update={"log": entries})
    section = log_section(document)
    [note] = [b for b in section.blocks if isinstance(b, Paragraph)]
    assert note.text.startswith(f"Hier staan de {LOG_ROWS} laatste van {LOG_ROWS + 30} regels.")
    [table] = [b for b in section.blocks if isinstance(b, PlanTable)]
    assert table.columns == ("Wanneer", "Wie", "Wat", "Scenario")
    assert len(table.rows) == LOG_ROWS
    assert table.rows[0][2].startswith("Regel 30 ")
    assert table.rows[-1][2].startswith(f"Regel {LOG_ROWS + 29} ")
    assert table.rows[-1][2].endswith("x … (ingekort)") and len(table.rows[-1][2]) < 400


def test_the_plans_decision_log_says_each_change_in_words_never_as_data(make_document) -> None:
    import datetime as dt

    from stuurknop.projectfile.schema import LogChange, LogEntry
    from stuurknop.reports.plan_blocks import PlanTable
    from stuurknop.reports.plan_followup import log_section

    def change(**data: object) -> LogChange:
        return LogChange.model_validate(data)

    at = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)
    document = make_document(
        knobs={6: 1},
        costs=[{"id": "k1", "knob": 6, "description": "Huur ruimte", "amount": "12000"}],
        funding=[{"id": "f1", "party": "gemeente", "source": "III", "amount": "12000"}],
    )
    entries = [
        LogEntry(
            at=at,
            who="Ans",
            what="Stuurknop 6 gewijzigd",
            scenario="Basis",
            changes=[
                change(
                    entity="knob_setting", key="6", action="changed", field="opening", old=1, new=3
                ),
                change(
                    entity="funding_line",
                    key="f1",
                    action="changed",
                    field="status",
                    old="idee",
                    new="in_gesprek",
                    about={"party": "gemeente", "source": "III", "cost_item": "k1"},
                ),
                change(
                    entity="party",
                    key="woco",
                    action="added",
                    new={"id": "woco", "name": "Woco", "party_type": "woningcorporatie"},
                ),
            ],
        )
    ]
    section = log_section(document.model_copy(update={"log": entries}))
    [table] = [b for b in section.blocks if isinstance(b, PlanTable)]
    [row] = table.rows
    assert row[2].split("\n") == [
        "Stuurknop 6 gewijzigd",
        "Stuurknop 6: stand 1 → 3",
        "Financiering door Gemeente (bron III): status idee → in gesprek",
        "Partij 'Woco' toegevoegd: Woningcorporatie",
    ]
    for data in ("{", "in_gesprek", "f1", "woningcorporatie"):
        assert data not in " ".join(" ".join(r) for r in table.rows)


def test_the_summary_names_every_cliff_largest_first(model, make_document):
    doc = make_document(
        costs=[{"id": "k1", "amount": "8000"}, {"id": "k2", "amount": "30000"}],
        funding=[
            {"cost_item": "k1", "party": "gemeente", "source": "I", "years": 3, "amount": "8000"},
            {"cost_item": "k2", "party": "gemeente", "source": "I", "years": 4, "amount": "30000"},
        ],
    )
    summary = texts(plan_of(model, doc), "samenvatting")
    large, small = (
        summary.find("Vanaf 2029 stopt € 30.000"),
        summary.find("Vanaf 2028 stopt € 8.000"),
    )
    assert 0 <= large < small


def test_the_plan_says_money_that_comes_late_apart_from_a_shortfall(model, make_document):
    doc = make_document(
        knobs={2: 1},
        costs=[
            {"id": "bouw", "description": "Verbouwing", "knob": 2, "kind": "eenmalig"}
            | {"amount": "8000", "first_year": 2027}
        ],
        funding=[
            {"cost_item": "bouw", "party": "woco", "source": "V", "amount": "8000"}
            | {"first_year": 2028}
        ],
    )
    plan = plan_of(model, doc)
    said = "Geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028."
    summary = texts(plan, "samenvatting")
    assert "Tekort (kosten zonder dekking): € 0" in summary
    assert "Geld komt later dan de kosten: € 8.000" in summary
    assert said in texts(plan, "geld")
    knob = texts(plan, "stuurknop-2")
    costs = next(b for b in plan.section("stuurknop-2").blocks if isinstance(b, PlanTable))
    assert costs.columns[-3:] == ("Gedekt in het jaar zelf", "Tekort", "Geld komt later")
    assert "€ 8.000 | € 0 | € 0 | € 8.000" in knob
    assert said in knob
