"""The log's changes said in Dutch: entity names, field labels and values from the model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.changes import (
    ENTITIES,
    CostItemName,
    Names,
    change_sentence,
    entry_text,
)
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogChange, LogEntity, LogEntry

MODEL = load_model()
NAMES = Names(
    parties={"gemeente": "Gemeente Voorbeeld", "woco": "Woonstichting"},
    cost_items={("Basis", "k1"): CostItemName("Huur ruimte", "jaarlijks")},
)
FUNDING = {"party": "gemeente", "source": "III", "cost_item": "k1"}
COST = {
    "id": "k1",
    "knob": 4,
    "description": "Huur ruimte",
    "kind": "jaarlijks",
    "first_year": 2026,
}


def said(**change: Any) -> str:
    return change_sentence(LogChange.model_validate(change), MODEL, NAMES, scenario="Basis")


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (
            {"entity": "knob_setting", "key": "6", "field": "opening", "old": 1, "new": 3},
            "Stuurknop 6: stand 1 → 3",
        ),
        (
            {"entity": "knob_setting", "key": "6", "field": "opening", "old": None, "new": 2},
            "Stuurknop 6: stand geen → 2",
        ),
        (
            {
                "entity": "knob_setting",
                "key": "6",
                "field": "status",
                "old": "niet_besproken",
                "new": "aan",
            },
            "Stuurknop 6: status niet besproken → aan",
        ),
        (
            {
                "entity": "knob_setting",
                "key": "6",
                "field": "elaboration",
                "old": "",
                "new": "Kort",
            },
            "Stuurknop 6: uitwerking gewijzigd: “Kort”",
        ),
        (
            {"entity": "knob_setting", "key": "6", "field": "elaboration", "old": "x", "new": ""},
            "Stuurknop 6: uitwerking gewist",
        ),
        (
            {
                "entity": "knob_setting",
                "key": "6",
                "field": "lead_party",
                "old": None,
                "new": "woco",
            },
            "Stuurknop 6: trekker geen → Woonstichting",
        ),
        (
            {
                "entity": "knob_setting",
                "key": "2",
                "field": "routes",
                "old": [],
                "new": ["welbevinden"],
            },
            "Stuurknop 2: routes geen → Meer welbevinden-route",
        ),
        (
            {
                "entity": "funding_line",
                "key": "f1",
                "action": "added",
                "new": {**FUNDING, "id": "f1", "amount": "30000.00", "status": "idee"},
            },
            "Financiering door Gemeente Voorbeeld (bron III) toegevoegd: € 30.000 per jaar voor "
            "kostenpost 'Huur ruimte' (idee)",
        ),
        (
            {
                "entity": "funding_line",
                "key": "f1",
                "field": "status",
                "old": "idee",
                "new": "in_gesprek",
                "about": FUNDING,
            },
            "Financiering door Gemeente Voorbeeld (bron III): status idee → in gesprek",
        ),
        (
            {
                "entity": "funding_line",
                "key": "f1",
                "field": "amount",
                "old": "30000.00",
                "new": "30000.50",
                "about": FUNDING,
            },
            "Financiering door Gemeente Voorbeeld (bron III): bedrag € 30.000 → € 30.000,50",
        ),
        (
            {
                "entity": "funding_line",
                "key": "f1",
                "field": "years",
                "old": 2,
                "new": None,
                "about": FUNDING,
            },
            "Financiering door Gemeente Voorbeeld (bron III): aantal jaren 2 → zolang de "
            "kostenpost loopt",
        ),
        (
            {
                "entity": "cost_item",
                "key": "k1",
                "action": "removed",
                "old": {**COST, "amount": "1.00"},
            },
            "Kostenpost 'Huur ruimte' verwijderd",
        ),
        (
            {
                "entity": "cost_item",
                "key": "k1",
                "action": "added",
                "new": {**COST, "amount": "12000.00"},
            },
            "Kostenpost 'Huur ruimte' toegevoegd: € 12.000 per jaar, stuurknop 4",
        ),
        (
            {
                "entity": "cost_item",
                "key": "k1",
                "field": "description",
                "old": "Huur",
                "new": "Huur ruimte",
                "about": {"description": "Huur"},
            },
            "Kostenpost 'Huur': omschrijving 'Huur' → 'Huur ruimte'",
        ),
        (
            {"entity": "cost_item", "key": "k1", "field": "years", "old": None, "new": 3},
            "Kostenpost 'Huur ruimte': aantal jaren structureel → 3",
        ),
        (
            {
                "entity": "interest",
                "key": "woco/goed_wonen",
                "field": "weight",
                "old": 1,
                "new": 3,
                "about": {"party": "woco", "value": "goed_wonen"},
            },
            "Belang van Woonstichting voor Goed wonen: 1 → 3",
        ),
        (
            {
                "entity": "interest",
                "key": "woco/efficient_werken",
                "field": "weight",
                "old": None,
                "new": 2,
            },
            "Belang van Woonstichting voor Efficiënt werken: geen → 2",
        ),
        (
            {"entity": "project", "field": "phase", "old": "idee", "new": "plan"},
            "Projectgegevens: fase idee → plan",
        ),
        (
            {"entity": "party", "key": "woco", "field": "at_table", "old": True, "new": False},
            "Partij 'Woonstichting': aan tafel ja → nee",
        ),
        (
            {
                "entity": "party",
                "key": "bank",
                "action": "added",
                "new": {"id": "bank", "name": "Bank", "party_type": "fonds", "at_table": False},
            },
            "Partij 'Bank' toegevoegd: Particulier fonds, niet aan tafel",
        ),
        (
            {"entity": "scenario", "key": "Basis", "field": "chosen", "old": False, "new": True},
            "Scenario 'Basis': gekozen nee → ja",
        ),
        (
            {
                "entity": "member",
                "key": "Carla",
                "field": "role",
                "old": "lezer",
                "new": "bewerker",
            },
            "Lid Carla: rol lezer → bewerker",
        ),
        (
            {
                "entity": "perspective",
                "key": "woco",
                "action": "added",
                "new": {"party": "woco"},
            },
            "Perspectief van Woonstichting toegevoegd",
        ),
        (
            {
                "entity": "resident_input",
                "key": "2026-05-01",
                "action": "added",
                "new": {"respondents": 46},
            },
            "Inbreng van de bewoners toegevoegd: 46 deelnemers",
        ),
        (
            {
                "entity": "resident_input",
                "key": "2026-05-01",
                "field": "date",
                "old": "2026-05-01",
                "new": "2026-12-06",
            },
            "Inbreng van de bewoners: datum 1 mei 2026 → 6 december 2026",
        ),
        (
            {"entity": "funding_line", "key": "f9", "field": "party", "old": "weg", "new": "woco"},
            "Financiering: wie betaalt een partij die er niet meer is → Woonstichting",
        ),
        (
            {"entity": "project", "field": "unknown_field", "old": {"a": 1}, "new": [1, 2]},
            "Projectgegevens: unknown field gewijzigd → gewijzigd",
        ),
    ],
)
def test_a_change_reads_as_a_sentence(change: dict[str, Any], sentence: str) -> None:
    assert said(**{"action": "changed", **change}) == sentence


def test_a_long_text_is_quoted_only_in_part() -> None:
    sentence = said(
        entity="knob_setting", key="6", action="changed", field="elaboration", old="", new="a" * 500
    )
    assert sentence.startswith("Stuurknop 6: uitwerking gewijzigd: “aaa")
    assert sentence.endswith("…”") and len(sentence) < 130


def test_an_entry_reads_as_its_what_and_then_its_changes() -> None:
    entry = LogEntry(
        at=dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC),
        who="Ans",
        what="Stuurknop 6 gewijzigd",
        changes=[
            LogChange(
                entity=LogEntity.KNOB_SETTING,
                key="6",
                action="changed",
                field="opening",
                old=1,
                new=3,
            )
        ],
    )
    assert entry_text(entry, MODEL) == "Stuurknop 6 gewijzigd\nStuurknop 6: stand 1 → 3"


def test_every_entity_of_the_log_is_declared_once() -> None:
    assert set(ENTITIES) == set(LogEntity)


@pytest.mark.parametrize(
    ("entity", "document_class"),
    [
        (LogEntity.PROJECT, doc.Basics),
        (LogEntity.PARTY, doc.Party),
        (LogEntity.KNOB_SETTING, doc.KnobSetting),
        (LogEntity.INTEREST, doc.Interest),
        (LogEntity.COST_ITEM, doc.CostItem),
        (LogEntity.FUNDING_LINE, doc.FundingLine),
    ],
)
def test_every_field_of_an_entity_in_the_project_file_has_its_words(
    entity: LogEntity, document_class: type[doc.Doc]
) -> None:
    assert set(document_class.model_fields) <= set(ENTITIES[entity].fields)


# Texts without brackets: a text value is said as text (a "[" typed by someone may show), so
# a bracket in the sentence can only come from a list or object said as data.
_texts = st.text(alphabet=st.characters(blacklist_characters="{[]}"), max_size=30)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | _texts,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(alphabet="abcxyz_", max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(
    entity=st.sampled_from(list(LogEntity)),
    action=st.sampled_from(["added", "changed", "removed"]),
    field=st.sampled_from(["opening", "amount", "status", "party", "routes", "answers", "x"]),
    old=json_values,
    new=json_values,
)
def test_no_change_is_ever_said_as_stored_data(
    entity: LogEntity, action: str, field: str, old: Any, new: Any
) -> None:
    sentence = said(entity=entity, key="k1", action=action, field=field, old=old, new=new)
    assert "{" not in sentence and "[" not in sentence
