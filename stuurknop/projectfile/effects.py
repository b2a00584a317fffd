"""Effects in money: what a scenario's routes are expected to bring, for whom, and how sure.

An :class:`EffectEstimate` is the field's value-map line (SROI; the MKBA's "effect per actor"):
the effect per year as an amount, or as a quantity times a financial proxy (from the model's
proxy library, ``gespreksmodel/<version>/proxies.yaml``, or the project's own
:class:`Proxy` with its source); a low, expected and high figure; the years it lasts; the
drop-off per year; and the three corrections as percentages: deadweight (what would have happened
anyway), attribution (the part owed to others) and displacement (what moves elsewhere).

The discount rate is a project setting (:class:`EffectSettings`); the default is the Dutch
standard rate for cost-benefit analysis, 2.25 % real (Werkgroep Discontovoet 2020, in force
since 1 January 2021); a flow marked risk-free is discounted at the risk-free rate of −1 %.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints

from stuurknop.projectfile.fields import (
    Doc,
    Id,
    KnobNumber,
    LongText,
    Money,
    Name,
    ShortText,
    Year,
    Years,
)

Percent = Annotated[int, Field(ge=0, le=100)]
Rate = Annotated[Decimal, Field(ge=Decimal("-5"), le=Decimal("15"), decimal_places=2)]
Quantity = Annotated[Decimal, Field(ge=0, le=Decimal("1000000000"), decimal_places=2)]

STANDARD_RATE = Decimal("2.25")  # % real, Werkgroep Discontovoet 2020 (see proxies.yaml)
RISK_FREE_RATE = Decimal("-1.00")  # % real, for flows shown to be wholly risk-free
MAX_PROXIES = 100


class Proxy(Doc):
    id: Id = Field(title="id")
    name: Name = Field(title="naam")
    unit: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        title="eenheid",
        description="Waar het bedrag bij hoort, bijvoorbeeld ‘per cliënt per jaar’.",
    )
    amount: Money = Field(title="bedrag", description="Per eenheid.")
    price_year: Year = Field(title="prijspeil")
    source: Annotated[str, StringConstraints(min_length=1, max_length=2_000)] = Field(
        title="bron", description="Waar het bedrag vandaan komt: publicatie, tabel, jaar."
    )
    url: ShortText = Field("", title="webadres van de bron")


class EffectSettings(Doc):
    discount_rate: Rate = Field(
        STANDARD_RATE,
        title="discontovoet",
        description="Reëel, in procenten per jaar. Standaard 2,25 % (Werkgroep Discontovoet 2020).",
    )
    proxies: list[Proxy] = Field(
        default_factory=list, max_length=MAX_PROXIES, title="eigen kengetallen"
    )


class EffectEstimate(Doc):
    id: Id = Field(title="id")
    value: Id = Field(title="waarde")
    route: Id = Field(title="route")
    knobs: list[KnobNumber] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    beneficiary: Id = Field(title="ontvanger")
    proxy: Id | None = Field(
        None,
        title="kengetal",
        description="Leeg: laag, verwacht en hoog zijn bedragen per jaar. "
        "Gekozen: het zijn aantallen per jaar, maal het bedrag van het kengetal.",
    )
    low: Quantity = Field(title="laag")
    expected: Quantity = Field(title="verwacht")
    high: Quantity = Field(title="hoog")
    first_year: Year = Field(title="eerste jaar")
    years: Years | None = Field(None, title="aantal jaren")
    drop_off: Percent = Field(0, title="afname per jaar", description="Procent per jaar.")
    deadweight: Percent = Field(
        0, title="was toch gebeurd", description="Deadweight: procent dat ook zonder project komt."
    )
    attribution: Percent = Field(
        0, title="toe te schrijven aan anderen", description="Attributie, in procenten."
    )
    displacement: Percent = Field(
        0, title="verplaatst", description="Verdringing: procent dat elders verdwijnt."
    )
    risk_free: bool = Field(
        False,
        title="risicovrij",
        description="Alleen als stevig onderbouwd is dat dit effect zeker is: "
        "disconteren tegen −1 %.",
    )
    assumption: LongText = Field("", title="aanname")
    evidence: LongText = Field("", title="bewijsvoering")
    evidence_need: Name | None = Field(
        None,
        title="bewijs uit het bewijsplan",
        description="De omschrijving van het benodigde bewijs bij deze waarde in het bewijsplan.",
    )

    @property
    def kept(self) -> Decimal:
        """The part left after deadweight, attribution and displacement (0–1, exact)."""
        keep = Decimal(1)
        for percent in (self.deadweight, self.attribution, self.displacement):
            keep *= Decimal(100 - percent) / 100
        return keep
