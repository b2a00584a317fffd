"""Realised money: what was actually spent on a cost item and received on a funding line in a
year, beside what the scenario planned (:mod:`stuurknop.engine.actuals` compares the two).

One list per scenario, ``actuals``, one row per (cost item or funding line, year): an amount
spent names its ``cost_item``, an amount received its ``funding_line``, never both. A row is
what a bookkeeping export holds, so an import is one row per line. The references, the year
within the project's horizon and one row per thing and year are checked with the other
references (:mod:`stuurknop.projectfile.references`).
"""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from stuurknop.projectfile.fields import Doc, Id, Money, ShortText, Year

# Every cost item and funding line a scenario may hold (200 + 400) for fifteen years or so.
MAX_ACTUALS = 9_000


class Actual(Doc):
    id: Id = Field(title="id")
    cost_item: Id | None = Field(
        None,
        title="kostenpost",
        description="Bij geld dat is uitgegeven: de kostenpost. Anders leeg laten.",
    )
    funding_line: Id | None = Field(
        None,
        title="financieringsregel",
        description="Bij geld dat is ontvangen: de financieringsregel. Anders leeg laten.",
    )
    year: Year = Field(title="jaar")
    amount: Money = Field(
        title="bedrag", description="Wat in dat jaar echt is uitgegeven of ontvangen."
    )
    note: ShortText = Field("", title="notitie")

    @model_validator(mode="after")
    def _one_reference(self) -> Actual:
        if (self.cost_item is None) == (self.funding_line is None):
            raise PydanticCustomError(
                "one_reference", "noem óf een kostenpost óf een financieringsregel"
            )
        return self

    @property
    def spent(self) -> bool:
        """True: money spent on a cost item; False: money received on a funding line."""
        return self.cost_item is not None

    @property
    def ref(self) -> str:
        """The id of the cost item or funding line this amount belongs to."""
        return self.cost_item if self.cost_item is not None else self.funding_line or ""
