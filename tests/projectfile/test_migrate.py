"""Version-1 project files keep importing: their log's texts become changes (version 2)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurknop.projectfile import dump_document, json_schema, parse_json, to_data
from stuurknop.projectfile.migrate import log_entry_v1_to_v2, upgrade
from stuurknop.projectfile.schema import SCHEMA_VERSION, LogChange

DOCUMENT = {
    "parties": [{"id": "woco", "name": "Woco"}, {"id": "gemeente", "name": "Gemeente"}],
    "scenarios": [
        {
            "name": "Basis",
            "costs": [{"id": "k1", "description": "Huur ruimte"}],
            "funding": [{"id": "f1", "party": "gemeente", "source": "III", "cost_item": "k1"}],
        }
    ],
}


def upgraded(what: str, old: str = "", new: str = "", scenario: str = "Basis") -> dict[str, Any]:
    entry = {"at": "2025-01-01T10:00:00+01:00", "who": "Ans", "what": what, "scenario": scenario}
    return log_entry_v1_to_v2({**entry, "old": old, "new": new}, DOCUMENT)


def fields(entry: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(c["entity"], c["key"], c["action"], c.get("field")) for c in entry["changes"]]


# Version 1 named a funding line and a value by their ids; they are said by name now.
SAID_NOW = {
    "Financieringsregel 'f1' gewijzigd": "Financiering voor 'Huur ruimte' gewijzigd",
    "Belang van Woco bij 'goed_wonen' gewijzigd": "Belang van Woco bij Goed wonen gewijzigd",
}


@pytest.mark.parametrize(
    ("what", "old", "new", "expected"),
    [
        (
            "Stuurknop 6 gewijzigd",
            '{"opening": 1, "elaboration": ""}',
            '{"opening": 3, "elaboration": "x"}',
            [
                ("knob_setting", "6", "changed", "opening"),
                ("knob_setting", "6", "changed", "elaboration"),
            ],
        ),
        (
            "Kostenpost 'Huur ruimte' gewijzigd",
            '{"amount": "1.00"}',
            '{"amount": "2.00"}',
            [("cost_item", "k1", "changed", "amount")],
        ),
        (
            "Kostenpost 'Weg' verwijderd",
            '{"id": "k7", "description": "Weg"}',
            "",
            [("cost_item", "k7", "removed", None)],
        ),
        (
            "Financiering voor 'Huur ruimte' toegevoegd",
            "",
            '{"id": "f2", "party": "woco", "source": "I", "cost_item": "k1"}',
            [("funding_line", "f2", "added", None)],
        ),
        (
            "Financieringsregel 'f1' gewijzigd",
            '{"status": "idee"}',
            '{"status": "toegezegd"}',
            [("funding_line", "f1", "changed", "status")],
        ),
        (
            "Belang van Woco bij 'goed_wonen' gewijzigd",
            '{"weight": null, "reason": ""}',
            '{"weight": 2, "reason": ""}',
            [("interest", "woco/goed_wonen", "changed", "weight")],
        ),
        (
            "Scenario 'Basis' gewijzigd",
            '{"name": "Basis"}',
            '{"name": "Basis 2025"}',
            [("scenario", "Basis", "changed", "name")],
        ),
        (
            "Partij 'Woco' toegevoegd",
            "",
            '{"id": "woco", "party_type": "woningcorporatie", "at_table": true}',
            [("party", "woco", "added", None)],
        ),
        (
            "Projectgegevens gewijzigd",
            '{"phase": "idee"}',
            '{"phase": "plan"}',
            [("project", None, "changed", "phase")],
        ),
        (
            "Rol van Carla gewijzigd",
            '{"role": "lezer"}',
            '{"role": "bewerker"}',
            [("member", "Carla", "changed", "role")],
        ),
        (
            "Live sessie gesloten: Mei; resultaten opgeslagen als perspectieven",
            "",
            '{"perspectieven": ["woco", "gemeente"]}',
            [("perspective", "woco", "added", None), ("perspective", "gemeente", "added", None)],
        ),
    ],
)
def test_the_json_texts_the_app_wrote_become_changes(
    what: str, old: str, new: str, expected: list[tuple[Any, ...]]
) -> None:
    entry = upgraded(what, old, new)
    assert entry["what"] == SAID_NOW.get(what, what)
    assert fields(entry) == expected
    assert "old" not in entry and "new" not in entry
    for change in entry["changes"]:
        LogChange.model_validate(change)


def test_a_changed_funding_line_keeps_its_party_and_source_to_be_named_by() -> None:
    [change] = upgraded(
        "Financieringsregel 'f1' gewijzigd", '{"amount": "1.00"}', '{"amount": "2.00"}'
    )["changes"]
    assert change["about"] == {"party": "gemeente", "source": "III", "cost_item": "k1"}


@pytest.mark.parametrize(
    ("what", "old", "new", "expected"),
    [
        ("Fase gewijzigd.", "idee", "plan", "Fase gewijzigd. — was: idee; nu: plan"),
        (
            "Huurcontract getekend.",
            "",
            "€ 8.000 per jaar",
            "Huurcontract getekend. — nu: € 8.000 per jaar",
        ),
        ("Besluit", '["niet", "een", "object"]', "", 'Besluit — was: ["niet", "een", "object"]'),
        (
            "Perspectief van Woco ingevuld",
            "",
            '{"partij": "Woco", "herkomst": "eigen"}',
            "Perspectief van Woco ingevuld — herkomst: eigen",
        ),
        (
            "Perspectieven getoond",
            '{"antwoorden": "verborgen"}',
            '{"antwoorden": "getoond"}',
            "Perspectieven getoond",
        ),
    ],
)
def test_other_texts_are_kept_in_what(what: str, old: str, new: str, expected: str) -> None:
    entry = upgraded(what, old, new)
    assert (entry["what"], entry.get("changes", [])) == (expected, [])


def test_a_very_long_old_text_is_shortened_to_fit_what() -> None:
    entry = upgraded("Besluit", "a" * 30_000, "b" * 30_000)
    assert len(entry["what"]) <= 20_000 and entry["what"].count("(ingekort)") == 2


@pytest.mark.parametrize("name", ["flatcoach", "ontmoetingsruimte", "thuisflat"])
def test_the_version_1_example_files_import_and_export_in_the_current_version(name: str) -> None:
    text = resources.files("stuurknop.examples").joinpath(f"{name}.json").read_text("utf-8")
    assert json.loads(text)["schema_version"] == 1
    document = parse_json(text)
    exported = dump_document(document)
    data = json.loads(exported)
    assert data["schema_version"] == SCHEMA_VERSION == 3
    assert data["meetings"] == data["decisions"] == data["actions"] == []
    assert all("old" not in e and "new" not in e for e in data["log"])
    assert dump_document(parse_json(exported)) == exported


def test_a_file_of_a_later_version_is_refused_in_dutch() -> None:
    text = resources.files("stuurknop.examples").joinpath("thuisflat.json").read_text("utf-8")
    data = json.loads(text)
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(Exception, match="schemaversie"):
        parse_json(json.dumps(data))


def test_a_version_2_file_imports_with_no_meetings_and_exports_as_version_3() -> None:
    text = resources.files("stuurknop.examples").joinpath("thuisflat.json").read_text("utf-8")
    version_2 = json.loads(dump_document(parse_json(text)))
    version_2["schema_version"] = 2
    for key in ("meetings", "decisions", "actions"):
        del version_2[key]
    document = parse_json(json.dumps(version_2))
    assert document.schema_version == 3
    assert document.meetings == [] and document.decisions == [] and document.actions == []
    assert len(document.log) == len(version_2["log"])


def test_the_schema_is_version_3_with_structured_changes_and_meetings() -> None:
    schema = json_schema()
    assert schema["properties"]["schema_version"]["const"] == 3
    assert {"meetings", "decisions", "actions"} <= schema["properties"].keys()
    assert "changes" in schema["$defs"]["LogEntry"]["properties"]
    assert "old" not in schema["$defs"]["LogEntry"]["properties"]


def test_upgrading_leaves_what_is_not_a_document_or_not_older_alone() -> None:
    assert upgrade([1, 2]) == [1, 2]
    assert upgrade({"schema_version": 2, "log": [{"old": "x"}]}) == {
        "schema_version": 3,
        "log": [{"old": "x"}],
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.from_regex(r"[a-z]{1,6}", fullmatch=True), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=50, deadline=None)
@given(
    changes=st.lists(
        st.fixed_dictionaries(
            {
                "entity": st.sampled_from(["knob_setting", "cost_item", "funding_line", "project"]),
                "key": st.none() | st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
                "action": st.sampled_from(["added", "changed", "removed"]),
                "field": st.none()
                | st.from_regex(r"[a-z_]{1,10}", fullmatch=True).filter(lambda f: f[0] != "_"),
                "old": json_values,
                "new": json_values,
            }
        ),
        max_size=4,
    )
)
def test_a_log_with_changes_exports_and_imports_unchanged(changes: list[dict[str, Any]]) -> None:
    text = resources.files("stuurknop.examples").joinpath("thuisflat.json").read_text("utf-8")
    data = to_data(parse_json(text))
    data["log"][0]["changes"] = changes
    exported = dump_document(parse_json(json.dumps(data)))
    assert dump_document(parse_json(exported)) == exported


@pytest.mark.parametrize(
    ("what", "said"),
    [
        ("Financieringsregel 'f1' verwijderd", "Financiering voor 'Huur ruimte' verwijderd"),
        ("Financieringsregel 'f9' gewijzigd", "Financieringsregel 'f9' gewijzigd"),  # unknown
        (
            "Belang van Zorg bij 'werkplezier' gewijzigd",
            "Belang van Zorg bij Werkplezier gewijzigd",
        ),
        (
            "Belang van Zorg bij 'bestaat_niet' gewijzigd",
            "Belang van Zorg bij 'bestaat_niet' gewijzigd",
        ),
    ],
)
def test_an_old_line_names_what_it_changed_by_name_not_by_id(what: str, said: str) -> None:
    assert upgraded(what)["what"] == said
