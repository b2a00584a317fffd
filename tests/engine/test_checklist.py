"""The plan-phase checklist: every knob discussed, every cost covered, every payer at the table."""

from __future__ import annotations

from stuurknop.engine import analyse
from stuurknop.engine.checklist import ItemKind, Target, aimed_values
from stuurknop.presentation.reasons import text


def checklist_of(model, doc):
    return analyse(model, doc).checklist


def items(checklist, kind):
    return [i for i in checklist.items if i.kind is kind]


def test_an_empty_scenario_has_ten_undiscussed_knobs(model, make_document):
    checklist = checklist_of(model, make_document())
    assert len(checklist.items) == 10
    assert (checklist.done, checklist.percentage) == (0, 0)
    first = checklist.items[0]
    assert first.kind is ItemKind.KNOB_DISCUSSED
    assert text(first.open_point) == "stuurknop 1 (Ondersteunend gebouw) is nog niet besproken"
    assert first.target == Target("knob", knob=1)


def test_a_knob_deliberately_off_counts_as_discussed(model, make_document):
    checklist = checklist_of(model, make_document(knobs={k: "uit" for k in range(1, 6)}))
    assert (checklist.done, len(checklist.items), checklist.percentage) == (5, 10, 50)
    assert not items(checklist, ItemKind.KNOB_ELABORATED)


def test_a_knob_on_needs_an_elaboration_and_a_lead(model, make_document):
    doc = make_document(
        knobs={
            4: 1,
            6: {"status": "aan", "opening": 2, "elaboration": "Een community builder."},
            9: {
                "status": "aan",
                "opening": 1,
                "elaboration": "Open huis.",
                "lead_party": "gemeente",
            },
        }
    )
    checklist = checklist_of(model, doc)
    assert [
        (i.target.knob, i.done, text(i.open_point))
        for i in items(checklist, ItemKind.KNOB_ELABORATED)
    ] == [
        (4, False, "stuurknop 4 staat aan maar mist een uitwerking en een trekker"),
        (6, False, "stuurknop 6 staat aan maar mist een trekker"),
        (9, True, ""),
    ]
    # 10 knob items (3 done) + 3 elaboration items (1 done): 4 of 13 → 31%.
    assert (checklist.done, len(checklist.items), checklist.percentage) == (4, 13, 31)
    assert len(checklist.open_points) == 13 - 4


def test_a_cost_without_full_funding_is_an_open_point(model, make_document):
    doc = make_document(
        costs=[{"id": "wwz", "description": "WWZ-functie", "knob": 8, "amount": "1000"}],
        funding=[
            {"cost_item": "wwz", "party": "gemeente", "source": "I", "amount": "1000", "years": 2}
        ],
    )
    [item] = items(checklist_of(model, doc), ItemKind.COST_FUNDED)
    assert not item.done
    # Paid 2025 and 2026; 2027–2029 are open: 3 × 1.000.
    assert (
        text(item.open_point)
        == "kostenpost 'WWZ-functie' heeft € 3.000 zonder dekking (vanaf 2027)"
    )
    assert item.target == Target("knob", knob=8, item="wwz")


def test_a_fully_funded_cost_is_done(model, make_document):
    doc = make_document(
        costs=[{"kind": "eenmalig", "amount": "500"}],
        funding=[{"party": "woco", "source": "V", "amount": "500"}],
    )
    [item] = items(checklist_of(model, doc), ItemKind.COST_FUNDED)
    assert (item.done, text(item.open_point)) == (True, "")


def test_a_paying_party_that_is_not_at_the_table_is_to_be_invited(model, make_document):
    doc = make_document(
        parties={"woco": "woningcorporatie", "fonds": "fonds", "gemeente": "gemeente"},
        not_at_table=["fonds"],
        costs=[{}],
        funding=[
            {"party": "fonds", "source": "III"},
            {"party": "woco", "source": "V"},
        ],
    )
    payers = items(checklist_of(model, doc), ItemKind.PAYER_AT_TABLE)
    # The gemeente does not pay, so it is not on this part of the list.
    assert [(i.target.item, i.done, text(i.open_point)) for i in payers] == [
        ("woco", True, ""),
        ("fonds", False, "Fonds betaalt mee maar zit niet aan tafel: uitnodigen?"),
    ]


def test_aimed_values_are_those_with_weight_one_or_more_in_order_of_mention(make_document):
    doc = make_document(
        interests={
            "zorg": {"minder_zorgvraag": 3, "werkplezier": 0},
            "woco": {"goed_wonen": 2, "minder_zorgvraag": 1},
        }
    )
    assert aimed_values(doc.scenario()) == ("minder_zorgvraag", "goed_wonen")


def test_an_aimed_value_that_no_active_route_reaches_is_an_open_point(model, make_document):
    # Knob 4 works only via zorgen_voor_elkaar and welbevinden: they lead to goed_wonen and
    # minder_zorgvraag, never to werkplezier.
    doc = make_document(knobs={4: 3}, interests={"zorg": {"goed_wonen": 1, "werkplezier": 2}})
    reached = items(checklist_of(model, doc), ItemKind.VALUE_REACHED)
    assert [(i.target.item, i.done, text(i.open_point)) for i in reached] == [
        ("goed_wonen", True, ""),
        (
            "werkplezier",
            False,
            "waarde Werkplezier wordt beoogd, maar geen actieve route leidt erheen",
        ),
    ]


def test_an_aimed_value_needs_evidence_before_the_decision_and_monitoring(model, make_document):
    doc = make_document(
        interests={"zorg": {"goed_wonen": 1, "minder_zorgvraag": 1, "werkplezier": 1}},
        evidence=[
            {
                "value": "minder_zorgvraag",
                "before_decision": [
                    {"kind": "onderzoek", "description": "Effectstudie", "status": "binnen"}
                ],
            },
            {
                "value": "werkplezier",
                "before_decision": [
                    {"kind": "expert", "description": "Teamleider", "status": "binnen"},
                    {"kind": "pilot", "description": "Proef", "available": True},  # older files
                ],
                "indicators": [{"id": "verzuim", "name": "Ziekteverzuim", "unit": "%"}],
            },
        ],
    )
    evidence = items(checklist_of(model, doc), ItemKind.VALUE_EVIDENCE)
    assert [(i.target.item, i.done, text(i.open_point)) for i in evidence] == [
        ("goed_wonen", False, "waarde Goed wonen heeft nog geen bewijs vooraf en geen monitoring"),
        ("minder_zorgvraag", False, "waarde Verminderen zorgbehoefte heeft nog geen monitoring"),
        ("werkplezier", True, ""),
    ]


def test_evidence_still_being_gathered_keeps_the_point_open(model, make_document):
    need = {"kind": "onderzoek", "description": "Effectstudie", "status": "wordt_verzameld"}
    doc = make_document(
        interests={"zorg": {"werkplezier": 1}},
        evidence=[{"value": "werkplezier", "before_decision": [need]}],
    )
    [item] = items(checklist_of(model, doc), ItemKind.VALUE_EVIDENCE)
    assert (item.done, text(item.open_point)) == (
        False,
        "waarde Werkplezier heeft nog niet al het bewijs vooraf binnen en nog geen monitoring",
    )


def test_a_complete_project_reaches_one_hundred_percent(model, make_document):
    # Knob 6 on, worked out, with a lead; the others deliberately off; one value it leads to,
    # with its evidence in and an indicator.
    value = model.route(model.knob(6).route_ids()[0]).values[0]
    knobs: dict[int, object] = {k: "uit" for k in range(1, 11)}
    knobs[6] = {
        "status": "aan",
        "opening": 2,
        "elaboration": "Buurtwerk.",
        "lead_party": "gemeente",
    }
    evidence = {
        "value": value,
        "before_decision": [{"kind": "pilot", "description": "Proef", "status": "binnen"}],
        "indicators": [{"id": "i1", "name": "Deelname"}],
    }
    doc = make_document(knobs=knobs, interests={"zorg": {value: 2}}, evidence=[evidence])
    checklist = checklist_of(model, doc)
    assert [i for i in checklist.items if not i.done] == []
    assert checklist.percentage == 100
    evidence["before_decision"][0]["status"] = "nodig"  # type: ignore[index]
    assert (
        checklist_of(
            model, make_document(knobs=knobs, interests={"zorg": {value: 2}}, evidence=[evidence])
        ).percentage
        < 100
    )


def test_a_cost_paid_a_year_late_is_funded_but_not_on_time(model, make_document):
    doc = make_document(
        costs=[
            {
                "id": "bouw",
                "description": "Verbouwing",
                "knob": 2,
                "kind": "eenmalig",
                "amount": "8000",
                "first_year": 2027,
            }
        ],
        funding=[
            {
                "cost_item": "bouw",
                "party": "woco",
                "source": "V",
                "amount": "8000",
                "first_year": 2028,
            }
        ],
    )
    checklist = checklist_of(model, doc)
    [funded] = items(checklist, ItemKind.COST_FUNDED)
    assert (funded.done, funded.open_point) == (True, None)
    [on_time] = items(checklist, ItemKind.COST_ON_TIME)
    assert not on_time.done
    assert text(on_time.label) == "Op tijd gedekt: Verbouwing"
    assert text(on_time.open_point) == (
        "geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028"
    )
    assert on_time.target == Target("knob", knob=2, item="bouw")


def test_a_cost_on_time_has_no_timing_point(model, make_document):
    doc = make_document(
        costs=[{"kind": "eenmalig", "amount": "500"}],
        funding=[{"party": "woco", "source": "V", "amount": "500"}],
    )
    assert items(checklist_of(model, doc), ItemKind.COST_ON_TIME) == []
