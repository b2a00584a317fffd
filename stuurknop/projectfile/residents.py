"""What residents said, taken into the project: the aggregated questionnaire of a round.

A record of ``resident_input`` is one take-in of the residents' questionnaire: how much each
value and knob matters to residents (0–3), who would help organise something, the remarks and,
since rounds, the round it belongs to and the result of every validated instrument the round
asked (the loneliness scale, a report mark). A record without a round (``round`` empty) is the
only round or the baseline, as every file written before rounds has it. Nothing in a record
can be traced to a resident: only counts and means.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from stuurknop.projectfile.fields import Date, Doc, Id, KnobNumber, ShortText

MAX_INSTRUMENTS = 10

Count = Annotated[int, Field(ge=0, le=100_000)]


class HelpCounts(Doc):
    ja: int = Field(default=0, ge=0, title="ja")
    misschien: int = Field(default=0, ge=0, title="misschien")
    nee: int = Field(default=0, ge=0, title="nee")


class InstrumentResult(Doc):
    """A validated instrument over one round: how many filled it in, how many got a score,
    their mean score and (for a scale) how many fell in each of its categories."""

    instrument: Id = Field(title="vragenlijst", description="Een vragenlijst uit het model.")
    respondents: Count = Field(title="aantal deelnemers")
    scored: Count = Field(title="met een score")
    mean: Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)] | None = Field(
        None, title="gemiddelde"
    )
    categories: dict[Id, Count] = Field(default_factory=dict, title="per groep")

    @model_validator(mode="after")
    def _counts_add_up(self) -> InstrumentResult:
        if self.scored > self.respondents:
            raise PydanticCustomError(
                "scored_count", "er zijn niet meer scores dan bewoners die invulden"
            )
        if (self.mean is None) != (self.scored == 0):
            raise PydanticCustomError(
                "scored_mean", "een gemiddelde hoort bij bewoners met een score"
            )
        if self.categories and sum(self.categories.values()) != self.scored:
            raise PydanticCustomError(
                "category_count", "de groepen tellen samen op tot de bewoners met een score"
            )
        return self


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
    round: ShortText = Field(
        "",
        title="bewonersronde",
        description="De ronde van de vragenlijst; leeg: de enige ronde of de nulmeting.",
    )
    round_start: Date | None = Field(None, title="ronde begonnen op")
    instruments: list[InstrumentResult] = Field(
        default_factory=list, max_length=MAX_INSTRUMENTS, title="vragenlijsten"
    )


__all__ = ["MAX_INSTRUMENTS", "HelpCounts", "InstrumentResult", "ResidentInput"]
