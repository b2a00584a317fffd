"""The library of ready-made indicators and the validated instruments they are measured with.

A project picks an indicator from this library and adapts it. Each indicator says what it
measures in our own words, which way is better, how often to measure, the routes and values it
watches, how it is measured (an instrument of this library, or a count, percentage, ratio or
report mark) and where its definition comes from: a published source in ``citations``, or, when
no public definition was found, ``source: null`` with ``definition_status: eigen``.

An instrument's scoring is published fact, so it is data here (which answers score, the
subscales, the cut-offs, how many missing answers a score allows) and the engine
(``stuurknop.engine.instruments``) applies it without knowing any instrument by name.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from stuurknop.gespreksmodel.base import Slug, Strict, Text

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=400)]


class Direction(StrEnum):
    HOGER_BETER = "hoger_beter"
    LAGER_BETER = "lager_beter"


class Frequency(StrEnum):
    """The keys of the project file's frequency, so that a picked indicator keeps it."""

    MAANDELIJKS = "maandelijks"
    PER_KWARTAAL = "per_kwartaal"
    HALFJAARLIJKS = "halfjaarlijks"
    JAARLIJKS = "jaarlijks"
    EENMALIG = "eenmalig"


class MeasureKind(StrEnum):
    """How an indicator is measured: with an instrument of the library, or as a figure."""

    INSTRUMENT = "instrument"
    AANTAL = "aantal"
    PERCENTAGE = "percentage"
    VERHOUDING = "verhouding"  # a figure per resident, per week …
    RAPPORTCIJFER = "rapportcijfer"


class DefinitionStatus(StrEnum):
    GEPUBLICEERD = "gepubliceerd"  # the definition follows the cited source
    EIGEN = "eigen"  # our own: no public definition was found


class InstrumentKind(StrEnum):
    SCHAAL = "schaal"  # items answered from a fixed list, scored 0/1, summed
    CIJFER = "cijfer"  # one question answered with a whole number (a report mark)


class Statistic(StrEnum):
    """What a round of an instrument contributes to an indicator."""

    GEMIDDELDE = "gemiddelde"  # the mean score (or mark) of the scored respondents
    AANDEEL = "aandeel"  # the percentage of scored respondents in the named categories


class Citation(Strict):
    """A published source: a report, a web page, an article."""

    id: Slug
    title: Text
    authors: Text | None = None
    publisher: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: Url | None = None
    supports: Text = Field(description="What this library takes from the source.")


class InstrumentItem(Strict):
    id: Slug
    number: int = Field(ge=1, le=50, description="The item's place in the cited order.")
    text: Text | None = Field(
        default=None,
        description="The published item text, or empty: the organisation enters it.",
    )
    subscale: Slug
    scores_on: list[Slug] = Field(min_length=1, description="The answers that score 1.")


class Subscale(Strict):
    id: Slug
    name: Text


class Category(Strict):
    """A band of the total score; its word is in scales.yaml (``category_vocabulary``)."""

    key: Slug
    low: int = Field(ge=0)
    high: int = Field(ge=0)


class Instrument(Strict):
    id: Slug
    name: Text
    kind: InstrumentKind
    introduction: Text | None = None
    # A scale: items, their answers (words in ``answer_vocabulary``), subscales, categories.
    answer_vocabulary: Slug | None = None
    answers: list[Slug] = Field(default_factory=list)
    items: list[InstrumentItem] = Field(default_factory=list, max_length=50)
    subscales: list[Subscale] = Field(default_factory=list)
    category_vocabulary: Slug | None = None
    categories: list[Category] = Field(default_factory=list)
    max_missing: int = Field(default=0, ge=0, description="Items a total may lack.")
    max_missing_subscale: int = Field(default=0, ge=0, description="Items a subscale may lack.")
    missing_source: Slug | None = Field(
        default=None, description="The citation that prescribes the handling of missing items."
    )
    # A report mark: one question, a whole number from ``lowest`` to ``highest``.
    question: Text | None = None
    lowest: int = Field(default=1, ge=0)
    highest: int = Field(default=10, ge=1)
    sources: list[Slug] = Field(min_length=1)
    note: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.kind is InstrumentKind.SCHAAL:
            if not (self.items and self.answers and self.categories and self.answer_vocabulary):
                raise ValueError("een schaal heeft items, antwoorden en categorieën")
            if self.category_vocabulary is None:
                raise ValueError("een schaal noemt de woordenlijst van haar categorieën")
        elif self.question is None or self.lowest >= self.highest:
            raise ValueError("een cijfer heeft een vraag en een laagste onder het hoogste cijfer")
        return self

    def item_ids(self, subscale: str | None = None) -> tuple[str, ...]:
        return tuple(i.id for i in self.items if subscale is None or i.subscale == subscale)

    @property
    def top(self) -> int:
        """The highest total score of a scale: one point per item."""
        return len(self.items)


class LibraryIndicator(Strict):
    id: Slug
    name: Text
    definition: Text = Field(description="What is measured, in our own words.")
    unit: ShortText
    direction: Direction
    frequency: Frequency
    routes: list[Slug] = Field(min_length=1)
    values: list[Slug] = Field(min_length=1)
    measure: MeasureKind
    instrument: Slug | None = None
    statistic: Statistic | None = None
    categories: list[Slug] = Field(
        default_factory=list, description="With ``aandeel``: the instrument's categories counted."
    )
    source: Slug | None = Field(description="A citation id, or null: no public definition found.")
    definition_status: DefinitionStatus
    source_note: Text | None = Field(
        default=None, description="What the source does and does not give for this indicator."
    )
    related: list[Slug] = Field(
        default_factory=list,
        description="Citations consulted that measure something close, but do not define this.",
    )

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if (self.measure is MeasureKind.INSTRUMENT) != (self.instrument is not None):
            raise ValueError("een instrument hoort bij meten met een instrument, en omgekeerd")
        if (self.instrument is None) != (self.statistic is None):
            raise ValueError("een indicator uit een instrument noemt zijn statistiek")
        if (self.statistic is Statistic.AANDEEL) != bool(self.categories):
            raise ValueError("een aandeel noemt de categorieën die het telt")
        if (self.source is None) != (self.definition_status is DefinitionStatus.EIGEN):
            raise ValueError(
                "zonder bron is de definitie eigen (geen publieke definitie gevonden), "
                "met bron is zij gepubliceerd"
            )
        return self


class IndicatorsFile(Strict):
    """The contents of ``indicators.yaml``."""

    citations: list[Citation] = Field(min_length=1)
    instruments: list[Instrument] = Field(default_factory=list)
    indicators: list[LibraryIndicator] = Field(min_length=1)
