"""The realised cliff: did the temporary money stop as planned, and who took over?

A planned cliff is a year in which temporary money (sources tagged ``tijdelijk``) stops while
the per-year cost it paid for runs on: the same stops :mod:`stuurknop.engine.money` looks at
(there a stop counts as a cliff only when the gap grows; here every planned stop is followed,
also the ones the plan already covers). Per stop year, over the realised years from then on:

- *continued*: what the stopped lines, or other lines of the same party and source for the
  same cost items, still received (the temporary money did not stop);
- *takers*: other lines for those cost items, of another party or source, that received money
  from the stop year on and nothing the year before (new money; a line that already paid goes
  on paying its share), per line its party, source and amount;
- *uncovered*: what was spent on those cost items beyond all money received for them.

A stop after the last realised year is *pending* (not realised yet).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.money_items import cents, euros
from stuurknop.engine.money_terms import cost_years, funding_years
from stuurknop.engine.reasons import Param, Reason, reason
from stuurknop.projectfile.schema import CostKind, FundingLine, Scenario


@dataclass(frozen=True)
class Taker:
    funding_line: str
    party: str  # the party's name
    source: str
    amount: Decimal  # received from the stop year through the last realised year


@dataclass(frozen=True)
class RealisedCliff:
    year: int  # the planned first year without the temporary money
    drop: Decimal  # the temporary money per year that was to stop
    sources: tuple[str, ...]
    funding_lines: tuple[str, ...]  # the temporary lines planned to stop
    cost_items: tuple[str, ...]
    stopped: bool | None  # None: not realised yet
    continued: Decimal  # temporary money still received from the stop year on
    takers: tuple[Taker, ...]
    uncovered: Decimal  # spent on the cost items beyond the money received for them
    reason: Reason


def realised_cliffs(
    scenario: Scenario,
    horizon: range,
    through: int | None,
    temporary: Set[str],
    names: Mapping[str, str],
    received: Mapping[str, list[int]],
    spent: Mapping[str, list[int]],
) -> tuple[RealisedCliff, ...]:
    """Each planned stop of temporary money, realised (or pending) as the module says."""
    first = horizon.start
    costs = {c.id: c for c in scenario.costs}
    stops: dict[int, list[FundingLine]] = defaultdict(list)
    for line in scenario.funding:
        cost = costs[line.cost_item]
        if line.source not in temporary or cost.kind is not CostKind.JAARLIJKS:
            continue
        paid = funding_years(line, cost, horizon)
        if (
            paid.stop in horizon
            and paid.stop in cost_years(cost, horizon)
            and paid.start < paid.stop
        ):
            stops[paid.stop].append(line)
    out = []
    for year in sorted(stops):
        ended = stops[year]
        items = sorted({line.cost_item for line in ended})
        sources = tuple(sorted({line.source for line in ended}))
        drop = euros(
            sum(
                cents(line.amount)
                for line in ended
                if year - 1 in funding_years(line, costs[line.cost_item], horizon)
            )
        )
        lines = [line for line in scenario.funding if line.cost_item in items]
        if through is None or year > through:
            why = reason("actual.cliff_pending", year=year, sources=sources, drop=drop)
            out.append(
                RealisedCliff(
                    year,
                    drop,
                    sources,
                    _ids(ended),
                    tuple(items),
                    None,
                    euros(0),
                    (),
                    euros(0),
                    why,
                )
            )
            continue
        after = range(year - first, through - first + 1)

        def got(line_id: str, after: range = after) -> int:
            money = received.get(line_id)
            return sum(money[i] for i in after) if money else 0

        def new(line_id: str, before: int = year - first - 1) -> bool:
            money = received.get(line_id)
            return before < 0 or not money or not money[before]

        same = {(line.party, line.source) for line in ended}
        continued = sum(got(line.id) for line in lines if (line.party, line.source) in same)
        takers = tuple(
            Taker(line.id, names.get(line.party, line.party), line.source, euros(got(line.id)))
            for line in lines
            if (line.party, line.source) not in same and got(line.id) and new(line.id)
        )
        all_spent = sum(sum(spent[c][i] for i in after) for c in items if c in spent)
        uncovered = euros(max(0, all_spent - sum(got(line.id) for line in lines)))
        said: dict[str, Param] = {"year": year, "through": through, "sources": sources}
        if continued:
            why = reason("actual.cliff_continued", **said, amount=euros(continued))
        elif takers:
            who = tuple((t.party, t.source, t.amount) for t in takers)
            why = reason(
                "actual.cliff_taken_over", **said, drop=drop, takers=who, uncovered=uncovered
            )
        else:
            why = reason("actual.cliff_gap", **said, drop=drop, uncovered=uncovered)
        out.append(
            RealisedCliff(
                year,
                drop,
                sources,
                _ids(ended),
                tuple(items),
                not continued,
                euros(continued),
                takers,
                uncovered,
                why,
            )
        )
    return tuple(out)


def _ids(lines: list[FundingLine]) -> tuple[str, ...]:
    return tuple(line.id for line in lines)
