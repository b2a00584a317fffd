"""The schema of one version of the Gespreksmodel, as data.

Every model version is a folder of YAML files; this module says what those files may hold.
Cross-references (a knob working via a route that does not exist, a source paid by an unknown
party type) are checked by :func:`Model.references` so that the loader can report them with
the file they came from.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import Field, StringConstraints

from stuurknop.gespreksmodel.base import Slug, Strict, Text
from stuurknop.gespreksmodel.library import Citation, Instrument, LibraryIndicator

Numeral = Literal["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
NUMERALS: tuple[Numeral, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
KnobNumber = Annotated[int, Field(ge=1, le=10)]


class Domain(StrEnum):
    VASTGOED = "vastgoed"
    GEMEENSCHAP = "gemeenschap"
    ZORG = "zorg"
    BELEID = "beleid"


class Theme(StrEnum):
    """Themes that lessons are tagged with besides knobs (issue 2)."""

    PARTICIPATIE = "participatie"
    GEMEENSCHAP = "gemeenschap"
    ONTMOETINGSRUIMTE = "ontmoetingsruimte"
    VAST_TEAM = "vast team"
    FINANCIERING = "financiering"
    SAMENWERKING = "samenwerking"
    BUURT = "buurt"
    GEMEENTE = "gemeente"


class SourceTag(StrEnum):
    """The caveats the model attaches to investment sources, as machine-readable tags."""

    TIJDELIJK = "tijdelijk"  # I, III: money with a time horizon
    UITZONDERING = "uitzondering"  # IV: a corporation does this only by exception
    EIGENAARSCHAP = "eigenaarschap"  # VI: residents feel it is 'their' room
    WETTELIJK_BEGRENSD = "wettelijk_begrensd"  # VI: service costs are bounded by law
    BEHEER = "beheer"  # VII: needs management
    EIGENHEID = "eigenheid"  # VII: may cost residents' sense of the room being theirs
    DREMPEL = "drempel"  # VIII, IX: a threshold for residents


class Severity(StrEnum):
    INFO = "info"
    AANDACHT = "aandacht"
    WAARSCHUWING = "waarschuwing"


class Value(Strict):
    id: Slug
    name: Text
    summary: Text = Field(description="One or two sentences in our own words.")


class Route(Strict):
    id: Slug
    name: Text
    summary: Text
    values: list[Slug] = Field(min_length=1, description="Values this route contributes to.")


class PartyType(Strict):
    id: Slug
    name: Text
    wwz_partner: bool = Field(
        default=False, description="One of the four WWZ partners the model calls 'WWZ-partner'."
    )


class Mechanism(Strict):
    route: Slug
    explanation: Text = Field(description="One line: how this knob works via this route.")


class Knob(Strict):
    number: KnobNumber
    id: Slug
    name: Text
    domain: Domain
    summary: Text
    questions: list[Text] = Field(min_length=2)
    illustrations: list[Text] = Field(min_length=2, max_length=4)
    investment: Text = Field(description="The typical investment this knob asks for.")
    mechanisms: list[Mechanism] = Field(min_length=1)
    reading_note: str | None = Field(
        default=None,
        description="How an ambiguous passage of the source text was read, for the model owners.",
    )

    def route_ids(self) -> tuple[str, ...]:
        return tuple(m.route for m in self.mechanisms)


class Source(Strict):
    numeral: Numeral
    name: Text
    example: str | None = None
    party_types: list[Slug] = Field(min_length=1)
    caveat: str | None = Field(default=None, description="The model's caveat, in our words.")
    tags: list[SourceTag] = Field(default_factory=list)

    @property
    def temporary(self) -> bool:
        return SourceTag.TIJDELIJK in self.tags


class SeedRef(Strict):
    file: Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]
    section: str | None = None


class SeedDocument(Strict):
    """A source document of the model, so that pages can name it instead of its file."""

    file: Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]
    title: Text


class Lesson(Strict):
    id: Slug
    text: Text
    knobs: list[KnobNumber] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    source: SeedRef


class CheckText(Strict):
    """The words of a coherence check; its logic lives in the engine under the same id."""

    id: Slug
    severity: Severity
    title: Text
    message: Text
    knobs: list[KnobNumber] = Field(default_factory=list)
    source: SeedRef


class QuestionnaireItem(Strict):
    """One question of the residents' questionnaire: "how much does this matter to you?" (0–3).

    The answers count towards the item's ``values`` (each reached by one of its ``routes``) and
    its ``knobs`` (each working via one of its ``routes``); the loader checks both ties.
    """

    id: Slug
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    explanation: Text = Field(description="One or two plain (B1) sentences under the label.")
    routes: list[Slug] = Field(min_length=1)
    values: list[Slug] = Field(min_length=1)
    knobs: list[KnobNumber] = Field(default_factory=list)
    source: SeedRef


class QuestionnaireFile(Strict):
    """The contents of ``questionnaire.yaml``."""

    items: list[QuestionnaireItem] = Field(min_length=1, max_length=20)


class ScaleWord(Strict):
    key: int = Field(ge=0, le=10)
    word: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Scale(Strict):
    """A numbered scale (how far a knob is opened, how much a value matters) and its words."""

    id: Slug
    label: Text
    question: Text
    words: tuple[ScaleWord, ...] = Field(min_length=2)

    def word(self, key: int) -> str:
        """The word for ``key``: ``gemiddeld`` for stand 2."""
        for entry in self.words:
            if entry.key == key:
                return entry.word
        raise KeyError(key)

    def numbered(self, key: int) -> str:
        """The key with its word, as a choice reads: ``2 – gemiddeld``."""
        return f"{key} – {self.word(key)}"

    @property
    def keys(self) -> tuple[int, ...]:
        return tuple(entry.key for entry in self.words)


class VocabularyWord(Strict):
    key: Slug
    word: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Vocabulary(Strict):
    """The words of one enumeration of the project file (a funding line's status …)."""

    id: Slug
    label: Text
    words: tuple[VocabularyWord, ...] = Field(min_length=1)

    def word(self, key: str) -> str:
        """The word for the stored ``key``: ``in gesprek`` for ``in_gesprek``."""
        for entry in self.words:
            if entry.key == key:
                return entry.word
        raise KeyError(key)

    def choices(self) -> list[tuple[str, str]]:
        """(key, word) pairs in the model's order, as a form's choices."""
        return [(entry.key, entry.word) for entry in self.words]


class ScalesFile(Strict):
    """The contents of ``scales.yaml``."""

    scales: tuple[Scale, ...] = Field(min_length=1)
    vocabularies: tuple[Vocabulary, ...] = Field(min_length=1)


class ModelCore(Strict):
    """The contents of ``model.yaml``."""

    version: Annotated[str, StringConstraints(pattern=r"^[0-9a-z][0-9a-z.\-]*$", max_length=40)]
    title: Text
    status: Text
    source: SeedRef
    values: list[Value] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)
    party_types: list[PartyType] = Field(min_length=1)
    conversation_questions: list[Text] = Field(min_length=1)
    documents: list[SeedDocument] = Field(
        default_factory=list, description="The seed documents that lessons and checks cite."
    )


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=10, max_length=10)


class LessonsFile(Strict):
    lessons: list[Lesson] = Field(min_length=1)


class ChecksFile(Strict):
    checks: list[CheckText] = Field(min_length=1)


class Model(Strict):
    """One whole, validated model version."""

    version: str
    title: str
    status: str
    source: SeedRef
    values: tuple[Value, ...]
    routes: tuple[Route, ...]
    party_types: tuple[PartyType, ...]
    conversation_questions: tuple[str, ...]
    knobs: tuple[Knob, ...]
    sources: tuple[Source, ...]
    lessons: tuple[Lesson, ...]
    checks: tuple[CheckText, ...]
    documents: tuple[SeedDocument, ...] = ()
    questionnaire: tuple[QuestionnaireItem, ...] = ()
    scales: tuple[Scale, ...] = ()
    vocabularies: tuple[Vocabulary, ...] = ()
    citations: tuple[Citation, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    indicators: tuple[LibraryIndicator, ...] = ()

    def indicator(self, indicator_id: str) -> LibraryIndicator:
        """A ready-made indicator of the library (``indicators.yaml``)."""
        return _by_id(self.indicators, indicator_id)

    def instrument(self, instrument_id: str) -> Instrument:
        return _by_id(self.instruments, instrument_id)

    def citation(self, citation_id: str) -> Citation:
        return _by_id(self.citations, citation_id)

    def scale(self, scale_id: str) -> Scale:
        """A numbered scale: ``opening`` (stand 0–3) or ``weight`` (belang 0–3)."""
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise KeyError(scale_id)

    def vocabulary(self, vocabulary_id: str) -> Vocabulary:
        """The words of an enumeration: ``knob_status``, ``funding_status``, ``phase`` …"""
        for vocabulary in self.vocabularies:
            if vocabulary.id == vocabulary_id:
                return vocabulary
        raise KeyError(vocabulary_id)

    def word(self, vocabulary_id: str, key: str | int) -> str:
        """One word: ``model.word("funding_status", "in_gesprek")`` → ``in gesprek``;
        ``model.word("opening", 2)`` → ``gemiddeld``."""
        if isinstance(key, int):
            return self.scale(vocabulary_id).word(key)
        return self.vocabulary(vocabulary_id).word(str(key))

    def document_title(self, file: str) -> str:
        """The title of a seed document, or its file name when the model does not name it."""
        return next((d.title for d in self.documents if d.file == file), file)

    def value(self, value_id: str) -> Value:
        return _by_id(self.values, value_id)

    def route(self, route_id: str) -> Route:
        return _by_id(self.routes, route_id)

    def party_type(self, type_id: str) -> PartyType:
        return _by_id(self.party_types, type_id)

    def knob(self, number: int) -> Knob:
        for knob in self.knobs:
            if knob.number == number:
                return knob
        raise KeyError(number)

    def source_by_numeral(self, numeral: str) -> Source:
        for source in self.sources:
            if source.numeral == numeral:
                return source
        raise KeyError(numeral)

    def check_text(self, check_id: str) -> CheckText:
        return _by_id(self.checks, check_id)

    def lessons_for_knob(self, number: int) -> tuple[Lesson, ...]:
        return tuple(lesson for lesson in self.lessons if number in lesson.knobs)

    def payer_types(self, numeral: str) -> frozenset[str]:
        return frozenset(self.source_by_numeral(numeral).party_types)


_T = TypeVar("_T", Value, Route, PartyType, CheckText, LibraryIndicator, Instrument, Citation)


def _by_id(items: tuple[_T, ...], item_id: str) -> _T:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)
