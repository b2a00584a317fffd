"""The partners' agreement (samenwerkingsafspraak, intentieverklaring) and its confirmations.

A version of the agreement is a snapshot, as plain data, of what each party commits in the
chosen scenario: money per year and source (the funding lines), the staff hours and the effort
it writes itself, the knobs it leads and its actions; for how long, the review dates of the
decisions, and how the partners will decide on changes. The content is derived by the engine
(:mod:`stuurknop.engine.agreement`); the partners add only the texts the numbers cannot say.

Each party at the table confirms a version (who, for which organisation, when). Its
``fingerprint`` is the SHA-256 of the content's canonical JSON (:func:`content_fingerprint`),
so that a printed agreement names exactly what was confirmed. Once every party at the table has
confirmed, the version is frozen: it is not changed again, and a change needs a new version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from stuurknop.gespreksmodel.schema import Numeral
from stuurknop.projectfile.commitments import CommitmentHow
from stuurknop.projectfile.fields import (
    CostKind,
    Date,
    Doc,
    FundingStatus,
    Id,
    KnobNumber,
    LongText,
    Money,
    Name,
    ShortText,
    Timestamp,
    Year,
    Years,
)

MAX_AGREEMENTS = 100
Fingerprint = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class AgreementMoney(Doc):
    funding_line: Id = Field(title="financieringsregel")
    cost_item: Name = Field(title="kostenpost")
    knob: KnobNumber = Field(title="stuurknop")
    source: Numeral = Field(title="bron")
    amount: Money = Field(title="bedrag")
    kind: CostKind = Field(title="soort")
    first_year: Year = Field(title="eerste jaar")
    years: Years | None = Field(None, title="aantal jaren", description="Leeg: doorlopend.")
    status: FundingStatus = Field(title="status")
    committed_how: CommitmentHow | None = Field(
        None, title="hoe toegezegd", description="Leeg: niet toegezegd."
    )


class AgreementAction(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="actie")
    due: Date | None = Field(None, title="klaar op")


class AgreementParty(Doc):
    party: Id = Field(title="partij")
    name: Name = Field(title="naam")
    at_table: bool = Field(True, title="aan tafel")
    money: list[AgreementMoney] = Field(default_factory=list, max_length=400, title="geld")
    knobs: list[KnobNumber] = Field(
        default_factory=list, max_length=10, title="trekker van stuurknoppen"
    )
    actions: list[AgreementAction] = Field(default_factory=list, max_length=2_000, title="acties")
    hours_per_year: int | None = Field(
        None,
        ge=0,
        le=1_000_000,
        title="uren per jaar",
        description="Hoeveel uur inzet van mensen de partij per jaar toezegt (niet verplicht).",
    )
    commitment: LongText = Field(
        "",
        title="inzet",
        description="Wat de partij verder toezegt, in haar eigen woorden (niet verplicht).",
    )


class AgreementContent(Doc):
    scenario: Name = Field(title="scenario")
    first_year: Year = Field(title="eerste jaar")
    last_year: Year = Field(title="tot en met")
    parties: list[AgreementParty] = Field(
        default_factory=list, max_length=100, title="partijen en hun inzet"
    )
    review_dates: list[Date] = Field(
        default_factory=list, max_length=1_000, title="opnieuw bekijken op"
    )
    changes: LongText = Field(
        "",
        title="hoe we besluiten over wijzigingen",
        description="Hoe de partners samen besluiten als er iets aan de afspraak verandert.",
    )


class AgreementConfirmation(Doc):
    party: Id = Field(title="partij")
    by: ShortText = Field(title="bevestigd door")
    organisation: ShortText = Field("", title="namens organisatie")
    at: Timestamp = Field(title="bevestigd op")
    imported: bool = Field(
        False,
        title="ingelezen",
        description=(
            "Ja: overgenomen uit een ingelezen projectbestand, niet in deze omgeving door de "
            "partij zelf bevestigd."
        ),
    )


class Agreement(Doc):
    number: int = Field(ge=1, le=MAX_AGREEMENTS, title="versie")
    content: AgreementContent = Field(title="inhoud")
    created_at: Timestamp = Field(title="opgesteld op")
    created_by: ShortText = Field("", title="opgesteld door")
    fingerprint: Fingerprint = Field(title="vingerafdruk")
    confirmations: list[AgreementConfirmation] = Field(
        default_factory=list, max_length=100, title="bevestigingen"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.fingerprint != content_fingerprint(self.content):
            raise ValueError("de vingerafdruk past niet bij de inhoud van de afspraak")
        known = {p.party for p in self.content.parties}
        seen: set[str] = set()
        for confirmation in self.confirmations:
            if confirmation.party not in known:
                raise ValueError(f"partij {confirmation.party!r} staat niet in deze afspraak")
            if confirmation.party in seen:
                raise ValueError(f"partij {confirmation.party!r} heeft twee keer bevestigd")
            seen.add(confirmation.party)
        return self

    @property
    def confirmed_parties(self) -> set[str]:
        return {c.party for c in self.confirmations}

    @property
    def frozen(self) -> bool:
        """Confirmed by every party at the table (and there is at least one)."""
        table = [p.party for p in self.content.parties if p.at_table]
        return bool(table) and set(table) <= self.confirmed_parties


def content_fingerprint(content: AgreementContent) -> str:
    """SHA-256 of the content's canonical JSON: keys sorted, no spaces, amounts as text."""
    data = content.model_dump(mode="json")
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def last_frozen(agreements: list[Agreement]) -> Agreement | None:
    """The most recent version every party at the table confirmed, or None."""
    frozen = [a for a in agreements if a.frozen]
    return max(frozen, key=lambda a: a.number) if frozen else None


def new_version(
    agreements: list[Agreement], content: AgreementContent, *, at: dt.datetime, by: str
) -> Agreement:
    """The next version of the agreement with ``content``, not yet confirmed by anyone."""
    number = max((a.number for a in agreements), default=0) + 1
    return Agreement(
        number=number,
        content=content,
        created_at=at,
        created_by=by,
        fingerprint=content_fingerprint(content),
    )
