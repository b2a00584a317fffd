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
    name: Name = Field(title="naam")
    municipality: Name = Field(title="gemeente")
    neighbourhood: ShortText = Field("", title="buurt")
    homes: int = Field(ge=0, le=100_000, title="aantal woningen")
    phase: Phase = Field(Phase.IDEE, title="fase")
    first_year: Year = Field(title="eerste jaar")
    horizon_years: int = Field(ge=1, le=50, title="looptijd in jaren")
    description: LongText = Field("", title="omschrijving")

    @property
    def years(self) -> range:
        return range(self.first_year, self.first_year + self.horizon_years)


class Party(Doc):
    id: Id = Field(title="id")
    name: Name = Field(title="naam")
    party_type: Id = Field(title="partijtype")
    at_table: bool = Field(
        default=True,
        title="aan tafel",
        description="Nee: genoemd (bijvoorbeeld als betaler), maar niet aan tafel.",
    )


class KnobSetting(Doc):
    knob: KnobNumber = Field(title="stuurknop")
    status: KnobStatus = Field(KnobStatus.NIET_BESPROKEN, title="status")
    opening: Opening | None = Field(None, title="stand")
    elaboration: LongText = Field("", title="uitwerking")
    lead_party: Id | None = Field(None, title="trekker")
    routes: list[Id] = Field(
        default_factory=list,
        max_length=10,
        title="routes",
        description="De routes waarlangs de knop moet werken.",
    )
    answers: list[LongText] = Field(
        default_factory=list,
        max_length=3,
        title="antwoorden",
        description="De antwoorden op de drie gespreksvragen.",
    )


class Interest(Doc):
    party: Id = Field(title="partij")
    value: Id = Field(title="waarde")
    weight: Weight = Field(title="gewicht")
    reason: ShortText = Field("", title="toelichting")


class CostItem(Doc):
    id: Id = Field(title="id")
    knob: KnobNumber = Field(title="stuurknop")
    description: Name = Field(title="omschrijving")
    kind: CostKind = Field(title="soort")
    amount: Money = Field(title="bedrag", description="Eenmalig, of het bedrag per jaar.")
    first_year: Year = Field(title="eerste jaar")
    years: Years | None = Field(
        default=None,
        title="aantal jaren",
        description="Alleen per jaar. Leeg laten: de kosten lopen door (structureel).",
    )
    # Empty: the knob's lead party.
    party: Id | None = Field(default=None, title="wie maakt de kosten")


class FundingLine(Doc):
    id: Id = Field(title="id")
    cost_item: Id = Field(title="kostenpost")
    party: Id = Field(title="wie betaalt")
    source: Numeral = Field(
        title="bron",
        description="De tien bronnen I–X van het model; ‘tijdelijk’ geld stopt op een dag.",
    )
    amount: Money = Field(
        title="bedrag", description="Per jaar als de kostenpost per jaar is, anders eenmalig."
    )
    first_year: Year | None = Field(
        default=None,
        title="eerste jaar",
        description="Leeg laten: vanaf het eerste jaar van de kostenpost.",
    )
    years: Years | None = Field(
        default=None,
        title="aantal jaren",
        description="Leeg laten: zolang de kostenpost loopt. Niet bij een eenmalige kostenpost.",
    )
    status: FundingStatus = Field(FundingStatus.IDEE, title="status")


class EffectEstimate(Doc):
    id: Id = Field(title="id")
    value: Id = Field(title="waarde")
    route: Id = Field(title="route")
    beneficiary: Id = Field(title="ontvanger")
    low: Money = Field(title="laag")
    expected: Money = Field(title="verwacht")
    high: Money = Field(title="hoog")
    first_year: Year = Field(title="eerste jaar")
    years: Years | None = Field(None, title="aantal jaren")
    assumption: LongText = Field("", title="aanname")
    evidence: LongText = Field("", title="bewijsvoering")


class EvidenceNeed(Doc):
    kind: EvidenceKind = Field(title="soort")
    description: Name = Field(title="omschrijving")
    available: bool = Field(False, title="beschikbaar")


class Measurement(Doc):
    date: Date = Field(title="datum")
    value: Measured = Field(title="waarde")
    note: ShortText = Field("", title="notitie")


class Indicator(Doc):
    id: Id = Field(title="id")
    name: Name = Field(title="naam")
    unit: ShortText = Field("", title="eenheid")
    target: Measured | None = Field(None, title="streefwaarde")
    measurements: list[Measurement] = Field(
        default_factory=list, max_length=MAX_MEASUREMENTS, title="metingen"
    )


class EvidencePlan(Doc):
    value: Id = Field(title="waarde")
    before_decision: list[EvidenceNeed] = Field(
        default_factory=list, max_length=50, title="bewijs vooraf"
    )
    indicators: list[Indicator] = Field(default_factory=list, max_length=50, title="indicatoren")


class Scenario(Doc):
    name: Name = Field(title="naam")
    chosen: bool = Field(False, title="gekozen")
    description: LongText = Field("", title="omschrijving")
    knobs: list[KnobSetting] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    interests: list[Interest] = Field(
        default_factory=list, max_length=MAX_INTERESTS, title="belangen"
    )
    costs: list[CostItem] = Field(
        default_factory=list,
        max_length=MAX_COST_ITEMS,
        description=f"Ten hoogste {MAX_COST_ITEMS} per scenario.",
        title="kostenposten",
    )
    funding: list[FundingLine] = Field(
        default_factory=list,
        max_length=MAX_FUNDING_LINES,
        description=f"Ten hoogste {MAX_FUNDING_LINES} per scenario.",
        title="financiering",
    )
    effects: list[EffectEstimate] = Field(
        default_factory=list, max_length=MAX_COST_ITEMS, title="effectschattingen"
    )
    evidence: list[EvidencePlan] = Field(default_factory=list, max_length=20, title="bewijsvoering")

    def setting(self, knob: int) -> KnobSetting:
        """The setting of ``knob``; a knob the scenario does not mention is not discussed."""
        for setting in self.knobs:
            if setting.knob == knob:
                return setting
        return KnobSetting(knob=knob)


class Perspective(Doc):
    party: Id = Field(title="partij")
    date: Date | None = Field(None, title="datum")
    origin: PerspectiveOrigin = Field(PerspectiveOrigin.EIGEN, title="herkomst")
    session: ShortText = Field("", title="sessie")
    knobs: dict[KnobNumber, Annotated[int, Field(ge=0, le=3)]] = Field(
        default_factory=dict,
        title="stuurknoppen",
        description="Hoe ver deze partij elke knop zou opendraaien; 0 is uit.",
    )
    values: dict[Id, Weight] = Field(default_factory=dict, title="waarden")
    remarks: LongText = Field("", title="opmerkingen")


class HelpCounts(Doc):
    ja: int = Field(default=0, ge=0, title="ja")
    misschien: int = Field(default=0, ge=0, title="misschien")
    nee: int = Field(default=0, ge=0, title="nee")


class ResidentInput(Doc):
    date: Date = Field(title="datum")
    respondents: int = Field(ge=0, le=100_000, title="aantal deelnemers")
    values: dict[Id, Annotated[Decimal, Field(ge=0, le=3)]] = Field(
        default_factory=dict,
        title="waarden",
        description="Het gemiddelde belang per waarde, 0–3.",
    )
    knobs: dict[KnobNumber, Annotated[Decimal, Field(ge=0, le=3)]] = Field(
        default_factory=dict, title="stuurknoppen"
    )
    help_organise: HelpCounts = Field(default_factory=HelpCounts, title="wil helpen organiseren")
    remarks: list[ShortText] = Field(default_factory=list, max_length=2_000, title="opmerkingen")


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


class ProjectDocument(Doc):
    format: Literal["stuurknop-project"] = Field("stuurknop-project", title="formaat")
    schema_version: Literal[2] = Field(2, title="schemaversie")
    model_version: Name = Field(title="modelversie")
    project: Basics = Field(title="project")
    parties: list[Party] = Field(default_factory=list, max_length=MAX_PARTIES, title="partijen")
    scenarios: list[Scenario] = Field(min_length=1, max_length=MAX_SCENARIOS, title="scenario's")
    perspectives: list[Perspective] = Field(
        default_factory=list, max_length=2_000, title="perspectieven"
    )
    resident_input: list[ResidentInput] = Field(
        default_factory=list, max_length=200, title="bewonersinbreng"
    )
    # Not bounded: every save appends a line, so a bound would one day refuse all edits. What
    # prints the log (the plan) shows its most recent lines only.
    log: list[LogEntry] = Field(default_factory=list, title="logboek")

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
