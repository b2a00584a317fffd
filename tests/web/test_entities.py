"""Each row entity is declared once, by its class in the project file: its table, its form and
its data are checked against that declaration here, so a field added to the schema and not
stored (or stored and not in the schema) fails."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from django.db import models

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument, parse_document
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.projects.entities import (
    ACTUAL_ROW,
    COST_ITEM,
    ENTITIES,
    FUNDING_LINE,
    INTEREST,
    KNOB_SETTING,
    PROJECT_PARTY,
    ROW_ENTITIES,
    RowEntity,
    column,
    row_data,
    row_values,
)
from stuurknop.web.projects.forms.actuals import ActualForm
from stuurknop.web.projects.forms.declared import bounds, label_of
from stuurknop.web.projects.forms.projects import PartyForm
from stuurknop.web.projects.forms.values import PartyInterestsForm
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.worksheet.forms import KnobSettingForm
from stuurknop.web.projects.worksheet.money_forms import CostItemForm, FundingLineForm, RowForm

FORMS: Mapping[str, type[RowForm]] = {
    COST_ITEM.list_name: CostItemForm,
    FUNDING_LINE.list_name: FundingLineForm,
    ACTUAL_ROW.list_name: ActualForm,
}


@pytest.fixture
def shared_document(shared_document: ProjectDocument) -> ProjectDocument:
    """The shared document with money spent on its cost item and received on its funding line
    (realised money is a row entity too)."""
    data = shared_document.model_dump(mode="json")
    data["scenarios"][0]["actuals"] = [
        {"id": "r1", "cost_item": "k1", "year": 2025, "amount": "19500.00"},
        {"id": "r2", "funding_line": "f1", "year": 2025, "amount": "20000.00", "note": "op tijd"},
    ]
    return parse_document(data)


def _columns(entity: RowEntity) -> set[str]:
    return {f.name for f in entity.model._meta.concrete_fields} - entity.bookkeeping


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.list_name)
def test_every_field_of_the_schema_is_stored_and_every_column_is_in_the_schema(
    entity: RowEntity,
) -> None:
    assert {column(name) for name in entity.fields()} == _columns(entity)


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.list_name)
def test_a_reference_is_stored_as_a_foreign_key_and_every_foreign_key_is_a_reference(
    entity: RowEntity,
) -> None:
    foreign_keys = {
        f.name
        for f in entity.model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.name not in entity.bookkeeping
    }
    assert foreign_keys == set(entity.references)


@pytest.mark.parametrize("entity", [COST_ITEM, FUNDING_LINE, ACTUAL_ROW], ids=lambda e: e.list_name)
def test_the_form_offers_every_edited_field_with_the_schemas_title(
    entity: RowEntity, project: Project
) -> None:
    form_class = FORMS[entity.list_name]
    assert form_class.schema is entity.schema
    assert set(form_class.not_edited) <= set(entity.fields())
    assert set(form_class.questions) <= set(entity.fields())
    scenario = project.scenarios.get()
    given: dict[str, Any] = {"project": project, "parties": list(project.parties.all())}
    if form_class is FundingLineForm:
        given |= {
            "model": load_model(project.model_version),
            "cost_items": list(scenario.cost_items.all()),
        }
    if form_class is ActualForm:
        given = {
            "project": project,
            "cost_items": list(scenario.cost_items.all()),
            "funding_lines": list(scenario.funding_lines.all()),
        }
    form = form_class(**given)
    assert list(form.fields) == form_class.edited()
    for name in form_class.edited():
        expected = form_class.questions.get(name, label_of(entity.schema, name))
        assert str(form.fields[name].label) == str(expected), name


@pytest.mark.parametrize("entity", ENTITIES, ids=lambda e: e.list_name)
def test_a_row_read_as_document_data_and_back_is_the_same_row(
    entity: RowEntity, project: Project
) -> None:
    scenario = project.scenarios.get()
    rows = list(entity.rows(project if entity is PROJECT_PARTY else scenario))
    assert rows, "the shared document has rows of every entity"
    found = {
        "party": {p.key: p for p in project.parties.all()},
        "cost_item": {c.key: c for c in scenario.cost_items.all()},
        "funding_line": {f.key: f for f in scenario.funding_lines.all()},
    }

    def resolve(names: str, field: str, key: str | None) -> Any:
        return None if key is None else found[names][key]

    for row in rows:
        values = row_values(entity, entity.schema.model_validate(row_data(entity, row)), resolve)
        assert values == {name: getattr(row, name) for name in _columns(entity)}


def test_the_knob_form_asks_every_field_of_a_knob_setting_with_the_declarations_bounds(
    project: Project,
) -> None:
    form_class = KnobSettingForm
    assert form_class.schema is KNOB_SETTING.schema
    assert form_class.edited() == [n for n in KNOB_SETTING.fields() if n != "knob"]
    model = load_model(project.model_version)
    form = form_class(model=model, knob=model.knobs[0], parties=list(project.parties.all()))
    asked = [name for name in form.fields if name != "version" and not name.startswith("answer_")]
    assert asked == [name for name in form_class.edited() if name != "answers"]
    assert [field.name for field in form.setting_fields()] == asked  # the page shows them all
    for name in asked:
        expected = form_class.questions.get(name, label_of(KNOB_SETTING.schema, name))
        assert str(form.fields[name].label) == str(expected), name
    answers = [form.fields[f"answer_{i}"] for i in range(1, len(form.answer_fields()) + 1)]
    assert answers and all(a.max_length == 20_000 for a in answers)  # type: ignore[attr-defined]
    assert form.fields["elaboration"].max_length == 20_000  # type: ignore[attr-defined]


def test_the_interests_form_asks_weight_and_reason_of_every_value_within_the_declaration(
    project: Project,
) -> None:
    values = load_model(project.model_version).values
    form = PartyInterestsForm(values=values, stored={})
    edited = {n for n in INTEREST.fields() if n not in ("party", "value")}  # the form's key
    assert edited == {"weight", "reason"}  # each a field per value below
    for value in values:
        assert f"weight_{value.id}" in form.fields
        reason = form.fields[f"reason_{value.id}"]
        assert reason.max_length == bounds(INTEREST.schema, "reason")["max_length"]  # type: ignore[attr-defined]


def test_the_party_form_asks_every_field_of_a_party_but_its_id(project: Project) -> None:
    assert PartyForm.schema is PROJECT_PARTY.schema
    form = PartyForm(model_version=project.model_version, organisations=Organisation.objects.none())
    assert list(form.fields) == [*PartyForm.edited(), "organisation"]
    assert PartyForm.edited() == [n for n in PROJECT_PARTY.fields() if n != "id"]
    for name in PartyForm.edited():
        expected = PartyForm.questions.get(name, label_of(PROJECT_PARTY.schema, name))
        assert str(form.fields[name].label) == str(expected), name
    assert form.fields["name"].max_length == 200  # type: ignore[attr-defined]


def test_every_row_entity_has_its_form() -> None:
    own_forms = {KNOB_SETTING.list_name, INTEREST.list_name}  # see the tests above
    assert set(FORMS) | own_forms == {entity.list_name for entity in ROW_ENTITIES}
