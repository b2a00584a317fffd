"""The engine's reasons in Dutch: a template for every code, and exactly the product's words."""

from __future__ import annotations

import string
from decimal import Decimal
from pathlib import Path

import pytest

from stuurknop.engine import analyse
from stuurknop.engine.divergence import divergence
from stuurknop.engine.next_steps import next_steps
from stuurknop.engine.reasons import CODES, Reason, reason
from stuurknop.engine.residents import Answer, aggregate
from stuurknop.engine.votes import summarise
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import TEMPLATES, capitalised, sentence, text, texts
from stuurknop.projectfile import load_document

EXAMPLES = sorted((Path(__file__).parents[2] / "stuurknop" / "examples").glob("*.json"))


def reasons_in(result: object) -> list[Reason]:
    """Every Reason inside an engine result, however deep."""
    if isinstance(result, Reason):
        return [result]
    if isinstance(result, tuple | list):
        return [r for item in result for r in reasons_in(item)]
    if hasattr(result, "__dataclass_fields__"):
        return [
            r for name in result.__dataclass_fields__ for r in reasons_in(getattr(result, name))
        ]
    return []


def emitted() -> list[Reason]:
    """The reasons the engine gives for the example projects (every scenario) and the cases the
    examples do not reach: residents' answers, votes, a fixture with a cliff and open knobs."""
    model = load_model()
    found: list[Reason] = []
    for path in EXAMPLES:
        doc = load_document(path)
        for scenario in doc.scenarios:
            analysis = analyse(model, doc, scenario.name)
            found += reasons_in(analysis)
            found += reasons_in(next_steps(analysis, limit=100))
        found += reasons_in(divergence(model, doc))
    items = [item.id for item in model.questionnaire]
    found += reasons_in(aggregate(model, [Answer({items[0]: 3, items[1]: 1}), Answer({})]))
    found += reasons_in([summarise([]), summarise([1, 2, 2])])
    return found


def test_every_declared_code_has_a_template_and_every_template_a_code():
    assert set(TEMPLATES) == set(CODES)


@pytest.mark.parametrize(
    "code", sorted(code for code, t in TEMPLATES.items() if isinstance(t, str))
)
def test_a_template_uses_only_the_parameters_its_code_declares(code):
    template = TEMPLATES[code]
    assert isinstance(template, str)
    used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    assert used <= set(CODES[code])


def test_every_reason_the_engine_gives_is_declared_and_said(model, make_document):
    found = emitted()
    open_knobs = make_document(
        knobs={2: 2, 4: 1, 5: 1, 7: 1},
        costs=[{"id": "k1", "knob": 4, "description": "Begeleider", "amount": "20000"}],
        funding=[{"party": "gemeente", "source": "III", "years": 2, "amount": "20000"}],
        interests={"woco": {"goed_wonen": 3}},
    )
    found += reasons_in(next_steps(analyse(model, open_knobs), limit=100))
    found += reasons_in(analyse(model, open_knobs))
    assert len({r.code for r in found}) >= 30  # the collection really reaches the engine
    for r in found:
        assert r.code in CODES, r.code
        assert set(r.params) == set(CODES[r.code]), r.code
        assert text(r).strip(), r.code


TABLE = [
    (
        reason("route.activation", parts=((4, 2), (5, 3)), achieved=5, maximum=27, knobs=9),
        "stuurknop 4 (2) + stuurknop 5 (3) = 5 van 27 (9 stuurknoppen × 3)",
    ),
    (
        reason("route.idle", knobs=4),
        "geen van de 4 stuurknoppen die via deze route werken staat aan",
    ),
    (
        reason("value.potential", routes=(("Zorgen voor elkaar", 0.125), ("Beter netwerk", 0.0))),
        "gemiddelde van 2 routes: Zorgen voor elkaar 0,13, Beter netwerk 0,00",
    ),
    (reason("value.no_route"), "geen route"),
    (
        reason("party_value.score", terms=((3, 0.125, "Goed wonen"),), score=0.375),
        "3 × 0,13 (Goed wonen) = 0,38",
    ),
    (reason("party_value.no_interests"), "geen belangen ingevuld"),
    (
        reason(
            "balance.party",
            paid=Decimal("3000"),
            funded=Decimal("4000"),
            funding_share=0.75,
            value_share=0.25,
            split=Decimal("1000"),
        ),
        "betaalt € 3.000,00 van € 4.000,00 = 75% van de financiering; naar waarde: 25% van "
        "€ 4.000,00 = € 1.000,00",
    ),
    (
        reason(
            "balance.pays_more",
            party="Woco",
            funding_share=0.9,
            value_share=0.5,
            points=40,
            difference=Decimal("80000"),
            margin=15,
        ),
        "Woco betaalt 90% van de financiering en krijgt 50% van de waarde: 40 procentpunten en "
        "€ 80.000 meer dan haar deel (de grens is 15 procentpunten)",
    ),
    (
        reason(
            "balance.pays_less",
            party="Zorg",
            funding_share=0.1,
            value_share=0.5,
            points=40,
            difference=Decimal("80000"),
            margin=15,
        ),
        "Zorg betaalt 10% van de financiering en krijgt 50% van de waarde: 40 procentpunten en "
        "€ 80.000 minder dan haar deel (de grens is 15 procentpunten)",
    ),
    (
        reason(
            "balance.in_line",
            party="Zorg",
            funding_share=0.4,
            value_share=0.5,
            points=10,
            difference=Decimal("20000"),
            margin=15,
        ),
        "Zorg betaalt ongeveer haar deel: 40% van de financiering en 50% van de waarde (niet meer "
        "dan 15 procentpunten verschil)",
    ),
    (
        reason("balance.no_interests", party="Fonds", funding_share=0.2),
        "Fonds betaalt 20% van de financiering, maar heeft geen belangen ingevuld: haar deel van "
        "de waarde is onbekend en zij telt niet mee in de verdeling",
    ),
    (
        reason("balance.own_weighting", party="Woco", value_share=0.3, without_own=0.5),
        "het aandeel van Woco in de waarde hangt af van haar eigen weging: 30%, en 50% als haar "
        "weging niet meetelt",
    ),
    (
        reason(
            "money.cliff",
            year=2028,
            drop=Decimal("5000"),
            sources=("I", "III"),
            before=Decimal("0"),
            after=Decimal("3000.00"),
        ),
        "vanaf 2028 stopt € 5.000 per jaar uit bron I, bron III; tekort op die kosten 2027: € 0, "
        "2028: € 3.000",
    ),
    (
        reason(
            "check.funding_line",
            party="Bewoners",
            amount=Decimal("250"),
            source="VIII",
            cost="Koffie",
        ),
        "Bewoners betaalt € 250 uit bron VIII voor 'Koffie'",
    ),
    (
        reason("check.knob_on_other_not", knob=5, opening=2, other=2),
        "stuurknop 5 staat aan (stand 2), stuurknop 2 niet",
    ),
    (
        reason("check.knob_on_other_off", knob=7, other=10),
        "stuurknop 7 staat aan; stuurknop 10 staat uit",
    ),
    (
        reason("check.knob_on_other_undiscussed", knob=7, other=10),
        "stuurknop 7 staat aan; stuurknop 10 is nog niet besproken",
    ),
    (
        reason(
            "check.source_not_for_party",
            party="Zorg",
            party_type="Zorgorganisatie",
            source="I",
            payer_types=("Gemeente", "Fonds"),
        ),
        "Zorg (zorgorganisatie) betaalt uit bron I; het model noemt daarvoor: gemeente, fonds",
    ),
    (
        reason(
            "check.pays_more_than_gains",
            party="Woco",
            funding_share=1.0,
            value_share=0.25,
            points=75,
            difference=Decimal("7500"),
        ),
        "Woco betaalt 100% van de financiering en krijgt 25% van de waarde: 75 procentpunten en "
        "€ 7.500 meer dan haar deel",
    ),
    (
        reason("checklist.knob_incomplete", knob=4, missing=("uitwerking", "trekker")),
        "stuurknop 4 staat aan maar mist een uitwerking en een trekker",
    ),
    (
        reason(
            "checklist.value_unproven", value="Goed wonen", missing=("bewijs_vooraf", "monitoring")
        ),
        "waarde Goed wonen heeft nog geen bewijs vooraf en geen monitoring",
    ),
    (
        reason("checklist.cost_uncovered", cost="WWZ-functie", amount=Decimal("3000"), year=2027),
        "kostenpost 'WWZ-functie' heeft € 3.000 zonder dekking (vanaf 2027)",
    ),
    (
        reason(
            "money.timing_gap",
            cost="Verbouwing",
            amount=Decimal("8000"),
            years=(2027,),
            covered_years=(2028,),
        ),
        "geld komt later dan de kosten: 'Verbouwing' mist € 8.000 in 2027, gedekt in 2028",
    ),
    (
        reason(
            "money.timing_gap",
            cost="Coach",
            amount=Decimal("3000"),
            years=(2027, 2028, 2029),
            covered_years=(2025, 2026),
        ),
        "geld komt eerder dan de kosten: 'Coach' mist € 3.000 in 2027–2029, "
        "al betaald in 2025–2026",
    ),
    (
        reason("money.shortfall", cost="Coach", amount=Decimal("2500"), years=(2025, 2026, 2029)),
        "tekort op 'Coach': € 2.500 dat binnen de looptijd niemand betaalt "
        "(niet gedekt in 2025–2026 en 2029)",
    ),
    (reason("checklist.cost_on_time", cost="Verbouwing"), "Op tijd gedekt: Verbouwing"),
    (
        reason("step.cliff", cliffs=((Decimal("8000"), 2027),)),
        "Spreek af wie vanaf 2027 betaalt: dan stopt € 8.000 per jaar aan tijdelijk geld.",
    ),
    (
        reason("step.cliff", cliffs=((Decimal("30000"), 2029), (Decimal("8000"), 2028))),
        "Spreek af wie betaalt als tijdelijk geld stopt: "
        "€ 30.000 per jaar vanaf 2029 en € 8.000 per jaar vanaf 2028.",
    ),
    (
        reason("step.discuss_knobs", knobs=(3, 5, 10)),
        "Bespreek de stuurknoppen 3, 5 en 10: die zijn nog niet besproken.",
    ),
    (
        reason("step.discuss_knobs", knobs=(7,)),
        "Bespreek stuurknop 7: die is nog niet besproken.",
    ),
    (
        reason("step.find_money", amount=Decimal("60000")),
        "Zoek geld voor € 60.000 aan kosten zonder dekking.",
    ),
    (
        reason("residents.score", average=0.5, items=(("Netwerk", 0.5),)),
        "0,50: het gemiddelde bij Netwerk (0,50)",
    ),
    (
        reason("residents.score", average=2.25, items=(("Hulp", 2.0), ("Buren", 2.5))),
        "2,25: het gemiddelde van 2 vragen: Hulp (2,00), Buren (2,50)",
    ),
    (reason("votes.none"), "nog geen stemmen"),
    (
        reason("votes.summary", count=2, median=1.5, spread=3, lowest=0, highest=3),
        "2 stemmen; mediaan 1,5 (de middelste score, het gemiddelde van de twee middelste); "
        "spreiding 3 (van 0 tot 3)",
    ),
    (
        reason("votes.summary", count=1, median=2.0, spread=0, lowest=2, highest=2),
        "1 stem; mediaan 2 (de middelste score); spreiding 0 (van 2 tot 2)",
    ),
    (
        reason(
            "divergence.spread",
            lowest=0.0,
            lowest_parties=("Zorg",),
            highest=3.0,
            highest_parties=("Woco", "Gemeente"),
            views=3,
        ),
        "van 0 (Zorg) tot 3 (Woco, Gemeente); 3 perspectieven",
    ),
]


@pytest.mark.parametrize(("given", "expected"), TABLE, ids=[r.code for r, _ in TABLE])
def test_a_reason_is_said_in_the_products_words(given, expected):
    assert text(given) == expected


def test_a_reason_standing_alone_starts_with_a_capital_and_ends_with_a_stop():
    cliff = reason("step.find_money.why", cost="Huur", amount=Decimal("5"))
    assert sentence(cliff) == "Het grootste tekort: 'Huur' (€ 5)."
    assert sentence(reason("value.no_route")) == "Geen route."
    assert capitalised(reason("value.no_route")) == "Geen route"
    assert (text(None), sentence(None)) == ("", "")
    assert texts([reason("value.no_route"), reason("votes.none")]) == (
        "geen route",
        "nog geen stemmen",
    )
