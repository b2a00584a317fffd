"""The explorer's effort: euros per year per knob and opening, and who pays them.

Built from the scenario's own cost items, with these stated assumptions (each a field of
:class:`KnobEffort`, so every face can show it):

* **Per year.** A knob's cost items are summed over the project's horizon (a yearly item for
  each of its years inside the horizon, a one-off item once when its year lies inside it) and
  divided by the number of years: the mean euros per year.
* **Reference opening.** Those items are what the knob costs at the opening it has in the
  scenario; a knob that is not on in the scenario is taken to be costed at full opening (3).
* **Scaling.** Effort at opening ``o`` is ``base × (o / reference) ** exponent``; the exponent
  is 1 (linear in the opening) unless the user sets another one per knob (0 makes the cost
  fixed once the knob is on, 2 makes a wider opening dearer). Off (0) costs nothing.
* **Knobs without cost items** count as the model's typical investment only where the model
  names an amount: knob 6's worksheet ("een community builder voor een halve fte, die € 50.000
  kost", ``knobs/06.yaml``), taken per year because it is a salary. Every other knob without
  cost items counts 0 and is flagged (:attr:`KnobEffort.basis` ``"none"``).
* **Who pays.** A knob's effort is split over the parties as its funding lines pay for its
  cost items over the horizon; what no line covers lies with the party that makes the cost
  (the item's party, else the knob's lead party), and with nobody when neither is named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from stuurknop.engine.routes import MAX_OPENING, opening_of
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import CostKind, ProjectDocument, Scenario

# The model's typical investment, where its knob text names an amount (see the module text).
TYPICAL_INVESTMENT: dict[int, Decimal] = {6: Decimal(50_000)}
LEVELS = MAX_OPENING + 1
COST_ITEMS, TYPICAL, NONE = "cost_items", "typical", "none"


@dataclass(frozen=True)
class KnobEffort:
    knob: int
    basis: str  # COST_ITEMS, TYPICAL or NONE (no costs known: counts 0)
    base: float  # euros per year at the reference opening
    reference: int  # the opening the base is costed at (1–3)
    exponent: float  # effort(o) = base × (o / reference) ** exponent
    per_opening: tuple[float, ...]  # effort at opening 0, 1, 2, 3
    payers: tuple[tuple[str, float], ...]  # (party id, part 0–1) of who pays this knob


@dataclass(frozen=True)
class EffortTable:
    knobs: tuple[KnobEffort, ...]
    parties: tuple[str, ...]  # the project's party ids, in order

    def matrix(self) -> npt.NDArray[np.float64]:
        """Effort per knob (rows, model order) and opening 0–3 (columns)."""
        return np.array([k.per_opening for k in self.knobs], dtype=np.float64)

    def payer_matrix(self) -> npt.NDArray[np.float64]:
        """Part of each knob's effort (rows) that each party (columns) pays."""
        out = np.zeros((len(self.knobs), len(self.parties)), dtype=np.float64)
        column = {p: i for i, p in enumerate(self.parties)}
        for row, knob in enumerate(self.knobs):
            for party, part in knob.payers:
                out[row, column[party]] = part
        return out


def _item_total(
    kind: CostKind, amount: Decimal, first: int, years: int | None, doc: ProjectDocument
) -> Decimal:
    horizon = doc.project.years
    if kind is CostKind.EENMALIG:
        return amount if first in horizon else Decimal(0)
    end = horizon.stop if years is None else min(horizon.stop, first + years)
    return amount * max(0, end - max(first, horizon.start))


def effort_table(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    exponents: Mapping[int, float] | None = None,
) -> EffortTable:
    """Effort per knob and opening from ``scenario``'s cost items (see the module text)."""
    exponents = exponents or {}
    horizon = doc.project.horizon_years
    parties = tuple(p.id for p in doc.parties)
    knobs = []
    for knob in model.knobs:
        setting = scenario.setting(knob.number)
        items = [c for c in scenario.costs if c.knob == knob.number]
        totals = {c.id: _item_total(c.kind, c.amount, c.first_year, c.years, doc) for c in items}
        total = sum(totals.values(), Decimal(0))
        paid: dict[str, Decimal] = {}
        for line in scenario.funding:
            if line.cost_item in totals:
                item = next(c for c in items if c.id == line.cost_item)
                first = line.first_year or item.first_year
                years = line.years if line.years is not None else item.years
                amount = _item_total(item.kind, line.amount, first, years, doc)
                paid[line.party] = paid.get(line.party, Decimal(0)) + amount
        for item in items:  # what no line covers stays with who makes the cost
            covered = sum(
                (
                    _item_total(
                        item.kind,
                        f.amount,
                        f.first_year or item.first_year,
                        f.years if f.years is not None else item.years,
                        doc,
                    )
                    for f in scenario.funding
                    if f.cost_item == item.id
                ),
                Decimal(0),
            )
            left = totals[item.id] - covered
            bearer = item.party or setting.lead_party
            if left > 0 and bearer:
                paid[bearer] = paid.get(bearer, Decimal(0)) + left
        if total > 0:
            basis, base = COST_ITEMS, float(total) / horizon
        elif knob.number in TYPICAL_INVESTMENT:
            basis, base = TYPICAL, float(TYPICAL_INVESTMENT[knob.number])
            if setting.lead_party:
                paid = {setting.lead_party: Decimal(1)}
            total = sum(paid.values(), Decimal(0))
        else:
            basis, base = NONE, 0.0
        reference = opening_of(scenario, knob.number) or MAX_OPENING
        exponent = float(exponents.get(knob.number, 1.0))
        per_opening = (0.0, *(base * (o / reference) ** exponent for o in range(1, LEVELS)))
        payers = tuple((p, float(paid[p] / total)) for p in parties if total > 0 and paid.get(p))
        knobs.append(KnobEffort(knob.number, basis, base, reference, exponent, per_opening, payers))
    return EffortTable(tuple(knobs), parties)
