"""Evidence and monitoring per aimed value: what must be known before the decision, and which
indicators are measured while the project runs.

Per aimed value (and optionally a route) an :class:`EvidencePlan` holds the evidence needed
before the decision (:class:`EvidenceNeed`: what kind, where it can be found, who gathers it, by
when, its status and the finding itself) and the indicators that show whether the value appears
(:class:`Indicator`: unit, direction, baseline and target with their dates, frequency, owner,
data source, the knobs it watches, and its measurements).

An uploaded file of a finding travels by reference: the project file carries its name, size,
type and SHA-256 (:class:`EvidenceFile`), never its bytes. An export is JSON only; an import
keeps the reference, and the web app offers the file again only where it still holds bytes with
that digest.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from stuurknop.projectfile.fields import (
    MAX_MEASUREMENTS,
    Date,
    Doc,
    EvidenceKind,
    Id,
    KnobNumber,
    LongText,
    Measured,
    Name,
    ShortText,
)

MAX_EVIDENCE_NEEDS = 50  # per aimed value
MAX_INDICATORS = 50  # per aimed value
MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024  # 10 MB
# The types a finding's file may have: by its content's type, each with its file name's ending.
EVIDENCE_FILE_TYPES: dict[str, str] = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "image/png": "png",
    "image/jpeg": "jpg",
    "text/csv": "csv",
}


class EvidenceStatus(StrEnum):
    NODIG = "nodig"
    WORDT_VERZAMELD = "wordt_verzameld"
    BINNEN = "binnen"


class Direction(StrEnum):
    HOGER_BETER = "hoger_beter"
    LAGER_BETER = "lager_beter"


class Frequency(StrEnum):
    MAANDELIJKS = "maandelijks"
    PER_KWARTAAL = "per_kwartaal"
    HALFJAARLIJKS = "halfjaarlijks"
    JAARLIJKS = "jaarlijks"
    EENMALIG = "eenmalig"


class MeasurementSource(StrEnum):
    HAND = "hand"
    BESTAND = "bestand"
    BEWONERSRONDE = "bewonersronde"


def _web_address(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")) or len(value) < 11:
        raise PydanticCustomError("web_address", "moet een webadres zijn dat begint met https://")
    if any(ch.isspace() for ch in value):
        raise PydanticCustomError("web_address", "een webadres heeft geen spaties")
    return value


WebAddress = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2_000), AfterValidator(_web_address)
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class EvidenceFile(Doc):
    name: Name = Field(title="naam", description="De naam van het bestand.")
    size: int = Field(ge=1, le=MAX_EVIDENCE_FILE_BYTES, title="grootte in bytes")
    content_type: str = Field(title="bestandstype")
    sha256: Sha256 = Field(title="controlegetal (SHA-256)")

    @model_validator(mode="after")
    def _known_type(self) -> EvidenceFile:
        if self.content_type not in EVIDENCE_FILE_TYPES:
            kinds = ", ".join(sorted(set(EVIDENCE_FILE_TYPES.values())))
            raise PydanticCustomError(
                "file_type", "bestandstype moet een van {kinds} zijn", {"kinds": kinds}
            )
        return self


class EvidenceNeed(Doc):
    kind: EvidenceKind = Field(title="soort")
    description: Name = Field(title="omschrijving")
    route: Id | None = Field(None, title="route")
    location: ShortText = Field(
        "", title="waar te vinden", description="Waar het bewijs te vinden is of wordt gezocht."
    )
    gatherer: Id | None = Field(None, title="verzameld door")
    due: Date | None = Field(None, title="klaar op")
    status: EvidenceStatus = Field(EvidenceStatus.NODIG, title="status")
    finding: LongText = Field("", title="bevinding")
    link: WebAddress | None = Field(None, title="link")
    file: EvidenceFile | None = Field(None, title="bestand")

    @model_validator(mode="before")
    @classmethod
    def _available_is_a_status(cls, data: Any) -> Any:
        # Files written before the status read ``available: true/false``: in, or still needed.
        if isinstance(data, dict) and "available" in data:
            data = dict(data)
            available = data.pop("available")
            data.setdefault(
                "status", EvidenceStatus.BINNEN if available is True else EvidenceStatus.NODIG
            )
        return data


class Measurement(Doc):
    date: Date = Field(title="datum")
    value: Measured = Field(title="waarde")
    note: ShortText = Field("", title="notitie")
    origin: MeasurementSource = Field(MeasurementSource.HAND, title="herkomst")


class Indicator(Doc):
    id: Id = Field(title="id")
    name: Name = Field(title="naam")
    library: Id | None = Field(
        None, title="uit de bibliotheek", description="De kant-en-klare indicator van het model."
    )
    route: Id | None = Field(None, title="route")
    unit: ShortText = Field("", title="eenheid")
    direction: Direction = Field(Direction.HOGER_BETER, title="richting")
    baseline: Measured | None = Field(None, title="nulmeting")
    baseline_date: Date | None = Field(None, title="datum nulmeting")
    target: Measured | None = Field(None, title="streefwaarde")
    target_date: Date | None = Field(None, title="streefdatum")
    frequency: Frequency | None = Field(None, title="hoe vaak meten")
    owner: Id | None = Field(None, title="eigenaar")
    data_source: ShortText = Field("", title="gegevensbron")
    knobs: list[KnobNumber] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    measurements: list[Measurement] = Field(
        default_factory=list, max_length=MAX_MEASUREMENTS, title="metingen"
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Indicator:
        if self.baseline_date and self.target_date and self.target_date <= self.baseline_date:
            raise PydanticCustomError(
                "target_date_order", "de streefdatum moet na de datum van de nulmeting liggen"
            )
        return self


class EvidencePlan(Doc):
    value: Id = Field(title="waarde")
    before_decision: list[EvidenceNeed] = Field(
        default_factory=list, max_length=MAX_EVIDENCE_NEEDS, title="bewijs vooraf"
    )
    indicators: list[Indicator] = Field(
        default_factory=list, max_length=MAX_INDICATORS, title="indicatoren"
    )


__all__ = [
    "EVIDENCE_FILE_TYPES",
    "MAX_EVIDENCE_FILE_BYTES",
    "Direction",
    "EvidenceFile",
    "EvidenceNeed",
    "EvidencePlan",
    "EvidenceStatus",
    "Frequency",
    "Indicator",
    "Measurement",
    "MeasurementSource",
    "WebAddress",
]
