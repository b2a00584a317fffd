"""What to do next: a short list, most pressing first, each step naming what it derives from."""

from __future__ import annotations

from stuurknop.engine import analyse
from stuurknop.engine.checklist import ItemKind
from stuurknop.engine.next_steps import Topic, next_steps
from stuurknop.presentation.reasons import sentence, text

# Every knob discussed; knob 2 on with an elaboration and a lead: nothing is open.
SETTLED = {k: "uit" for k in range(1, 11)} | {
    2: {"status": "aan", "opening": 1, "elaboration": "Huiskamer.", "lead_party": "woco"}
}


def steps_of(model, doc, limit=20):
    return next_steps(analyse(model, doc), limit)


def topics(steps):
    return [s.topic for s in steps]


def test_a_settled_scenario_has_nothing_to_do(model, make_document):
    doc = make_document(knobs=SETTLED, interests={"woco": {"goed_wonen": 3}})
    assert steps_of(model, doc) == ()


def test_undiscussed_knobs_come_first_as_one_step_naming_them(model, make_document):
    steps = steps_of(model, make_document(knobs={1: "uit", 2: "uit", 4: "uit"}))
    first = steps[0]
    assert first.topic == ItemKind.KNOB_DISCUSSED
    assert (
        text(first.action)
        == "Bespreek de stuurknoppen 3, 5, 6, 7, 8, 9 en 10: die zijn nog niet besproken."
    )
    assert first.knob == 3


def test_one_undiscussed_knob_is_named_alone(model, make_document):
    knobs = {**SETTLED, 7: "niet_besproken"}
    steps = steps_of(model, make_document(knobs=knobs, interests={"woco": {"goed_wonen": 3}}))
    assert [(text(s.action), s.knob) for s in steps] == [
        ("Bespreek stuurknop 7: die is nog niet besproken.", 7)
    ]


def test_the_order_is_knobs_warnings_gap_cliff_then_the_rest(model, make_document):
    # De Linde: knobs 2 and 4 on without a lead; € 20.000 a year from 2025 paid for two years
    # from the temporary source III, so a gap of three years and a cliff in 2027.
    doc = make_document(
        knobs={2: 2, 4: 1},
        costs=[{"id": "k1", "knob": 4, "description": "Begeleider", "amount": "20000"}],
        funding=[{"party": "gemeente", "source": "III", "years": 2, "amount": "20000"}],
        interests={"woco": {"goed_wonen": 3}},
    )
    steps = steps_of(model, doc)
    assert topics(steps) == [
        ItemKind.KNOB_DISCUSSED,
        Topic.GAP,
        Topic.CLIFF,
        ItemKind.KNOB_ELABORATED,
        ItemKind.KNOB_ELABORATED,
        "bron_past_niet_bij_partij",
    ]
    gap, cliff = steps[1], steps[2]
    assert text(gap.action) == "Zoek geld voor € 60.000 aan kosten zonder dekking."
    assert (gap.knob, gap.item) == (4, "k1")
    assert text(cliff.action) == (
        "Spreek af wie vanaf 2027 betaalt: dan stopt € 20.000 per jaar aan tijdelijk geld."
    )
    assert sentence(cliff.why).startswith("Vanaf 2027 stopt € 20.000 per jaar uit bron III")


def test_a_cliff_stands_in_for_the_general_check_on_temporary_money(model, make_document):
    doc = make_document(
        knobs=SETTLED,
        interests={"woco": {"goed_wonen": 3}},
        costs=[{"knob": 2}],
        funding=[{"party": "gemeente", "source": "I", "years": 2}],
    )
    found = topics(steps_of(model, doc))
    assert Topic.CLIFF in found
    assert "structureel_op_tijdelijk_geld" not in found


def test_a_warning_without_a_cliff_is_a_step_with_its_finding(model, make_document):
    # Temporary money paying to the end: no cliff inside the horizon, but the check warns.
    doc = make_document(
        knobs=SETTLED,
        interests={"woco": {"goed_wonen": 3}},
        costs=[{"knob": 2, "description": "Huur"}],
        funding=[{"party": "gemeente", "source": "I"}],
    )
    [step] = steps_of(model, doc)
    assert step.topic == "structureel_op_tijdelijk_geld"
    assert text(step.action) == "Doorlopende kosten op tijdelijk geld."
    assert sentence(step.why).startswith("'Huur' is structureel")


def test_a_paying_party_away_from_the_table_is_to_be_invited(model, make_document):
    doc = make_document(
        knobs=SETTLED,
        not_at_table=["zorg"],
        interests={"woco": {"goed_wonen": 3}},
        costs=[{"knob": 2}],
        funding=[{"party": "zorg", "source": "V"}],
    )
    [step] = steps_of(model, doc)
    assert (step.topic, step.item) == (ItemKind.PAYER_AT_TABLE, "zorg")
    assert text(step.action) == "Nodig Zorg uit aan tafel: deze partij betaalt mee."


def test_without_interests_the_parties_are_asked_for_them(model, make_document):
    steps = steps_of(model, make_document(knobs=SETTLED))
    assert topics(steps) == [Topic.NO_INTERESTS]


def test_an_aimed_value_no_route_reaches_asks_for_a_knob(model, make_document):
    knobs = {k: "uit" for k in range(1, 11)}
    doc = make_document(knobs=knobs, interests={"woco": {"goed_wonen": 3}})
    steps = steps_of(model, doc)
    assert (steps[-1].topic, steps[-1].item) == (ItemKind.VALUE_REACHED, "goed_wonen")


def test_the_list_is_cut_at_the_limit_keeping_the_most_pressing(model, make_document):
    doc = make_document(knobs={2: 2, 4: 1})
    everything = steps_of(model, doc)
    assert len(everything) > 2
    assert steps_of(model, doc, limit=2) == everything[:2]


# Two temporary subsidies on two cost items: € 8.000 a year stops in 2028, € 30.000 in 2029.
TWO_CLIFFS = {
    "costs": [
        {"id": "k1", "knob": 2, "description": "Huismeester", "amount": "8000"},
        {"id": "k2", "knob": 2, "description": "Begeleider", "amount": "30000"},
    ],
    "funding": [
        {"cost_item": "k1", "party": "gemeente", "source": "I", "years": 3, "amount": "8000"},
        {"cost_item": "k2", "party": "gemeente", "source": "I", "years": 4, "amount": "30000"},
    ],
}


def test_the_cliff_step_names_every_cliff_largest_first(model, make_document):
    doc = make_document(knobs=SETTLED, interests={"woco": {"goed_wonen": 3}}, **TWO_CLIFFS)
    [cliff] = [s for s in steps_of(model, doc) if s.topic == Topic.CLIFF]
    assert text(cliff.action) == (
        "Spreek af wie betaalt als tijdelijk geld stopt: "
        "€ 30.000 per jaar vanaf 2029 en € 8.000 per jaar vanaf 2028."
    )
    assert sentence(cliff.why).startswith("Vanaf 2029 stopt € 30.000 per jaar uit bron I")
    assert cliff.item == "k2"
