"""The log of the project file: each line an event or decision with the changes it made, as
data (entity, key, action, field, old and new), which :mod:`stuurknop.presentation.changes`
says in words."""

import json
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    JsonValue,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from stuurknop.projectfile.fields import Doc, Id, LongText, Name, ShortText, Timestamp, _single_line
from stuurknop.projectfile.text import clean_lines

# One old or new value of a change, as JSON: the largest (a knob setting's three answers, 3 ×
# 20,000 characters, or a whole cost item when it is added) fits even when every character needs
# escaping, so no accepted edit can write a log line the document refuses.
LOG_VALUE_LENGTH = 200_000
# The most fields one entity has (the project's basics, a cost item: 8), with room to spare.
MAX_LOG_CHANGES = 100


def _clean_json(value: object) -> object:
    if isinstance(value, str):
        return clean_lines(value)
    if isinstance(value, list):
        return [_clean_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_json(v) for k, v in value.items()}
    return value


def _json_bounded(value: JsonValue) -> JsonValue:
    if len(json.dumps(value, ensure_ascii=False)) > LOG_VALUE_LENGTH:
        raise PydanticCustomError(
            "log_value_length",
            "is als JSON langer dan {limit} tekens",
            {"limit": LOG_VALUE_LENGTH},
        )
    return value


LogValue = Annotated[JsonValue, AfterValidator(_json_bounded), BeforeValidator(_clean_json)]
LogKey = Annotated[str, StringConstraints(max_length=200), BeforeValidator(_single_line)]


class LogEntity(StrEnum):
    """What a change is about; ``key`` says which one (see :class:`LogChange`)."""

    PROJECT = "project"  # the basics; no key
    PARTY = "party"  # key: the party's id
    SCENARIO = "scenario"  # key: the scenario's name before the change
    KNOB_SETTING = "knob_setting"  # key: the knob's number, "6"
    INTEREST = "interest"  # key: "<party id>/<value id>"
    COST_ITEM = "cost_item"  # key: the cost item's id
    FUNDING_LINE = "funding_line"  # key: the funding line's id
    PERSPECTIVE = "perspective"  # key: the party's id
    RESIDENT_INPUT = "resident_input"  # key: the date of the answers
    MEMBER = "member"  # key: the person's name (members are not in the project file)
    MEETING = "meeting"  # key: the meeting's id
    AGENDA_POINT = "agenda_point"  # key: "<meeting id>/<point id>"
    DECISION = "decision"  # key: the decision's id
    ACTION = "action"  # key: the action's id
    LESSON = "lesson"  # key: the lesson's id
    SCALE_UP = "scale_up"  # the scale-up assessment; no key
    AGREEMENT = "agreement"  # key: the version's number, "2"
    ACTUAL = "actual"  # key: the realised amount's id
    EVIDENCE_NEED = "evidence_need"  # key: "<value id>/<number of the need>"
    INDICATOR = "indicator"  # key: the indicator's id
    MEASUREMENT = "measurement"  # key: "<indicator id>/<date>"
    EFFECT = "effect"  # key: the effect estimate's id
    EFFECT_SETTINGS = "effect_settings"  # the discount rate and own proxies; no key


class ChangeAction(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class LogChange(Doc):
    """One change, as data: a page or the plan says it in words (stuurknop.presentation).

    ``added`` holds the entity's data in ``new``, ``removed`` in ``old``; ``changed`` holds one
    ``field`` (the document's field name) with its old and new value. ``about`` keeps the fields
    that name the entity as it was then (a cost item's description, a funding line's party and
    source), so that a line still reads well after the entity is renamed or deleted.
    """

    entity: LogEntity = Field(title="onderwerp")
    key: LogKey | None = Field(None, title="sleutel")
    action: ChangeAction = Field(title="actie")
    field: Id | None = Field(None, title="veld")
    old: LogValue = Field(None, title="oud")
    new: LogValue = Field(None, title="nieuw")
    about: dict[Id, LogValue] = Field(default_factory=dict, max_length=10, title="over")


class LogEntry(Doc):
    """A line of the log: an event or decision in ``what``, and the changes it made."""

    at: Timestamp = Field(title="tijdstip")
    who: Name = Field(title="wie")
    what: LongText = Field(title="wat")
    scenario: ShortText = Field("", title="scenario")
    changes: list[LogChange] = Field(
        default_factory=list, max_length=MAX_LOG_CHANGES, title="wijzigingen"
    )
