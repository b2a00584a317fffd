"""Balance between parties: who pays, and for whom does the value arise?

The model starts from the worry that "the corporation pays, the benefits land elsewhere". For
each party we set its share of all funding against its share of the value (from
:func:`stuurknop.engine.routes.value_per_party`), and compute a *proportional split*: each party
paying the total costs in proportion to its value share. The split is a conversation starter,
not advice: value shares are ordinal indicators, not money.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from stuurknop.engine.money import ZERO, MoneyOverTime
from stuurknop.engine.reasons import Reason, reason
from stuurknop.engine.routes import PartyValue

# A party whose funding share exceeds its value share by more than this pays noticeably more
# than it gains; 15 percentage points keeps rounding noise and small projects out of it.
IMBALANCE_MARGIN = 0.15


@dataclass(frozen=True)
class PartyBalance:
    party: str
    name: str
    party_type: str
    paid: Decimal
    funding_share: float
    value_share: float
    proportional: Decimal  # what this party would pay under a split by value share
    difference: Decimal  # paid − proportional: positive means it pays more than its share
    reason: Reason

    @property
    def pays_more_than_it_gains(self) -> bool:
        # rounded so that float noise (0.4 − 0.25 = 0.15000000000000002) does not decide
        return round(self.funding_share - self.value_share, 9) > IMBALANCE_MARGIN


@dataclass(frozen=True)
class Balance:
    parties: tuple[PartyBalance, ...]
    total_costs: Decimal
    total_funding: Decimal
    value_known: bool  # False when no party has stated its interests


def balance_between_parties(
    money: MoneyOverTime, values: tuple[PartyValue, ...], party_types: dict[str, str]
) -> Balance:
    """Each party's funding share against its value share, and the proportional split."""
    paid = {p.party: p.paid for p in money.parties}
    total_funding = money.total_funding
    value_known = any(v.score > 0 for v in values)
    rows = []
    for value in values:
        party_paid = paid.get(value.party, ZERO)
        funding_share = float(party_paid / total_funding) if total_funding else 0.0
        proportional = (money.total_costs * Decimal(repr(value.share))).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        why = reason(
            "balance.party",
            paid=party_paid,
            funding_share=funding_share,
            value_share=value.share,
            total_costs=money.total_costs,
            proportional=proportional,
        )
        rows.append(
            PartyBalance(
                party=value.party,
                name=value.name,
                party_type=party_types[value.party],
                paid=party_paid,
                funding_share=funding_share,
                value_share=value.share,
                proportional=proportional,
                difference=party_paid - proportional,
                reason=why,
            )
        )
    return Balance(tuple(rows), money.total_costs, total_funding, value_known)
