"""Balance between parties: who pays, and with whom does the value land?

The model starts from the worry that "the corporation pays, the benefits land elsewhere". What
is compared with what:

* what a party pays, as its part of the **funded total** (everything the parties pay; the
  unfunded gap is no one's payment and is reported apart, never split), against
* its share of the value (:mod:`stuurknop.engine.value_shares`: where the value lands according
  to the routes of the scenario and the normalised weights of all parties).

The *split by value* divides exactly the funded total over the parties by value share, to the
cent (largest remainder), so it adds up to what is paid and the differences add up to zero.
The verdict is taken from the figures every face shows: the two shares as whole percentages,
their difference in percentage points, and the difference in euros. A party pays more than its
share only when it pays more than :data:`MARGIN_POINTS` points more *and* more euros than the
split; less, likewise. The split is a conversation starter, not advice: value shares come from
the parties' own weights, not from money.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from stuurknop.engine.money import ZERO, MoneyOverTime
from stuurknop.engine.reasons import Reason, reason
from stuurknop.engine.value_shares import ValueShares

# More than this many percentage points between a party's part of the funded total and its
# share of the value is a clear difference; below it rounding and small projects decide.
MARGIN_POINTS = 15
# A party's own weighting "drives" its share when leaving it out moves the share this much.
OWN_WEIGHTING_POINTS = 5
CENT = Decimal("0.01")


class Verdict(StrEnum):
    PAYS_MORE = "pays_more"
    PAYS_LESS = "pays_less"
    IN_LINE = "in_line"
    NO_INTERESTS = "no_interests"  # the party stated no interest: its value share is unknown
    NOTHING_FUNDED = "nothing_funded"  # no party pays anything yet: nothing to compare
    NO_VALUE = "no_value"  # no value lands with any party yet: nothing to compare


@dataclass(frozen=True)
class PartyBalance:
    party: str
    name: str
    party_type: str
    paid: Decimal
    funding_share: float  # paid / funded total
    value_share: float
    value_share_without_own: float | None  # with the others' mean weights in place of its own
    stated: bool  # it stated at least one interest
    split: Decimal  # its part of the funded total by value share, to the cent
    difference: Decimal  # paid − split: positive means it pays more than its share
    funding_percent: int  # the whole percentages every face shows …
    value_percent: int
    points: int  # … and their difference: funding_percent − value_percent
    verdict: Verdict
    reason: Reason  # how its split is computed
    finding: Reason | None  # the verdict in a sentence (None: nothing funded or nothing to say)
    own_weighting: Reason | None  # set when its own weights move its share ≥ 5 points

    @property
    def pays_more_than_it_gains(self) -> bool:
        return self.verdict is Verdict.PAYS_MORE


@dataclass(frozen=True)
class Balance:
    parties: tuple[PartyBalance, ...]
    total_costs: Decimal
    total_funding: Decimal  # the funded total: what is split
    total_shortfall: Decimal  # cost nobody pays within the horizon: shown apart, not split
    value_known: bool  # False while no value lands with any party
    basis: str  # what the value shares rest on (value_shares.WEIGHTS)
    margin: int = MARGIN_POINTS

    @property
    def total_split(self) -> Decimal:
        return sum((p.split for p in self.parties), ZERO)


def whole_percent(fraction: float | Fraction) -> int:
    """A share as the whole percentage people see: halves up, as ``presentation.percent``."""
    return int(Decimal(repr(float(fraction) * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split_cents(total: Decimal, parts: Sequence[Fraction]) -> tuple[Decimal, ...]:
    """``total`` divided by ``parts`` (summing to 1) to the cent, adding up exactly: each gets
    the whole cents of its quota, the cents left over go to the largest remainders (ties: the
    earlier). All zero when no part is positive."""
    cents = int((total / CENT).to_integral_value())
    weight = sum(parts, Fraction(0))
    if not weight or not cents:
        return tuple(ZERO for _ in parts)
    quotas = [cents * part / weight for part in parts]
    floors = [q.numerator // q.denominator for q in quotas]
    left = cents - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(quotas[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(Decimal(f) * CENT for f in floors)


def balance_between_parties(
    money: MoneyOverTime,
    shares: ValueShares,
    parties: Sequence[tuple[str, str]],
    party_types: Mapping[str, str],
) -> Balance:
    """Each party's part of the funded total against its value share, with the split by value.

    ``parties`` is (id, name) in the project's order.
    """
    paid = {p.party: p.paid for p in money.parties}
    funded = money.total_funding
    value_known = shares.known
    split = split_cents(funded, [shares.of(pid).part for pid, _ in parties])
    rows = []
    for (pid, name), part_split in zip(parties, split, strict=True):
        share = shares.of(pid)
        party_paid = paid.get(pid, ZERO)
        funding_share = float(party_paid / funded) if funded else 0.0
        funding_percent, value_percent = whole_percent(funding_share), whole_percent(share.part)
        points = funding_percent - value_percent
        difference = party_paid - part_split
        verdict = _verdict(funded, value_known, share.stated, points, difference)
        rows.append(
            PartyBalance(
                party=pid,
                name=name,
                party_type=party_types[pid],
                paid=party_paid,
                funding_share=funding_share,
                value_share=share.share,
                value_share_without_own=share.without_own,
                stated=share.stated,
                split=part_split,
                difference=difference,
                funding_percent=funding_percent,
                value_percent=value_percent,
                points=points,
                verdict=verdict,
                reason=reason(
                    "balance.party",
                    paid=party_paid,
                    funded=funded,
                    funding_share=funding_share,
                    value_share=share.share,
                    split=part_split,
                ),
                finding=_finding(verdict, name, funding_share, share.share, points, difference),
                own_weighting=_own_weighting(name, share.share, share.without_own),
            )
        )
    return Balance(
        parties=tuple(rows),
        total_costs=money.total_costs,
        total_funding=funded,
        total_shortfall=money.total_shortfall,
        value_known=value_known,
        basis=shares.basis,
    )


def _verdict(
    funded: Decimal, value_known: bool, stated: bool, points: int, difference: Decimal
) -> Verdict:
    if not value_known:
        return Verdict.NO_VALUE
    if not funded:
        return Verdict.NOTHING_FUNDED
    if not stated:
        return Verdict.NO_INTERESTS
    if points > MARGIN_POINTS and difference > 0:
        return Verdict.PAYS_MORE
    if points < -MARGIN_POINTS and difference < 0:
        return Verdict.PAYS_LESS
    return Verdict.IN_LINE


def _finding(
    verdict: Verdict,
    party: str,
    funding_share: float,
    value_share: float,
    points: int,
    difference: Decimal,
) -> Reason | None:
    if verdict in (Verdict.NO_VALUE, Verdict.NOTHING_FUNDED):
        return None
    if verdict is Verdict.NO_INTERESTS:  # said only of a party that pays something
        if not funding_share:
            return None
        return reason("balance.no_interests", party=party, funding_share=funding_share)
    return reason(
        f"balance.{verdict.value}",
        party=party,
        funding_share=funding_share,
        value_share=value_share,
        points=abs(points),
        difference=abs(difference),
        margin=MARGIN_POINTS,
    )


def _own_weighting(party: str, share: float, without_own: float | None) -> Reason | None:
    if without_own is None:
        return None
    if abs(whole_percent(share) - whole_percent(without_own)) < OWN_WEIGHTING_POINTS:
        return None
    return reason("balance.own_weighting", party=party, value_share=share, without_own=without_own)
