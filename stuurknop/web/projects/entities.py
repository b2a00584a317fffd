"""The rows of a project, each entity declared once: which class of the project file it is,
which table stores it, and how the two map onto each other. A scenario's rows are its knob
settings (keyed by the knob), interests (keyed by party and value), cost items and funding lines
(keyed by id); the parties are the project's own rows.

Storage design. A project is stored as rows (one per cost item, funding line, …), not as the
project document in one column: a row carries its own ``version`` (optimistic locking per item,
so two people editing two cost items never conflict) and the database's row locks and
constraints (a cost item that is still paid for cannot be deleted). The project document stays
the interchange format and the one declaration of every entity: the classes of
:mod:`stuurknop.projectfile.schema` hold each field's type, bounds, Dutch ``title`` and help
(``description``). Everything else derives from them through the table below:

- rows → document data (:func:`row_data`: the export, the log's old and new values, the
  whole-project validation after every write);
- document item → row values (:func:`row_values`: the import and the write services, which
  first validate the submitted item with the same class);
- the forms' labels, help and bounds (``worksheet/money_forms.py``), the conflict display and the
  admin's columns;
- the log's and the errors' field labels (:mod:`stuurknop.presentation.changes`,
  :data:`stuurknop.projectfile.errors.FIELD_LABELS`).

The mapping is by name: a document field is stored in the column of the same name, except
``id`` (the column ``key``) and the fields in ``references``, which hold another entity's id
in the document and a foreign key to its row in the database. ``tests/web/test_entities.py``
checks every entity's columns against its schema class both ways, its form against the titles,
and that row → data → row is the identity.

What adding a field to a cost item touches now: ``stuurknop/projectfile/schema.py`` (the field,
its title and help), ``stuurknop/web/projects/models/money.py`` (its column) and the migration
``manage.py makemigrations`` writes. Export, import, the services, the form (label, help,
length), the conflict display, the admin's columns, the log's sentences and the errors follow
(tried with a throwaway ``note`` field; before this table the same change touched nine files).
For a knob setting (``models/scenario.py``) and a party (``models/project.py``) export, import,
the service, the form (a plain field with its label, help and bounds), the admin and (for a knob
setting) the conflict display follow in the same way. An interest's export, import, service and
admin follow too, but its form is one row of weight and reason per value of the model
(``forms/values.py``, ``InterestEdit``): a new field of an interest is asked there by hand.
A field that needs more than a plain input (a choice of the project's parties or of the model's
words, a year within the horizon) or a better sentence in the log is worded once more where
that is made (``worksheet/money_forms.py``, ``stuurknop/presentation/changes.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from django.db import models
from django.db.models import QuerySet
from pydantic import BaseModel

from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.models import (
    Action,
    Actual,
    AgendaPoint,
    CostItem,
    Decision,
    FundingLine,
    Interest,
    KnobSetting,
    Lesson,
    Meeting,
    Project,
    ProjectParty,
    Scenario,
)

Row = Any  # a row of one of the entities below
# Resolves a reference: (what it names, the document field, the id) → the row, or None for None.
Resolve = Callable[[str, str, str | None], Any]

ID = "id"  # the document's id of an item …
KEY = "key"  # … is stored in this column
# Columns every scenario row has that the document does not hold as fields.
BOOKKEEPING = frozenset({"id", "scenario", "position", "version"})
PARTY = "party"  # a reference to one of the project's parties, by its id
COST = "cost_item"  # a reference to one of the scenario's cost items, by its id
MEETING = "meeting"  # a reference to one of the project's meetings, by its id
POINT = "point"  # a reference to a point of that meeting's agenda, by its id
DECISION = "decision"  # a reference to one of the project's decisions, by its id
FUNDING = "funding_line"  # a reference to one of the scenario's funding lines, by its id


@dataclass(frozen=True)
class RowEntity:
    """One entity of a scenario (or, for the parties, of the project) stored as rows, declared
    once."""

    schema: type[BaseModel]  # its class in the project file: the declaration of its fields
    model: type[models.Model]  # its table
    list_name: str  # the scenario's list in the document: "costs"
    related_name: str  # the scenario's rows: "cost_items"
    prefix: str  # a new item's id: "k1", "k2", …
    log: LogEntity
    id_word: str  # the id in an error: "kostenpost-id"
    named: Callable[[Row], str]  # the row in a conflict: "Kostenpost 'Huur'"
    logged_as: Callable[[Row], str]  # the row in the log: "Financiering voor 'Huur'"
    # document field → what the id in it names (PARTY, COST); stored as a foreign key
    references: Mapping[str, str] = field(default_factory=dict)
    in_use: tuple[str, str] | None = None  # (field, message) when a delete is refused
    # Columns the document does not hold as fields (the owner, the order, the version, …)
    bookkeeping: frozenset[str] = BOOKKEEPING
    # Document fields held by rows of their own (a meeting's ``points``)
    nested: frozenset[str] = frozenset()

    def rows(self, owner: Scenario | Project | Meeting) -> QuerySet[Any]:
        """The rows of ``owner``: a scenario, the project (its parties, meetings, decisions and
        actions) or a meeting (its agenda points)."""
        return getattr(owner, self.related_name).all()  # type: ignore[no-any-return]

    def fields(self) -> list[str]:
        """The document's fields, in the document's order (without the nested lists)."""
        return [name for name in self.schema.model_fields if name not in self.nested]

    def title(self, name: str) -> str:
        return self.schema.model_fields[name].title or name


def column(name: str) -> str:
    """The column that stores the document field ``name``."""
    return KEY if name == ID else name


def row_data(entity: RowEntity, row: Row) -> dict[str, Any]:
    """``row`` as the project document holds it: plain JSON, amounts as strings."""
    data: dict[str, Any] = {}
    for name in entity.fields():
        value = getattr(row, column(name))
        if name in entity.references:
            value = value.key if value is not None else None
        elif isinstance(value, Decimal):
            places = entity.model._meta.get_field(column(name)).decimal_places  # type: ignore[union-attr]
            # Always the column's decimals: an amount reads the same after any round trip.
            value = str(value.quantize(Decimal(1).scaleb(-places)))
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = list(value)
        data[name] = value
    return data


def row_values(entity: RowEntity, item: BaseModel, resolve: Resolve) -> dict[str, Any]:
    """The column values of a validated document ``item``; ``resolve`` finds referenced rows."""
    values: dict[str, Any] = {}
    for name in entity.fields():
        value = getattr(item, name)
        if name in entity.references:
            value = resolve(entity.references[name], name, value)
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, BaseModel):  # a nested part (a funding line's commitment)
            value = value.model_dump(mode="json")
        elif isinstance(value, list):
            value = list(value)
        values[column(name)] = value
    return values


# A knob's setting has no id: the knob's number is its key, and its row is made on first save
# (services/knobs.py); a knob without a row is 'niet besproken'.
KNOB_SETTING = RowEntity(
    schema=doc.KnobSetting,
    model=KnobSetting,
    list_name="knobs",
    related_name="knob_settings",
    prefix="",
    log=LogEntity.KNOB_SETTING,
    id_word="stuurknop",
    named=lambda setting: f"Stuurknop {setting.knob}",
    logged_as=lambda setting: f"Stuurknop {setting.knob}",
    references={"lead_party": PARTY},
)
# An interest has no id either: its party and value are its key (services/scenarios.py).
INTEREST = RowEntity(
    schema=doc.Interest,
    model=Interest,
    list_name="interests",
    related_name="interests",
    prefix="",
    log=LogEntity.INTEREST,
    id_word="belang",
    named=lambda interest: f"Belang van {interest.party.name} bij {interest.value!r}",
    logged_as=lambda interest: f"Belang van {interest.party.name} bij {interest.value!r}",
    references={"party": PARTY},
)
COST_ITEM = RowEntity(
    schema=doc.CostItem,
    model=CostItem,
    list_name="costs",
    related_name="cost_items",
    prefix="k",
    log=LogEntity.COST_ITEM,
    id_word="kostenpost-id",
    named=lambda item: f"Kostenpost {item.description!r}",
    logged_as=lambda item: f"Kostenpost {item.description!r}",
    references={"party": PARTY},
    in_use=(
        COST,
        "er is nog financiering of een gerealiseerd bedrag voor deze kostenpost; "
        "verwijder die eerst",
    ),
)
FUNDING_LINE = RowEntity(
    schema=doc.FundingLine,
    model=FundingLine,
    list_name="funding",
    related_name="funding_lines",
    prefix="f",
    log=LogEntity.FUNDING_LINE,
    id_word="financierings-id",
    named=lambda line: f"Financieringsregel {line.key!r}",
    # The log names a line by what it pays for; its id means nothing to people.
    logged_as=lambda line: f"Financiering voor {line.cost_item.description!r}",
    references={"cost_item": COST, "party": PARTY},
    in_use=(
        FUNDING,
        "er is nog een gerealiseerd bedrag op deze financieringsregel; verwijder dat eerst",
    ),
)
# Realised money (stuurknop.projectfile.actuals): spent on a cost item or received on a
# funding line, per year.
ACTUAL_ROW = RowEntity(
    schema=doc.Actual,
    model=Actual,
    list_name="actuals",
    related_name="actuals",
    prefix="r",
    log=LogEntity.ACTUAL,
    id_word="realisatie-id",
    named=lambda actual: f"Gerealiseerd bedrag {actual.year}",
    logged_as=lambda actual: (
        f"Uitgegeven in {actual.year} aan {actual.cost_item.description!r}"
        if actual.cost_item is not None
        else f"Ontvangen in {actual.year} voor {actual.funding_line.cost_item.description!r}"
    ),
    references={"cost_item": COST, "funding_line": FUNDING},
)
# A scenario's, in this order (funding refers to the cost items, actuals to both).
ROW_ENTITIES = (KNOB_SETTING, INTEREST, COST_ITEM, FUNDING_LINE, ACTUAL_ROW)

# The parties belong to the project, not to a scenario; a party has no version (it is changed
# by the beheerder only) and may be linked to an organisation here, which the document does not
# hold (services/projects.py).
PROJECT_PARTY = RowEntity(
    schema=doc.Party,
    model=ProjectParty,
    list_name="parties",
    related_name="parties",
    prefix="",
    log=LogEntity.PARTY,
    id_word="partij-id",
    named=lambda party: f"Partij {party.name!r}",
    logged_as=lambda party: f"Partij {party.name!r}",
    bookkeeping=frozenset({"id", "project", "position", "organisation"}),
)
ENTITIES = (PROJECT_PARTY, *ROW_ENTITIES)


# The meeting's paper trail belongs to the project (stuurknop.projectfile.meetings). An agenda
# point belongs to its meeting; the log keys it "<meeting id>/<point id>".
PROJECT_ROW = frozenset({"id", "project", "position", "version"})
MEETING_ROW = RowEntity(
    schema=doc.Meeting,
    model=Meeting,
    list_name="meetings",
    related_name="meetings",
    prefix="o",
    log=LogEntity.MEETING,
    id_word="overleg-id",
    named=lambda meeting: f"Overleg {meeting.title!r}",
    logged_as=lambda meeting: f"Overleg {meeting.title!r}",
    in_use=(MEETING, "er zijn besluiten of acties uit dit overleg; het kan niet weg"),
    bookkeeping=PROJECT_ROW,
    nested=frozenset({"points"}),
)
AGENDA_POINT = RowEntity(
    schema=doc.AgendaPoint,
    model=AgendaPoint,
    list_name="points",
    related_name="points",
    prefix="p",
    log=LogEntity.AGENDA_POINT,
    id_word="agendapunt-id",
    named=lambda point: f"Agendapunt {point.title!r}",
    logged_as=lambda point: f"Agendapunt {point.title!r}",
    references={"brought_by": PARTY},
    in_use=(POINT, "er zijn besluiten of acties uit dit agendapunt; het kan niet weg"),
    bookkeeping=frozenset({"id", "meeting", "position", "version"}),
)
DECISION_ROW = RowEntity(
    schema=doc.Decision,
    model=Decision,
    list_name="decisions",
    related_name="decisions",
    prefix="b",
    log=LogEntity.DECISION,
    id_word="besluit-id",
    named=lambda decision: f"Besluit {decision.title!r}",
    logged_as=lambda decision: f"Besluit {decision.title!r}",
    references={"meeting": MEETING, "point": POINT},
    in_use=(DECISION, "er zijn acties bij dit besluit; het kan niet weg"),
    bookkeeping=PROJECT_ROW,
)
ACTION_ROW = RowEntity(
    schema=doc.Action,
    model=Action,
    list_name="actions",
    related_name="actions",
    prefix="a",
    log=LogEntity.ACTION,
    id_word="actie-id",
    named=lambda action: f"Actie {action.title!r}",
    logged_as=lambda action: f"Actie {action.title!r}",
    references={"owner_party": PARTY, "decision": DECISION, "meeting": MEETING, "point": POINT},
    bookkeeping=PROJECT_ROW,
)
# The project's, in the document's order (a decision refers to a meeting, an action to both).
MEETING_ENTITIES = (MEETING_ROW, DECISION_ROW, ACTION_ROW)

# What the project learned (stuurknop.projectfile.lessons); the scale-up assessment is one per
# project, kept as its data on the project (services/lessons.py).
LESSON_ROW = RowEntity(
    schema=doc.Lesson,
    model=Lesson,
    list_name="lessons",
    related_name="lessons",
    prefix="l",
    log=LogEntity.LESSON,
    id_word="les-id",
    named=lambda lesson: f"Les {lesson.title!r}",
    logged_as=lambda lesson: f"Les {lesson.title!r}",
    bookkeeping=PROJECT_ROW,
)
