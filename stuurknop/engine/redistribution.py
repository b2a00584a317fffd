"""A starting point for shared savings: transfers between parties that leave every party's
expected net present value at or above zero, with the smallest total transfer.

**The algorithm (exact).** Let d_p = −NPV_p for the parties behind (NPV < 0), s_q = NPV_q for
the parties ahead, D = Σ d_p and S = Σ s_q. Every party behind must receive at least d_p, so no
proposal moves less than D; the total allows it when S ≥ D (the project's NPV ≥ 0). Then each
party ahead pays the share s_q / S of D — proportionally to how far ahead it is, so every payer
keeps the same fraction (S − D)/S of its surplus and none falls below zero — and each payment is
split over the parties behind in proportion to their deficits: q pays p exactly
D · (s_q/S) · (d_p/D) = s_q · d_p / S. The total moved is exactly D, the minimum. When S < D no
transfers can do it: the proposal says by how much the total falls short (D − S).

Present values are floats here, rounded once where they are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Transfer:
    payer: str
    receiver: str
    amount: float  # present value


@dataclass(frozen=True)
class Redistribution:
    possible: bool  # the total allows every party at or above zero
    transfers: tuple[Transfer, ...]  # empty when not possible or not needed
    total: float  # the sum of the transfers (= the sum of the deficits when possible)
    deficits: float  # Σ of the negative NPVs, as a positive figure
    surpluses: float  # Σ of the positive NPVs
    shortfall: float  # when not possible: how much the total falls short (else 0)
    after: Mapping[str, float]  # each party's NPV after the transfers


def redistribute(npv: Mapping[str, float]) -> Redistribution:
    """The proposal for the parties' expected NPVs ``npv`` (in the order given)."""
    behind = {p: -v for p, v in npv.items() if v < 0}
    ahead = {p: v for p, v in npv.items() if v > 0}
    deficits, surpluses = sum(behind.values()), sum(ahead.values())
    if not behind or surpluses < deficits:
        return Redistribution(
            possible=not behind,
            transfers=(),
            total=0.0,
            deficits=deficits,
            surpluses=surpluses,
            shortfall=max(deficits - surpluses, 0.0),
            after=dict(npv),
        )
    transfers = tuple(
        Transfer(payer, receiver, surplus * deficit / surpluses)
        for payer, surplus in ahead.items()
        for receiver, deficit in behind.items()
    )
    after = dict(npv)
    for t in transfers:
        after[t.payer] -= t.amount
        after[t.receiver] += t.amount
    return Redistribution(
        possible=True,
        transfers=transfers,
        total=sum(t.amount for t in transfers),
        deficits=deficits,
        surpluses=surpluses,
        shortfall=0.0,
        after=after,
    )
