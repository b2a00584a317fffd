"""An organisation's strategy positions: how far it goes in WWZ projects, and what it pays.

The model's fourth use (seed 001, "Toetssteen voor strategie"): "hoe ver gaan we in onze
WWZ-strategie? Wat pakken we zelf op en wat laten we aan anderen?". This class is the one
declaration of a position set: the edit form, the storage (validated JSON per organisation),
the history's changes, the JSON export and import and the engine's strategy checks all take
their fields, titles and bounds from here. Money is ``Decimal`` in cents, as in a project file.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from stuurknop.gespreksmodel.schema import NUMERALS, Numeral
from stuurknop.projectfile.fields import Doc, Id, KnobNumber, LongText, Money, Name

FORMAT = "stuurknop-strategie"
# 1: knobs (how far, which role), sources (whether, up to what amount), required partner types.
POSITIONS_VERSION = 1
MAX_REQUIRED_TYPES = 20


class PositionRole(StrEnum):
    """What the organisation takes on for a knob (words in scales.yaml, ``position_role``)."""

    TREKKEN = "trekken"  # leads it
    BIJDRAGEN = "bijdragen"  # contributes, another leads
    AAN_ANDEREN = "aan_anderen_laten"  # leaves it to others
    NIET = "niet"  # does not take part in it


class CeilingBasis(StrEnum):
    """What a source's ceiling counts (words in scales.yaml, ``ceiling_basis``)."""

    PER_JAAR = "per_jaar"  # the party's money from this source in any one year of a project
    PER_PROJECT = "per_project"  # all of it over a project's horizon


class KnobPosition(Doc):
    knob: KnobNumber = Field(title="stuurknop")
    max_opening: Annotated[int, Field(ge=0, le=3)] = Field(
        3,
        title="hoe ver",
        description="De hoogste stand die de organisatie in een project wil; 0 is uit.",
    )
    role: PositionRole = Field(PositionRole.BIJDRAGEN, title="rol")


class SourcePosition(Doc):
    source: Numeral = Field(title="bron")
    pays: bool = Field(False, title="betaalt uit deze bron")
    ceiling: Money | None = Field(
        None,
        title="tot bedrag",
        description="Leeg: zonder bovengrens.",
    )
    basis: CeilingBasis = Field(CeilingBasis.PER_PROJECT, title="bedrag geldt")

    @model_validator(mode="after")
    def _ceiling_only_when_paying(self) -> SourcePosition:
        if self.ceiling is not None and not self.pays:
            raise ValueError("een bovengrens hoort alleen bij een bron waaruit betaald wordt")
        return self


class Positions(Doc):
    """The strategy positions of one organisation."""

    format: Literal["stuurknop-strategie"] = Field("stuurknop-strategie", title="formaat")
    format_version: Literal[1] = Field(1, title="formaatversie")
    model_version: Name = Field(title="modelversie")
    organisation: Name = Field(title="organisatie")
    party_type: Id = Field(title="partijtype")
    knobs: list[KnobPosition] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    sources: list[SourcePosition] = Field(
        default_factory=list, max_length=len(NUMERALS), title="bronnen"
    )
    required_party_types: list[Id] = Field(
        default_factory=list,
        max_length=MAX_REQUIRED_TYPES,
        title="vereiste partners",
        description="Partijtypen die aan tafel moeten zitten voordat de organisatie meedoet.",
    )
    conditions: LongText = Field("", title="voorwaarden")

    @model_validator(mode="after")
    def _each_once(self) -> Positions:
        knobs = [k.knob for k in self.knobs]
        if len(set(knobs)) != len(knobs):
            raise ValueError("elke stuurknop mag maar één keer voorkomen")
        sources = [s.source for s in self.sources]
        if len(set(sources)) != len(sources):
            raise ValueError("elke bron mag maar één keer voorkomen")
        if len(set(self.required_party_types)) != len(self.required_party_types):
            raise ValueError("elk partijtype mag maar één keer voorkomen")
        return self

    def knob(self, number: int) -> KnobPosition | None:
        """The position on knob ``number``, or None when the organisation has none."""
        return next((k for k in self.knobs if k.knob == number), None)

    def source(self, numeral: str) -> SourcePosition | None:
        """The position on source ``numeral``, or None when the organisation has none."""
        return next((s for s in self.sources if s.source == numeral), None)

    def canonical(self) -> Positions:
        """The same positions in a fixed order (knobs by number, sources I–X), so that two
        equal position sets export to the same bytes."""
        order = {n: i for i, n in enumerate(NUMERALS)}
        return self.model_copy(
            update={
                "knobs": sorted(self.knobs, key=lambda k: k.knob),
                "sources": sorted(self.sources, key=lambda s: order[s.source]),
            }
        )
