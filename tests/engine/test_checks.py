"""Coherence checks: each fires when the model's text says it should, and stays quiet otherwise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from stuurknop.engine import analyse
from stuurknop.engine.checks import CHECKS
from stuurknop.presentation.reasons import texts
from stuurknop.projectfile.agreement import AgreementConfirmation, AgreementContent, new_version

EVERY_VALUE_AT_ONE = {k: 3 for k in range(1, 11)}
ONLY_PARTNERS = {"woco": "woningcorporatie", "zorg": "zorgorganisatie", "gemeente": "gemeente"}


def findings(model, doc) -> dict[str, tuple[str, ...]]:
    return {result.id: texts(result.reasons) for result in analyse(model, doc).checks}


def _frozen_agreement(**content: Any) -> dict[str, Any]:
    """A version of the agreement confirmed by its only party at the table, woco."""
    at = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    agreed = AgreementContent.model_validate(
        {"scenario": "Basis", "first_year": 2025, "last_year": 2029, **content}
    )
    version = new_version([], agreed, at=at, by="Anna")
    confirmed = AgreementConfirmation(party="woco", by="Anna", at=at)
    return version.model_copy(update={"confirmations": [confirmed]}).model_dump(mode="json")


WOCO_ALONE = _frozen_agreement(parties=[{"party": "woco", "name": "Woco"}])


# (check id, what the test is about, document arguments)
COMMITTED_LINE = {"cost_item": "k1", "party": "gemeente", "source": "III", "amount": "10",
                  "status": "toegezegd"}  # fmt: skip

FIRES = [
    ("activiteiten_zonder_ruimte", "activities on, room not discussed", {"knobs": {5: 1}}),
    ("activiteiten_zonder_ruimte", "activities on, room off", {"knobs": {5: 2, 2: "uit"}}),
    ("servicekosten_en_buurt", "room via service costs, neighbourhood welcome",
     {"knobs": {9: 1}, "costs": [{"knob": 3}],
      "funding": [{"party": "bewoners", "source": "VI"}]}),
    ("structureel_op_tijdelijk_geld", "subsidy stops while the cost runs on",
     {"costs": [{}], "funding": [{"party": "gemeente", "source": "I", "years": 2}]}),
    ("structureel_op_tijdelijk_geld", "structural cost on temporary money to the end",
     {"costs": [{}], "funding": [{"party": "gemeente", "source": "I"}]}),
    ("onrendabele_investering", "corporation accepts an unprofitable investment",
     {"costs": [{}], "funding": [{"party": "woco", "source": "IV"}]}),
    ("drempel_voor_bewoners", "a fee per cup of coffee",
     {"costs": [{}], "funding": [{"party": "bewoners", "source": "VIII"}]}),
    ("drempel_voor_bewoners", "a fee per activity",
     {"costs": [{}], "funding": [{"party": "bewoners", "source": "IX"}]}),
    ("gemeenschap_zonder_professional", "community building without any cost",
     {"knobs": {6: 1}}),
    ("gemeenschap_zonder_professional", "costs only at other knobs",
     {"knobs": {6: 2}, "costs": [{"knob": 5}]}),
    ("vaste_aanbieder_zonder_gemeente", "single provider, policy not discussed",
     {"knobs": {7: 1}}),
    ("vaste_aanbieder_zonder_gemeente", "single provider, policy off",
     {"knobs": {7: 1, 10: "uit"}}),
    ("geen_bewoners", "no residents at all", {"parties": ONLY_PARTNERS}),
    ("geen_bewoners", "residents named but not at the table",
     {"parties": {**ONLY_PARTNERS, "bewoners": "bewoners"}, "not_at_table": ["bewoners"]}),
    ("geen_bewoners", "a questionnaire nobody answered",
     {"parties": ONLY_PARTNERS, "resident_input": [{"date": "2025-04-01", "respondents": 0}]}),
    ("bron_past_niet_bij_partij", "a care organisation paying municipal subsidy",
     {"costs": [{}], "funding": [{"party": "zorg", "source": "I"}]}),
    ("gebruik_door_derden", "a partner pays for using the room",
     {"costs": [{}], "funding": [{"party": "zorg", "source": "VII"}]}),
    ("corporatie_betaalt_baten_elders", "corporation pays all, gets half",
     {"knobs": {4: 1}, "costs": [{}], "funding": [{"party": "woco", "source": "V"}],
      "interests": {"woco": {"goed_wonen": 1}, "zorg": {"goed_wonen": 3}}}),
    ("aan_zonder_kosten", "knob at 2 without costs", {"knobs": {4: 2}}),
    ("afspraak_wijkt_af", "agreed by woco alone, four parties joined since",
     {"agreements": [WOCO_ALONE]}),
    ("aan_zonder_kosten", "knob at 3 with costs at another knob",
     {"knobs": {4: 3}, "costs": [{"knob": 3}]}),
    ("toezegging_namens_partij", "committed, recorded on the party's behalf",
     {"costs": [{"id": "k1", "knob": 4}], "funding": [{**COMMITTED_LINE,
      "commitment": {"how": "namens", "by": "Piet", "evidence_reference": "FZ-1"}}]}),
    ("toezegging_namens_partij", "committed in an older file, without a commitment",
     {"costs": [{"id": "k1", "knob": 4}], "funding": [COMMITTED_LINE]}),
]  # fmt: skip

QUIET = [
    ("activiteiten_zonder_ruimte", "activities and room both on", {"knobs": {5: 1, 2: 1}}),
    ("activiteiten_zonder_ruimte", "room on, activities not", {"knobs": {2: 1}}),
    ("servicekosten_en_buurt", "neighbourhood not on",
     {"knobs": {9: "uit"}, "costs": [{"knob": 3}],
      "funding": [{"party": "bewoners", "source": "VI"}]}),
    ("servicekosten_en_buurt", "service costs pay for something else than the room",
     {"knobs": {9: 1}, "costs": [{"knob": 6}],
      "funding": [{"party": "bewoners", "source": "VI"}]}),
    ("servicekosten_en_buurt", "room paid from another source",
     {"knobs": {9: 1}, "costs": [{"knob": 2}], "funding": [{"party": "woco", "source": "V"}]}),
    ("structureel_op_tijdelijk_geld", "structural money",
     {"costs": [{}], "funding": [{"party": "gemeente", "source": "II"}]}),
    ("structureel_op_tijdelijk_geld", "the cost ends with the subsidy",
     {"costs": [{"years": 2}], "funding": [{"party": "gemeente", "source": "I"}]}),
    ("structureel_op_tijdelijk_geld", "a one-off cost on a subsidy",
     {"costs": [{"kind": "eenmalig"}], "funding": [{"party": "gemeente", "source": "I"}]}),
    ("structureel_op_tijdelijk_geld", "structural money takes over in time",
     {"costs": [{}], "funding": [{"party": "gemeente", "source": "I", "years": 2},
                                 {"party": "gemeente", "source": "II", "first_year": 2027}]}),
    ("onrendabele_investering", "the corporation pays in hours",
     {"costs": [{}], "funding": [{"party": "woco", "source": "V"}]}),
    ("drempel_voor_bewoners", "residents pay through service costs",
     {"costs": [{}], "funding": [{"party": "bewoners", "source": "VI"}]}),
    ("gemeenschap_zonder_professional", "a community builder is budgeted",
     {"knobs": {6: 1}, "costs": [{"knob": 6}]}),
    ("gemeenschap_zonder_professional", "community building off", {"knobs": {6: "uit"}}),
    ("vaste_aanbieder_zonder_gemeente", "policy on as well", {"knobs": {7: 1, 10: 1}}),
    ("vaste_aanbieder_zonder_gemeente", "no single provider", {"knobs": {10: 1}}),
    ("geen_bewoners", "residents at the table", {}),
    ("geen_bewoners", "resident input collected",
     {"parties": ONLY_PARTNERS, "resident_input": [{"date": "2025-04-01", "respondents": 31}]}),
    ("bron_past_niet_bij_partij", "the municipality pays its own subsidy",
     {"costs": [{}], "funding": [{"party": "gemeente", "source": "I"}]}),
    ("gebruik_door_derden", "the partner pays in hours",
     {"costs": [{}], "funding": [{"party": "zorg", "source": "V"}]}),
    ("corporatie_betaalt_baten_elders", "nobody said what matters to them",
     {"knobs": {4: 1}, "costs": [{}], "funding": [{"party": "woco", "source": "V"}]}),
    ("corporatie_betaalt_baten_elders", "no knob on, so no value anywhere",
     {"costs": [{}], "funding": [{"party": "woco", "source": "V"}],
      "interests": {"woco": {"goed_wonen": 1}, "zorg": {"goed_wonen": 3}}}),
    ("corporatie_betaalt_baten_elders", "corporation pays 35% for 25% of the value",
     {"knobs": {4: 1}, "costs": [{"amount": "1000"}],
      "funding": [{"party": "woco", "source": "V", "amount": "350"},
                  {"party": "zorg", "source": "V", "amount": "650"}],
      "interests": {"woco": {"goed_wonen": 1}, "zorg": {"goed_wonen": 3},
                    "welzijn": {"goed_wonen": 2}, "gemeente": {"goed_wonen": 1}}}),
    ("corporatie_betaalt_baten_elders", "someone else pays more than it gains",
     {"knobs": {4: 1}, "costs": [{}], "funding": [{"party": "gemeente", "source": "V"}],
      "interests": {"woco": {"goed_wonen": 1}, "zorg": {"goed_wonen": 3}}}),
    ("aan_zonder_kosten", "knob only slightly open", {"knobs": {4: 1}}),
    ("afspraak_wijkt_af", "no agreement yet", {"knobs": {4: 1}}),
    ("aan_zonder_kosten", "knob with its own cost item", {"knobs": {4: 3}, "costs": [{"knob": 4}]}),
    ("toezegging_namens_partij", "committed and confirmed by the party itself",
     {"costs": [{"id": "k1", "knob": 4}], "funding": [{**COMMITTED_LINE,
      "commitment": {"how": "bevestigd", "by": "Gert", "organisation": "Gemeente"}}]}),
    ("toezegging_namens_partij", "only in gesprek",
     {"costs": [{"id": "k1", "knob": 4}], "funding": [{**COMMITTED_LINE, "status": "in_gesprek"}]}),
]  # fmt: skip


def ids(table):
    return [f"{check}: {about}" for check, about, _ in table]


@pytest.mark.parametrize(("check", "about", "kwargs"), FIRES, ids=ids(FIRES))
def test_it_fires(model, make_document, check, about, kwargs):
    assert findings(model, make_document(**kwargs)).get(check)


@pytest.mark.parametrize(("check", "about", "kwargs"), QUIET, ids=ids(QUIET))
def test_it_stays_quiet(model, make_document, check, about, kwargs):
    assert check not in findings(model, make_document(**kwargs))


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_every_check_has_a_case_where_it_fires_and_one_where_it_does_not(check):
    assert check in {c for c, _, _ in FIRES}
    assert check in {c for c, _, _ in QUIET}


def test_a_finding_says_which_knobs_made_it_fire(model, make_document):
    result = findings(model, make_document(knobs={5: 2, 7: 1, 10: "uit"}))
    assert result["activiteiten_zonder_ruimte"] == (
        "stuurknop 5 staat aan (stand 2), stuurknop 2 niet",
    )
    assert result["vaste_aanbieder_zonder_gemeente"] == (
        "stuurknop 7 staat aan; stuurknop 10 staat uit",
    )
    assert result["aan_zonder_kosten"] == (
        "stuurknop 5 (Inrichten activiteitenaanbod) staat op stand 2",
    )


def test_a_finding_names_the_funding_line(model, make_document):
    doc = make_document(
        costs=[{"description": "Koffie", "kind": "eenmalig", "amount": "250"}],
        funding=[{"party": "bewoners", "source": "VIII", "amount": "250"}],
    )
    assert findings(model, doc)["drempel_voor_bewoners"] == (
        "Bewoners betaalt € 250 uit bron VIII voor 'Koffie'",
    )


def test_a_source_that_does_not_fit_names_who_the_model_expects(model, make_document):
    doc = make_document(costs=[{}], funding=[{"party": "zorg", "source": "I"}])
    assert findings(model, doc)["bron_past_niet_bij_partij"] == (
        "Zorg (zorgorganisatie) betaalt uit bron I; het model noemt daarvoor: gemeente",
    )


def test_the_corporation_finding_gives_both_shares(model, make_document):
    [kwargs] = [k for c, _, k in FIRES if c == "corporatie_betaalt_baten_elders"]
    assert findings(model, make_document(**kwargs))["corporatie_betaalt_baten_elders"] == (
        "Woco betaalt 100% van de financiering en krijgt 50% van de waarde: 50 procentpunten en "
        "€ 2.500 meer dan haar deel",
    )


def test_structural_cost_on_temporary_money_asks_whether_it_is_promised_that_long(
    model, make_document
):
    doc = make_document(
        costs=[{"description": "WWZ-functie"}],
        funding=[{"party": "gemeente", "source": "I"}],
    )
    assert findings(model, doc)["structureel_op_tijdelijk_geld"] == (
        "'WWZ-functie' is structureel, maar wordt tot het einde betaald uit tijdelijke bron I: "
        "is dat geld echt zo lang toegezegd?",
    )


def test_a_cliff_is_reported_once_with_its_year(model, make_document):
    doc = make_document(costs=[{}], funding=[{"party": "gemeente", "source": "III", "years": 2}])
    # Paid 2025–2026 by III, the cost runs on: the cliff is in 2027.
    [finding] = findings(model, doc)["structureel_op_tijdelijk_geld"]
    assert finding.startswith("vanaf 2027 stopt € 1.000 per jaar uit bron III;")


def test_a_result_carries_the_models_words_and_the_most_severe_come_first(model, make_document):
    # waarschuwing: activiteiten_zonder_ruimte; aandacht: onrendabele_investering;
    # info: aan_zonder_kosten.
    doc = make_document(
        knobs={5: 2}, costs=[{"knob": 1}], funding=[{"party": "woco", "source": "IV"}]
    )
    results = analyse(model, doc).checks
    assert [r.id for r in results] == [
        "activiteiten_zonder_ruimte",
        "onrendabele_investering",
        "aan_zonder_kosten",
    ]
    assert [r.severity.value for r in results] == ["waarschuwing", "aandacht", "info"]
    text = model.check_text("activiteiten_zonder_ruimte")
    assert (results[0].title, results[0].message, results[0].source) == (
        text.title,
        text.message,
        text.source,
    )
    assert results[0].knobs == (2, 5)
