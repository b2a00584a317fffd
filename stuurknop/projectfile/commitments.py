"""Who committed a funding line's money: the paying party itself, or someone on its behalf.

A funding line is *toegezegd* only when its ``commitment`` says how: ``bevestigd`` when a
member who speaks for the paying party confirmed it in the app (who, when, for which
organisation), or ``namens`` when a beheerder recorded the commitment on behalf of a party
without an account (a fund, a party not at the table) with its evidence (a letter's reference
and date), or when an import carried the status (``by`` is then the import). Every face says a
``namens`` commitment as recorded on behalf, never as confirmed by the party. A toegezegd line
without a commitment (older data) counts as recorded on behalf.

A ``request`` asks the paying party to confirm a line: made when someone who does not speak
for the party sets the line to toegezegd or changes a confirmed line's amount, years, source or
cost item (the line then falls back to in gesprek). The party confirms it (the request goes,
the commitment comes) or declines it with a remark (the request stays, ``afgewezen``).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from stuurknop.projectfile.evidence import EvidenceFile
from stuurknop.projectfile.fields import Date, Doc, Name, ShortText

IMPORT = "import"  # ``Commitment.by`` of a status carried by an imported file


class CommitmentHow(StrEnum):
    BEVESTIGD = "bevestigd"
    NAMENS = "namens"


class RequestState(StrEnum):
    OPEN = "open"
    AFGEWEZEN = "afgewezen"


class Commitment(Doc):
    how: CommitmentHow = Field(title="hoe toegezegd")
    by: Name = Field(title="vastgelegd door", description="Wie bevestigde of vastlegde.")
    organisation: str = Field(
        "", max_length=200, title="voor organisatie", description="Voor welke organisatie."
    )
    at: Date | None = Field(None, title="vastgelegd op")
    evidence_reference: str = Field(
        "",
        max_length=200,
        title="kenmerk van de brief",
        description="Bij een toezegging namens een partij: het kenmerk van de brief of besluit.",
    )
    evidence_date: Date | None = Field(None, title="datum van de brief")
    evidence_file: EvidenceFile | None = Field(
        None,
        title="bewijsstuk",
        description="Het geüploade document (de brief): naam, grootte, soort en controlegetal.",
    )
    remark: ShortText = Field("", title="opmerking")


class CommitmentRequest(Doc):
    state: RequestState = Field(RequestState.OPEN, title="stand van het verzoek")
    by: Name = Field(title="gevraagd door")
    at: Date | None = Field(None, title="gevraagd op")
    remark: ShortText = Field("", title="opmerking", description="De opmerking bij een afwijzing.")
