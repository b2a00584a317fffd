"""Realised money in the project file: one cost item or funding line of the scenario, a year
within the horizon, once per thing and year; earlier files (without actuals) still read."""

from __future__ import annotations

import pytest

from stuurknop.projectfile import DocumentInvalid, dump_document, parse_document, parse_json
from tests.conftest import project_data


def data(*actuals):
    return project_data(
        costs=[{"id": "k1"}],
        funding=[{"party": "woco", "source": "IV"}],
        actuals=list(actuals),
    )


def errors(*actuals):
    with pytest.raises(DocumentInvalid) as raised:
        parse_document(data(*actuals))
    return [(e.location, e.message) for e in raised.value.errors]


def spent(id="r1", year=2026, **more):
    return {"id": id, "cost_item": "k1", "year": year, "amount": "1200.50", **more}


def test_spent_and_received_round_trip():
    doc = parse_document(
        data(spent(), {"id": "r2", "funding_line": "f1", "year": 2026, "amount": "800"})
    )
    actuals = doc.scenario().actuals
    assert [(a.spent, a.ref, str(a.amount)) for a in actuals] == [
        (True, "k1", "1200.50"),
        (False, "f1", "800"),
    ]
    assert parse_json(dump_document(doc)) == doc


def test_earlier_documents_without_actuals_read():
    plain = project_data(costs=[{"id": "k1"}])
    assert parse_document(plain).scenario().actuals == []


@pytest.mark.parametrize(
    ("actual", "words"),
    [
        (spent(cost_item="k9"), "onbekende kostenpost 'k9'"),
        (
            {"id": "r1", "funding_line": "f9", "year": 2026, "amount": "1"},
            "onbekende financieringsregel 'f9'",
        ),
        (spent(year=2031), "2031 valt buiten de looptijd van het project (2025–2029)"),
        (spent(funding_line="f1"), "noem óf een kostenpost óf een financieringsregel"),
        (
            {"id": "r1", "year": 2026, "amount": "1"},
            "noem óf een kostenpost óf een financieringsregel",
        ),
    ],
)
def test_a_wrong_reference_or_year_is_refused_with_its_place(actual, words):
    (found,) = errors(actual)
    assert found[1] == words
    assert "gerealiseerd bedrag 1" in found[0]


def test_one_amount_per_thing_and_year():
    found = errors(spent(), spent(id="r2"))
    assert found == [(found[0][0], "voor deze kostenpost staat in 2026 al een bedrag")]
    assert "gerealiseerd bedrag 2" in found[0][0]


def test_money_has_at_most_two_decimals():
    with pytest.raises(DocumentInvalid):
        parse_document(data(spent(amount="10.005")))
