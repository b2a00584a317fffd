"""Where the value lands: each party's share of the value a scenario sets in motion.

The routes of a scenario give each value a potential (0–1,
:func:`stuurknop.engine.routes.value_potential`); each party says how much each value matters
to it (0–3). So that no party can lower its own share by saying that everything matters less,
a party's weights are *normalised*: every party that states an interest spreads the same total
(1) over the values; only how it spreads them counts. Each value is as large as its potential
times the table's mean weight for it, and lands with the parties in proportion to the weight
each gives it. Worked out, with N the parties that stated an interest and n(p, v) the
normalised weights, party p receives

    x(p) = (1/N) · Σ_v n(p, v) · potential(v),   share(p) = x(p) / Σ_q x(q).

**The bound on a party's own weighting.** Scaling its weights changes nothing. Spreading them
differently moves x(p) only between the smallest and the largest potential of the values, so
with R the others' part, share(p) ≥ min potential / (min potential + R) whatever p states (as
long as it states something); when every value is reached equally, a party's own weights do
not move its share at all. The remaining influence is shown: :attr:`PartyShare.without_own` is
the share with the party's weights replaced by the mean of the other parties' weights.

A party that states no interest at all has no share, and every face says so.

When a scenario carries effect estimates in money (``Scenario.effects``), the shares rest on
money instead (:func:`money_shares`, basis :data:`MONEY`): a party's share is the present value
of the benefits that land with it over the sum of all parties' (a negative sum counts as 0).
:func:`stuurknop.engine.balance.balance_between_parties` takes either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from stuurknop.projectfile.schema import Scenario

WEIGHTS = "gewichten"  # stated interests over the routes' potentials (ordinal)
MONEY = "geld"  # the present values of the effect estimates' benefits per party


@dataclass(frozen=True)
class PartyShare:
    party: str
    stated: bool  # the party stated at least one interest
    part: Fraction  # its share of the value, exact (0–1); 0 when it stated nothing
    # the share with the others' mean weights in place of its own (None: it stated nothing, or
    # no other party did)
    without_own: float | None

    @property
    def share(self) -> float:
        return float(self.part)


@dataclass(frozen=True)
class ValueShares:
    basis: str
    parties: tuple[PartyShare, ...]

    @property
    def known(self) -> bool:
        """Some value lands somewhere: a party stated an interest in a value a route reaches."""
        return any(p.part > 0 for p in self.parties)

    def of(self, party: str) -> PartyShare:
        return next(p for p in self.parties if p.party == party)


def interest_weights(scenario: Scenario) -> dict[str, dict[str, int]]:
    """Each party's stated weight (0–3) per value in ``scenario``."""
    weights: dict[str, dict[str, int]] = {}
    for interest in scenario.interests:
        weights.setdefault(interest.party, {})[interest.value] = interest.weight
    return weights


def normalised(weights: Mapping[str, int]) -> dict[str, Fraction]:
    """A party's weights as parts of 1 (empty when it stated nothing)."""
    total = sum(weights.values())
    return {v: Fraction(w, total) for v, w in weights.items() if w} if total > 0 else {}


def value_shares(
    parties: Sequence[str],
    weights: Mapping[str, Mapping[str, int]],
    potentials: Mapping[str, float],
) -> ValueShares:
    """Each party's share of the value from everyone's normalised weights and the potentials.

    ``weights`` maps a party to its weight (0–3) per value; ``potentials`` a value to 0–1.
    Exact arithmetic (fractions) inside, floats out.
    """
    pot = {v: Fraction(p) for v, p in potentials.items()}
    spread = {party: normalised(weights.get(party, {})) for party in parties}
    stated = [party for party in parties if spread[party]]
    reach = {party: _reach(spread[party], pot) for party in stated}
    total = sum(reach.values(), Fraction(0))
    results = []
    for party in parties:
        share = reach[party] / total if party in stated and total else Fraction(0)
        others = [spread[q] for q in stated if q != party]
        without_own = None
        if others and party in stated:
            mean = {v: sum((o.get(v, Fraction(0)) for o in others), Fraction(0)) for v in pot}
            stand_in = _reach({v: m / len(others) for v, m in mean.items()}, pot)
            rest = total - reach.get(party, Fraction(0))
            without_own = float(stand_in / (rest + stand_in)) if rest + stand_in else 0.0
        results.append(PartyShare(party, party in stated, share, without_own))
    return ValueShares(WEIGHTS, tuple(results))


def _reach(spread: Mapping[str, Fraction], potentials: Mapping[str, Fraction]) -> Fraction:
    """Σ_v n(v) · potential(v): the part of the value that lands with a party (times N)."""
    return sum((n * potentials.get(v, Fraction(0)) for v, n in spread.items()), Fraction(0))


def money_shares(parties: Sequence[str], benefits: Mapping[str, float]) -> ValueShares:
    """Each party's share of the value from the present values of its benefits (in money).

    Every party's share is known (0 when no benefit lands with it); no own weighting plays a
    part, so ``without_own`` is None. Exact fractions of the floats.
    """
    positive = {p: Fraction(max(benefits.get(p, 0.0), 0.0)) for p in parties}
    total = sum(positive.values(), Fraction(0))
    return ValueShares(
        MONEY,
        tuple(
            PartyShare(p, True, positive[p] / total if total else Fraction(0), None)
            for p in parties
        ),
    )
