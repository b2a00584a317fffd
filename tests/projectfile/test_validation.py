"""A project document is validated at the edge; every error says where (in Dutch) and why."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.projectfile import (
    DocumentError,
    DocumentInvalid,
    ProjectDocument,
    dump_document,
    parse_document,
    parse_json,
)
from stuurknop.projectfile.schema import (
    Basics,
    CostItem,
    FundingLine,
    Interest,
    KnobSetting,
    LogEntry,
    Party,
    Perspective,
    ResidentInput,
    Scenario,
)


def errors_of(data) -> list[DocumentError]:
    with pytest.raises(DocumentInvalid) as raised:
        parse_document(data)
    return raised.value.errors


def test_a_good_document_validates(document_data):
    data = document_data(
        knobs={
            2: 2,
            5: {"status": "aan", "opening": 3, "lead_party": "welzijn", "routes": ["beter_zien"]},
            10: "uit",
        },
        costs=[{"id": "ruimte", "knob": 2, "kind": "eenmalig", "amount": "25000.50"}],
        funding=[{"cost_item": "ruimte", "party": "woco", "source": "IV", "status": "toegezegd"}],
        interests={"woco": {"goed_wonen": 3}, "zorg": {"minder_zorgvraag": 2}},
        perspectives=[{"party": "gemeente", "knobs": {"10": 3}, "values": {"werkplezier": 1}}],
    )
    doc = parse_document(data)
    assert doc.scenario().setting(5).routes == ["beter_zien"]
    assert doc.scenario().costs[0].amount == Decimal("25000.50")
    assert doc.perspectives[0].knobs == {10: 3}


def test_a_negative_funding_amount_names_scenario_line_and_field(document_data):
    data = document_data(costs=[{}], funding=[{"party": "woco", "source": "IV", "amount": "-5"}])
    assert errors_of(data) == [
        DocumentError(
            "scenarios[0].funding[0].amount",
            'scenario "Basis", financiering 1, bedrag',
            "moet ≥ 0 zijn",
        )
    ]


def test_it_rejects_knob_eleven(document_data):
    [error] = errors_of(document_data(knobs={11: 2}))
    assert (error.path, error.message) == ("scenarios[0].knobs[0].knob", "moet ≤ 10 zijn")


def test_a_knob_setting_is_named_by_its_knob_number_not_its_position(document_data):
    # The setting for knob 9 is the second in the list; people know it as "stuurknop 9".
    [error] = errors_of(document_data(knobs={4: 1, 9: "aan"}))
    assert error.path == "scenarios[0].knobs[1].opening"
    assert error.location == 'scenario "Basis", stuurknop 9, stand'


def test_it_rejects_source_xi_and_lists_the_choices_in_dutch(document_data):
    data = document_data(costs=[{}], funding=[{"party": "woco", "source": "XI"}])
    [error] = errors_of(data)
    assert error.location == 'scenario "Basis", financiering 1, bron'
    assert error.message == "moet een van deze zijn: I, II, III, IV, V, VI, VII, VIII, IX of X"


def test_an_unknown_phase_lists_the_phases_in_dutch(document_data):
    data = document_data()
    data["project"]["phase"] = "bouw"
    assert errors_of(data) == [
        DocumentError(
            "project.phase",
            "project, fase",
            "moet een van deze zijn: idee, plan, uitvoering of evaluatie",
        )
    ]


def test_a_bad_key_in_a_perspective_names_the_key_without_pydantic_markers(document_data):
    [error] = errors_of(document_data(perspectives=[{"party": "woco", "knobs": {"12": 1}}]))
    assert error == DocumentError(
        "perspectives[0].knobs.12", "perspectief 1, stuurknop, 12", "moet ≤ 10 zijn"
    )


def test_it_rejects_a_funding_party_that_is_not_among_the_parties(document_data):
    data = document_data(costs=[{}], funding=[{"party": "fonds", "source": "III"}])
    assert errors_of(data) == [
        DocumentError(
            "scenarios[0].funding[0].party",
            'scenario "Basis", financiering 1, partij',
            "partij 'fonds' staat niet bij de partijen van dit project",
        )
    ]


def test_it_rejects_a_route_the_knob_does_not_work_through(document_data):
    # Knob 4 (sturen op doelgroep) works only via zorgen_voor_elkaar and welbevinden.
    data = document_data(knobs={4: {"status": "aan", "opening": 2, "routes": ["beter_zien"]}})
    [error] = errors_of(data)
    assert error.location == 'scenario "Basis", stuurknop 4, route 1'
    assert error.message == (
        "stuurknop 4 werkt volgens het model niet via 'beter_zien' "
        "(wel via: zorgen_voor_elkaar, welbevinden)"
    )


@pytest.mark.parametrize(
    ("where", "path", "location"),
    [
        ("interest", "scenarios[0].interests[0].value", 'scenario "Basis", belang 1, waarde'),
        ("perspective", "perspectives[0].values.geluk", "perspectief 1, waarde, geluk"),
        ("residents", "resident_input[0].values.geluk", "bewonersinbreng 1, waarde, geluk"),
    ],
)
def test_it_rejects_an_unknown_value(document_data, where, path, location):
    data = document_data(
        interests={"woco": {"geluk": 2}} if where == "interest" else None,
        perspectives=[{"party": "woco", "values": {"geluk": 2}}] if where == "perspective" else [],
        resident_input=(
            [{"date": "2025-03-01", "respondents": 12, "values": {"geluk": "2.5"}}]
            if where == "residents"
            else []
        ),
    )
    assert errors_of(data) == [DocumentError(path, location, "onbekende waarde 'geluk'")]


def test_it_rejects_a_cost_that_starts_outside_the_horizon(document_data):
    # Horizon: 2025 for 5 years, so 2025–2029; 2030 is just outside it.
    [error] = errors_of(document_data(costs=[{"first_year": 2030}]))
    assert error.location == 'scenario "Basis", kostenpost 1, eerste jaar'
    assert error.message == "2030 valt buiten de looptijd van het project (2025–2029)"


def test_it_rejects_a_knob_that_is_on_without_an_opening(document_data):
    [error] = errors_of(document_data(knobs={6: "aan"}))
    assert error.path == "scenarios[0].knobs[0].opening"
    assert error.message == "een stuurknop die aan staat, heeft een stand 1, 2 of 3 nodig"


def test_it_rejects_an_opening_on_a_knob_that_is_off(document_data):
    [error] = errors_of(document_data(knobs={6: {"status": "uit", "opening": 2}}))
    assert error.message == "alleen een stuurknop die aan staat, heeft een stand"


@pytest.mark.parametrize(
    ("cost", "line", "path", "message"),
    [
        ({"kind": "eenmalig", "years": 2}, None, "scenarios[0].costs[0].years",
         "een eenmalige kostenpost heeft geen aantal jaren"),
        ({"kind": "eenmalig"}, {"years": 2}, "scenarios[0].funding[0].years",
         "financiering van een eenmalige kostenpost heeft geen aantal jaren"),
        ({}, {"cost_item": "k9"}, "scenarios[0].funding[0].cost_item",
         "onbekende kostenpost 'k9'"),
        ({}, {"first_year": 2024}, "scenarios[0].funding[0].first_year",
         "2024 valt buiten de looptijd van het project (2025–2029)"),
        ({"amount": "12.345"}, None, "scenarios[0].costs[0].amount",
         "mag hoogstens 2 decimalen hebben"),
        ({"party": "fonds"}, None, "scenarios[0].costs[0].party",
         "partij 'fonds' staat niet bij de partijen van dit project"),
    ],
)  # fmt: skip
def test_it_rejects_inconsistent_money(document_data, cost, line, path, message):
    funding = [] if line is None else [{"party": "woco", "source": "V", **line}]
    assert [
        (e.path, e.message) for e in errors_of(document_data(costs=[cost], funding=funding))
    ] == [(path, message)]


EFFECT = {
    "id": "e1",
    "value": "minder_zorgvraag",
    "route": "beter_zien",
    "beneficiary": "zorg",
    "low": "0",
    "expected": "100",
    "high": "200",
    "first_year": 2026,
}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"parties": {"woco": "woningcorporatie", "kerk": "kerkgenootschap"}},
         "parties[1].party_type", "onbekend partijtype 'kerkgenootschap'"),
        ({"knobs": {6: {"status": "aan", "opening": 1, "lead_party": "fonds"}}},
         "scenarios[0].knobs[0].lead_party",
         "partij 'fonds' staat niet bij de partijen van dit project"),
        ({"interests": {"fonds": {"goed_wonen": 1}}}, "scenarios[0].interests[0].party",
         "partij 'fonds' staat niet bij de partijen van dit project"),
        ({"perspectives": [{"party": "fonds"}]}, "perspectives[0].party",
         "partij 'fonds' staat niet bij de partijen van dit project"),
        ({"effects": [{**EFFECT, "value": "werkplezier"}]}, "scenarios[0].effects[0].route",
         "route 'beter_zien' draagt volgens het model niet bij aan waarde 'werkplezier'"),
        ({"effects": [{**EFFECT, "route": "beter_eten"}]}, "scenarios[0].effects[0].route",
         "onbekende route 'beter_eten'"),
        ({"effects": [{**EFFECT, "expected": "300"}]}, "scenarios[0].effects[0].expected",
         "laag ≤ verwacht ≤ hoog is nodig"),
        ({"evidence": [{"value": "geluk"}]}, "scenarios[0].evidence[0].value",
         "onbekende waarde 'geluk'"),
    ],
)  # fmt: skip
def test_it_rejects_references_to_what_does_not_exist(document_data, change, path, message):
    assert [(e.path, e.message) for e in errors_of(document_data(**change))] == [(path, message)]


def test_the_effects_of_a_valid_document_pass(document_data):
    assert parse_document(document_data(effects=[EFFECT])).scenario().effects[0].id == "e1"


def test_it_rejects_two_chosen_scenarios_with_the_same_name(document_data, make_scenario):
    data = document_data(
        scenarios=[make_scenario("A", chosen=True), make_scenario("A", chosen=True)]
    )
    assert {(e.path, e.message) for e in errors_of(data)} == {
        ("scenarios[1].name", "scenarionaam 'A' komt dubbel voor"),
        ("scenarios", "hoogstens één scenario kan gekozen zijn"),
    }


def test_it_reports_every_problem_at_once(document_data):
    data = document_data(
        costs=[{"knob": 12}], funding=[{"party": "woco", "source": "XI", "amount": "-1"}]
    )
    assert [e.path for e in errors_of(data)] == [
        "scenarios[0].costs[0].knob",
        "scenarios[0].funding[0].source",
        "scenarios[0].funding[0].amount",
    ]


def test_it_rejects_an_unknown_model_version(document_data):
    data = {**document_data(), "model_version": "1999-nooit"}
    [error] = errors_of(data)
    assert (error.path, error.location) == ("model_version", "modelversie")
    assert error.message.startswith("onbekende modelversie '1999-nooit'")


def test_invalid_json_gives_line_and_column():
    # The value after "naam": is missing on line 3; the parser stops at column 11.
    text = '{\n  "format": "stuurknop-project",\n  "naam": }\n'
    with pytest.raises(DocumentInvalid) as raised:
        parse_json(text)
    assert raised.value.errors == [
        DocumentError("", "regel 3, kolom 11", "geen geldige JSON: Expecting value")
    ]


def test_json_that_is_not_utf8_is_rejected_plainly():
    with pytest.raises(DocumentInvalid, match="geen UTF-8"):
        parse_json(b'{"name": "\xff"}')


def test_export_then_import_gives_the_same_document(document_data):
    data = document_data(
        knobs={
            3: {
                "status": "aan",
                "opening": 2,
                "elaboration": "Huur via de corporatie.",
                "lead_party": "woco",
                "answers": ["Ja.", "Goed wonen."],
            },
            7: "uit",
        },
        costs=[{"id": "ruimte", "knob": 3, "amount": "1234.56", "years": 3, "party": "woco"}],
        funding=[
            {
                "cost_item": "ruimte",
                "party": "gemeente",
                "source": "I",
                "amount": "0.10",
                "first_year": 2026,
                "years": 2,
                "status": "in_gesprek",
            }
        ],
        interests={"bewoners": {"goed_wonen": 3}},
        perspectives=[
            {
                "party": "zorg",
                "date": "2025-02-01",
                "origin": "sessie",
                "knobs": {"7": 3},
                "values": {"efficient_werken": 2},
            }
        ],
        resident_input=[
            {
                "date": "2025-03-01",
                "respondents": 23,
                "values": {"goed_wonen": "2.4"},
                "help_organise": {"ja": 4, "nee": 19},
                "remarks": ["Meer koffie!"],
            }
        ],
        effects=[EFFECT],
        evidence=[
            {
                "value": "minder_zorgvraag",
                "before_decision": [{"kind": "referentieproject", "description": "De Bongerd"}],
                "indicators": [
                    {
                        "id": "huisartsbezoek",
                        "name": "Bezoek huisarts per jaar",
                        "target": "3.5",
                        "measurements": [{"date": "2025-06-30", "value": "4.25"}],
                    }
                ],
            }
        ],
    )
    data["log"] = [{"at": "2025-01-07T10:15:00+01:00", "who": "Ans", "what": "Knop 3 aan"}]
    doc = parse_document(data)
    text = dump_document(doc)
    assert json.loads(text)["scenarios"][0]["costs"][0]["amount"] == "1234.56"  # exact, as text
    again = parse_json(text)
    assert again == doc
    assert again.scenario().funding[0].amount == Decimal("0.10")
    assert dump_document(again) == text


# --- property: any document survives export and import unchanged --------------------------

PARTY_TYPES = ["woningcorporatie", "zorgorganisatie", "gemeente", "bewoners", "fonds"]
VALUES = ["goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier"]

words = st.text(alphabet="abcdeëfgxyz €'\"\n-", max_size=20).map(str.strip)
names = words.filter(bool)
money = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
years = st.integers(2025, 2029)


@st.composite
def documents(draw: st.DrawFn) -> ProjectDocument:
    party_ids = draw(st.lists(st.sampled_from(["a", "b", "c-1", "D_2"]), min_size=1, unique=True))
    parties = [
        Party(
            id=p,
            name=draw(names),
            party_type=draw(st.sampled_from(PARTY_TYPES)),
            at_table=draw(st.booleans()),
        )
        for p in party_ids
    ]
    knobs = [
        KnobSetting(
            knob=k,
            status="aan",
            opening=draw(st.integers(1, 3)),
            elaboration=draw(words),
            lead_party=draw(st.sampled_from([None, *party_ids])),
        )
        for k in draw(st.lists(st.integers(1, 10), unique=True, max_size=4))
    ]
    costs = [
        CostItem(
            id=f"c{i}",
            knob=draw(st.integers(1, 10)),
            description=draw(names),
            kind="jaarlijks",
            amount=draw(money),
            first_year=draw(years),
            years=draw(st.none() | st.integers(1, 8)),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    funding = [
        FundingLine(
            id=f"f{i}",
            cost_item=cost.id,
            party=draw(st.sampled_from(party_ids)),
            source=draw(st.sampled_from(["I", "III", "V", "VI"])),
            amount=draw(money),
            status=draw(st.sampled_from(["idee", "in_gesprek", "toegezegd"])),
        )
        for i, cost in enumerate(costs)
    ]
    interests = [
        Interest(party=p, value=v, weight=draw(st.integers(0, 3)), reason=draw(words))
        for p in party_ids[:2]
        for v in draw(st.lists(st.sampled_from(VALUES), unique=True, max_size=2))
    ]
    perspectives = [
        Perspective(
            party=p,
            date=draw(st.none() | st.dates(dt.date(2024, 1, 1), dt.date(2100, 12, 31))),
            knobs=draw(st.dictionaries(st.integers(1, 10), st.integers(0, 3), max_size=3)),
            values=draw(st.dictionaries(st.sampled_from(VALUES), st.integers(0, 3))),
        )
        for p in draw(st.lists(st.sampled_from(party_ids), max_size=3))
    ]
    residents = [
        ResidentInput(
            date=draw(st.dates(dt.date(2024, 1, 1), dt.date(2100, 12, 31))),
            respondents=draw(st.integers(0, 99)),
            values={v: draw(st.decimals(0, 3, places=1)) for v in VALUES[:2]},
        )
        for _ in range(draw(st.integers(0, 1)))
    ]
    log = [
        LogEntry(
            at=draw(st.datetimes(dt.datetime(2024, 1, 1), dt.datetime(2030, 1, 1))),
            who=draw(names),
            what=draw(words),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return ProjectDocument(
        model_version="2025-concept",
        project=Basics(
            name=draw(names),
            municipality="Deventer",
            homes=draw(st.integers(0, 500)),
            first_year=2025,
            horizon_years=5,
        ),
        parties=parties,
        scenarios=[
            Scenario(
                name="Basis",
                chosen=draw(st.booleans()),
                knobs=knobs,
                interests=interests,
                costs=costs,
                funding=funding,
            )
        ],
        perspectives=perspectives,
        resident_input=residents,
        log=log,
    )


@settings(max_examples=50, deadline=None)
@given(documents())
def test_any_valid_document_survives_export_and_import(doc: ProjectDocument):
    assert parse_json(dump_document(doc)) == doc


def test_a_file_nested_too_deep_is_an_error_not_a_crash():
    with pytest.raises(DocumentInvalid, match="te diep genest"):
        parse_json(b"[" * 200_000)


# --- imports that crashed instead of refusing ------------------------------------------------


def test_a_hundred_thousand_digit_number_is_refused_in_dutch(document_data):
    text = json.dumps(document_data()).replace('"homes": 80', '"homes": ' + "9" * 100_000)
    assert '"homes": 999' in text
    with pytest.raises(DocumentInvalid) as raised:
        parse_json(text)
    assert str(raised.value) == "bestand bevat een getal van meer dan 30 cijfers"


@pytest.mark.parametrize(
    "at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2101-01-01T00:00:00"]
)
def test_a_log_time_at_the_edge_of_the_calendar_is_refused_in_dutch(document_data, at):
    data = document_data()
    data["log"] = [{"at": at, "who": "Ans", "what": "Knop 3 aan"}]
    [error] = errors_of(data)
    assert (error.path, error.location, error.message) == (
        "log[0].at",
        "logboek 1, tijdstip",
        "moet tussen 1990 en 2100 liggen",
    )


def test_a_measurement_of_absurd_size_is_refused(document_data):
    data = document_data()
    data["scenarios"][0]["evidence"] = [
        {
            "value": "goed_wonen",
            "indicators": [
                {
                    "id": "i1",
                    "name": "Tevredenheid",
                    "measurements": [{"date": "2025-06-30", "value": "1e400"}],
                }
            ],
        }
    ]
    [error] = errors_of(data)
    assert error.path.endswith("measurements[0].value")
    assert error.message == "moet ≤ 1000000000000 zijn"


# --- what a project may hold: bounded, so no document takes minutes to make ------------------


def test_a_scenario_with_more_cost_items_than_allowed_is_refused_with_the_limit(document_data):
    from stuurknop.projectfile.schema import MAX_COST_ITEMS

    costs = [{"id": f"k{i}", "amount": "10"} for i in range(MAX_COST_ITEMS + 1)]
    [error] = errors_of(document_data(costs=costs))
    assert (error.path, error.location, error.message) == (
        "scenarios[0].costs",
        'scenario "Basis", kostenpost',
        f"mag hoogstens {MAX_COST_ITEMS} elementen bevatten",
    )
    assert parse_document(document_data(costs=costs[:MAX_COST_ITEMS]))


def test_the_schema_says_what_a_scenario_may_hold():
    from stuurknop.projectfile import json_schema

    costs = json_schema()["$defs"]["Scenario"]["properties"]["costs"]
    assert costs["maxItems"] == 200
    assert "200" in costs["description"]
