"""The building stones of the project file's declaration: the types of its fields with their
bounds (a name, a text, money, a year …), what a project may hold at most, and the enumerations
whose words are the model's (``scales.yaml``). Every text type applies what text the product
accepts (:mod:`stuurknop.projectfile.text`) before its length is checked."""

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from stuurknop.projectfile.text import clean_lines, clean_text


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
    PILOT = "pilot"
    EIGEN_METING = "eigen_meting"
    ANDERS = "anders"


class AgendaOrigin(StrEnum):
    """Where an agenda point came from: typed by hand or put there from a page of the tool."""

    HAND = "hand"
    VERSCHILLEN = "verschillen"  # a difference between the parties' perspectives
    CONTROLE = "controle"  # a finding of the checks
    CHECKLIST = "checklist"  # an open point of the checklist


class ActionStatus(StrEnum):
    OPEN = "open"
    KLAAR = "klaar"


class PerspectiveOrigin(StrEnum):
    EIGEN = "eigen"  # entered by the party itself
    SESSIE = "sessie"  # collected in a live session
    NAMENS = "namens"  # entered on the party's behalf by a facilitator
