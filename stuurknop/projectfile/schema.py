"""The project document: one WWZ project with its scenarios, perspectives and log.

This is the interchange format (export, import, the CLI) and exactly the engine's input.
Money is ``Decimal`` with at most two decimals, so sums are exact; JSON carries it as a string.
References to the model (knobs, routes, values, sources, party types) and to the document's own
parties are checked against a model version in :mod:`stuurknop.projectfile.references`.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from stuurknop.gespreksmodel.schema import Numeral
from stuurknop.projectfile.text import clean_lines, clean_text

# 2: the log stores each change as data (entity, key, action, field, old, new) instead of two
# JSON texts; stuurknop.projectfile.migrate reads version 1 files.
SCHEMA_VERSION = 2
FORMAT = "stuurknop-project"


def _single_line(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _lines(value: object) -> object:
    return clean_lines(value) if isinstance(value, str) else value


# Every text is cleaned before its length is checked (stuurknop.projectfile.text says what the
# product accepts); the validator comes last in each Annotated so that it runs first.
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_\-]*$", max_length=60)]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    BeforeValidator(_single_line),
]
ShortText = Annotated[str, StringConstraints(max_length=2_000), BeforeValidator(_lines)]
LongText = Annotated[str, StringConstraints(max_length=20_000), BeforeValidator(_lines)]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000"), decimal_places=2)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Years = Annotated[int, Field(ge=1, le=100)]
KnobNumber = Annotated[int, Field(ge=1, le=10)]
# A measured figure (a count, a mark, a percentage, hours): finite and of a sensible size, so
# that no imported number can make a chart or a sum overflow.
Measured = Annotated[
    Decimal,
    Field(
        allow_inf_nan=False,
        ge=Decimal("-1000000000000"),
        le=Decimal("1000000000000"),
        decimal_places=6,
    ),
]
Opening = Annotated[int, Field(ge=1, le=3)]

# What a project may hold: well above what people enter (the examples have 5–7 parties, 2
# scenarios and up to 9 cost items with 18 funding lines per scenario), and low enough that its
# plan and worksheets are made in seconds rather than minutes (about 0.15 s per printed page;
# 2,000 cost items made a plan of several minutes). Said in the error, with the place.
MAX_PARTIES = 50
MAX_SCENARIOS = 20
MAX_COST_ITEMS = 200
MAX_FUNDING_LINES = 400
MAX_INTERESTS = MAX_PARTIES * 8
MAX_MEASUREMENTS = 500
Weight = Annotated[int, Field(ge=0, le=3)]


_Moment = TypeVar("_Moment", bound=dt.date)


def _timestamp_in_range(value: _Moment) -> _Moment:
    # Years at the calendar's edges overflow when converted to another time zone (year 0 or
    # 10000 do not exist); the product's own years run 1990–2100 (see ``Year``).
    if not 1990 <= value.year <= 2100:
        raise PydanticCustomError("timestamp_range", "moet tussen 1990 en 2100 liggen")
    return value


Timestamp = Annotated[dt.datetime, AfterValidator(_timestamp_in_range)]
Date = Annotated[dt.date, AfterValidator(_timestamp_in_range)]


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Phase(StrEnum):
    IDEE = "idee"
    PLAN = "plan"
    UITVOERING = "uitvoering"
    EVALUATIE = "evaluatie"


class KnobStatus(StrEnum):
    NIET_BESPROKEN = "niet_besproken"
    UIT = "uit"  # deliberately off: discussed and decided against
    AAN = "aan"


class CostKind(StrEnum):
    EENMALIG = "eenmalig"
    JAARLIJKS = "jaarlijks"


class FundingStatus(StrEnum):
    IDEE = "idee"
    IN_GESPREK = "in_gesprek"
    TOEGEZEGD = "toegezegd"


class EvidenceKind(StrEnum):
    REFERENTIEPROJECT = "referentieproject"
    ONDERZOEK = "onderzoek"
    EXPERT = "expert"
    EIGEN_GEGEVENS = "eigen_gegevens"
    ANDERS = "anders"


class PerspectiveOrigin(StrEnum):
    EIGEN = "eigen"  # entered by the party itself
    SESSIE = "sessie"  # collected in a live session
    NAMENS = "namens"  # entered on the party's behalf by a facilitator


class Basics(Doc):
    name: Name
    municipality: Name
    neighbourhood: ShortText = ""
    homes: int = Field(ge=0, le=100_000)
    phase: Phase = Phase.IDEE
    first_year: Year
    horizon_years: int = Field(ge=1, le=50)
    description: LongText = ""

    @property
    def years(self) -> range:
        return range(self.first_year, self.first_year + self.horizon_years)


class Party(Doc):
    id: Id
    name: Name
    party_type: Id
    at_table: bool = Field(
        default=True, description="False: named (e.g. as payer) but not at the table."
    )


class KnobSetting(Doc):
    knob: KnobNumber
    status: KnobStatus = KnobStatus.NIET_BESPROKEN
    opening: Opening | None = None
    elaboration: LongText = ""
    lead_party: Id | None = None
    routes: list[Id] = Field(
        default_factory=list, max_length=10, description="Routes it is meant to work via."
    )
    answers: list[LongText] = Field(
        default_factory=list,
        max_length=3,
        description="Answers to the three conversation questions.",
    )


class Interest(Doc):
    party: Id
    value: Id
    weight: Weight
    reason: ShortText = ""


class CostItem(Doc):
    id: Id
    knob: KnobNumber
    description: Name
    kind: CostKind
    amount: Money = Field(description="One-off amount, or the amount per year.")
    first_year: Year
    years: Years | None = Field(default=None, description="Per year only; empty means structural.")
    party: Id | None = Field(
        default=None, description="Who incurs the cost (default: the lead party)."
    )


class FundingLine(Doc):
    id: Id
    cost_item: Id
    party: Id
    source: Numeral
    amount: Money = Field(description="Per year when the cost item is per year, else one-off.")
    first_year: Year | None = Field(
        default=None, description="Default: the cost item's first year."
    )
    years: Years | None = Field(default=None, description="Default: as long as the cost item runs.")
    status: FundingStatus = FundingStatus.IDEE


class EffectEstimate(Doc):
    id: Id
    value: Id
    route: Id
    beneficiary: Id
    low: Money
    expected: Money
    high: Money
    first_year: Year
    years: Years | None = None
    assumption: LongText = ""
    evidence: LongText = ""


class EvidenceNeed(Doc):
    kind: EvidenceKind
    description: Name
    available: bool = False


class Measurement(Doc):
    date: Date
    value: Measured
    note: ShortText = ""


class Indicator(Doc):
    id: Id
    name: Name
    unit: ShortText = ""
    target: Measured | None = None
    measurements: list[Measurement] = Field(default_factory=list, max_length=MAX_MEASUREMENTS)


class EvidencePlan(Doc):
    value: Id
    before_decision: list[EvidenceNeed] = Field(default_factory=list, max_length=50)
    indicators: list[Indicator] = Field(default_factory=list, max_length=50)


class Scenario(Doc):
    name: Name
    chosen: bool = False
    description: LongText = ""
    knobs: list[KnobSetting] = Field(default_factory=list, max_length=10)
    interests: list[Interest] = Field(default_factory=list, max_length=MAX_INTERESTS)
    costs: list[CostItem] = Field(
        default_factory=list,
        max_length=MAX_COST_ITEMS,
        description=f"At most {MAX_COST_ITEMS} per scenario (see the limits above).",
    )
    funding: list[FundingLine] = Field(
        default_factory=list,
        max_length=MAX_FUNDING_LINES,
        description=f"At most {MAX_FUNDING_LINES} per scenario (see the limits above).",
    )
    effects: list[EffectEstimate] = Field(default_factory=list, max_length=MAX_COST_ITEMS)
    evidence: list[EvidencePlan] = Field(default_factory=list, max_length=20)

    def setting(self, knob: int) -> KnobSetting:
        """The setting of ``knob``; a knob the scenario does not mention is not discussed."""
        for setting in self.knobs:
            if setting.knob == knob:
                return setting
        return KnobSetting(knob=knob)


class Perspective(Doc):
    party: Id
    date: Date | None = None
    origin: PerspectiveOrigin = PerspectiveOrigin.EIGEN
    session: ShortText = ""
    knobs: dict[KnobNumber, Annotated[int, Field(ge=0, le=3)]] = Field(
        default_factory=dict, description="How far this party would open each knob; 0 is off."
    )
    values: dict[Id, Weight] = Field(default_factory=dict)
    remarks: LongText = ""


class HelpCounts(Doc):
    ja: int = Field(default=0, ge=0)
    misschien: int = Field(default=0, ge=0)
    nee: int = Field(default=0, ge=0)


class ResidentInput(Doc):
    date: Date
    respondents: int = Field(ge=0, le=100_000)
    values: dict[Id, Annotated[Decimal, Field(ge=0, le=3)]] = Field(
        default_factory=dict, description="Average importance per value, 0–3."
    )
    knobs: dict[KnobNumber, Annotated[Decimal, Field(ge=0, le=3)]] = Field(default_factory=dict)
    help_organise: HelpCounts = Field(default_factory=HelpCounts)
    remarks: list[ShortText] = Field(default_factory=list, max_length=2_000)


# --- the log ---------------------------------------------------------------------------------

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

    entity: LogEntity
    key: LogKey | None = None
    action: ChangeAction
    field: Id | None = None
    old: LogValue = None
    new: LogValue = None
    about: dict[Id, LogValue] = Field(default_factory=dict, max_length=10)


class LogEntry(Doc):
    """A line of the log: an event or decision in ``what``, and the changes it made."""

    at: Timestamp
    who: Name
    what: LongText
    scenario: ShortText = ""
    changes: list[LogChange] = Field(default_factory=list, max_length=MAX_LOG_CHANGES)


class ProjectDocument(Doc):
    format: Literal["stuurknop-project"] = "stuurknop-project"
    schema_version: Literal[2] = 2
    model_version: Name
    project: Basics
    parties: list[Party] = Field(default_factory=list, max_length=MAX_PARTIES)
    scenarios: list[Scenario] = Field(min_length=1, max_length=MAX_SCENARIOS)
    perspectives: list[Perspective] = Field(default_factory=list, max_length=2_000)
    resident_input: list[ResidentInput] = Field(default_factory=list, max_length=200)
    # Not bounded: every save appends a line, so a bound would one day refuse all edits. What
    # prints the log (the plan) shows its most recent lines only.
    log: list[LogEntry] = Field(default_factory=list)

    def scenario(self, name: str | None = None) -> Scenario:
        """The scenario called ``name``; without a name the chosen one (or else the first)."""
        if name is None:
            return next((s for s in self.scenarios if s.chosen), self.scenarios[0])
        for scenario in self.scenarios:
            if scenario.name == name:
                return scenario
        raise KeyError(name)

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)
