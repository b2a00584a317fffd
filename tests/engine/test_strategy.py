"""Strategy checks: a project against the positions of the organisations at its table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from stuurknop.engine.strategy import departures
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile.positions import Positions


def positions(**fields: Any) -> Positions:
    return Positions.model_validate(
        {
            "model_version": "2025-concept",
            "organisation": "Woonstichting X",
            "party_type": "woningcorporatie",
            **fields,
        }
    )


def said(model, doc, by_party) -> list[str]:
    return [sentence(d.reason) for d in departures(model, doc, by_party)]


def test_a_project_within_every_position_departs_from_none(model, make_document) -> None:
    doc = make_document(
        knobs={2: 2},
        costs=[{"knob": 2}],
        funding=[{"party": "woco", "source": "IV", "amount": "1000"}],
    )
    woco = positions(
        knobs=[{"knob": 2, "max_opening": 2, "role": "bijdragen"}],
        sources=[{"source": "IV", "pays": True, "ceiling": "5000", "basis": "per_project"}],
    )
    assert departures(model, doc, {"woco": woco}) == []


def test_a_knob_opened_further_than_the_strategy_goes_departs(model, make_document) -> None:
    doc = make_document(knobs={2: 3, 5: 1})
    woco = positions(knobs=[{"knob": 2, "max_opening": 1}, {"knob": 5, "max_opening": 0}])
    found = departures(model, doc, {"woco": woco})
    assert [(d.knob, d.reason.params["opening"], d.reason.params["allowed"]) for d in found] == [
        (2, 3, 1),
        (5, 1, 0),
    ]
    assert "gaat uit" in sentence(found[1].reason)


def test_an_unprofitable_investment_over_the_ceiling_per_project_is_said_with_both_amounts(
    model, make_document
) -> None:
    # € 30.000 a year for five years (2025–2029) from source IV: € 150.000 over the project.
    doc = make_document(
        costs=[{"amount": "30000"}],
        funding=[{"party": "woco", "source": "IV", "amount": "30000"}],
    )
    woco = positions(sources=[{"source": "IV", "pays": True, "ceiling": "100000.50"}])
    (found,) = departures(model, doc, {"woco": woco})
    assert found.source == "IV"
    assert found.reason.params["amount"] == Decimal("150000")
    assert sentence(found.reason) == (
        "Dit project vraagt van Woonstichting X een onrendabele investering van € 150.000; "
        "de strategie staat € 100.000,50 per project toe."
    )


def test_a_ceiling_per_year_names_the_years_above_it(model, make_document) -> None:
    # Two lines from source V: 2025–2026 pay 3000 + 2000, from 2027 only 3000.
    doc = make_document(
        costs=[{"amount": "6000"}],
        funding=[
            {"party": "woco", "source": "V", "amount": "3000"},
            {"party": "woco", "source": "V", "amount": "2000", "years": 2},
        ],
    )
    woco = positions(
        sources=[{"source": "V", "pays": True, "ceiling": "4000", "basis": "per_jaar"}]
    )
    (found,) = departures(model, doc, {"woco": woco})
    assert found.reason.params["years"] == (2025, 2026)
    assert found.reason.params["amount"] == Decimal("5000")
    assert "per jaar (in 2025–2026)" in sentence(found.reason)


def test_paying_from_a_source_the_strategy_does_not_pay_from_departs(model, make_document) -> None:
    doc = make_document(
        costs=[{"kind": "eenmalig", "amount": "800"}],
        funding=[{"party": "woco", "source": "VII", "amount": "800"}],
    )
    woco = positions(sources=[{"source": "VII", "pays": False}])
    assert said(model, doc, {"woco": woco}) == [
        "Dit project vraagt van Woonstichting X € 800 uit bron VII (bijdrage voor gebruik van "
        "de ontmoetingsruimte); volgens de strategie betaalt de organisatie niet uit deze bron."
    ]


def test_a_source_without_a_position_is_not_judged(model, make_document) -> None:
    doc = make_document(costs=[{}], funding=[{"party": "woco", "source": "IV"}])
    assert departures(model, doc, {"woco": positions(sources=[])}) == []


@pytest.mark.parametrize(
    ("role", "lead", "pays", "codes"),
    [
        ("aan_anderen_laten", "woco", False, ["strategy.leads_against_role"]),
        ("niet", "woco", True, ["strategy.leads_against_role", "strategy.pays_against_role"]),
        ("niet", "zorg", True, ["strategy.pays_against_role"]),
        ("trekken", "zorg", False, ["strategy.does_not_lead"]),
        ("trekken", "woco", True, []),
        ("bijdragen", "zorg", True, []),
    ],
)
def test_the_role_is_held_to_who_leads_and_who_pays(
    model, make_document, role: str, lead: str, pays: bool, codes: list[str]
) -> None:
    doc = make_document(
        knobs={4: {"status": "aan", "opening": 1, "lead_party": lead}},
        costs=[{"knob": 4}],
        funding=[{"party": "woco" if pays else "zorg", "source": "V"}],
    )
    woco = positions(knobs=[{"knob": 4, "role": role}])
    assert [d.reason.code for d in departures(model, doc, {"woco": woco})] == codes


def test_a_required_partner_missing_from_the_table_departs(model, make_document) -> None:
    doc = make_document(
        parties={"woco": "woningcorporatie", "gemeente": "gemeente", "zorg": "zorgorganisatie"},
        not_at_table=["zorg"],
    )
    woco = positions(required_party_types=["gemeente", "zorgorganisatie"])
    assert said(model, doc, {"woco": woco}) == [
        "Woonstichting X doet alleen mee met een zorgorganisatie aan tafel; die zit er niet."
    ]


def test_a_party_not_at_the_table_is_not_held_to_its_positions(model, make_document) -> None:
    doc = make_document(knobs={2: 3}, not_at_table=["woco"])
    woco = positions(knobs=[{"knob": 2, "max_opening": 1}])
    assert departures(model, doc, {"woco": woco}) == []


def test_each_departure_names_the_party_it_concerns(model, make_document) -> None:
    doc = make_document(knobs={2: 3})
    low = [{"knob": 2, "max_opening": 1}]
    found = departures(
        model,
        doc,
        {"woco": positions(knobs=low), "zorg": positions(organisation="Zorg Y", knobs=low)},
    )
    assert [(d.party, d.organisation) for d in found] == [
        ("woco", "Woonstichting X"),
        ("zorg", "Zorg Y"),
    ]
