"""Everything the faces show about a scenario's effects in money, from one call: the present
values per party, the Monte Carlo, the tornado and the redistribution proposal."""

from __future__ import annotations

from dataclasses import dataclass

from stuurknop.engine.effect_uncertainty import (
    PartyTornado,
    TornadoBar,
    Uncertainty,
    party_tornados,
    tornado,
    uncertainty,
)
from stuurknop.engine.effects import EffectsResult, effects_of
from stuurknop.engine.money import UNASSIGNED, MoneyOverTime
from stuurknop.engine.redistribution import Redistribution, redistribute
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario


@dataclass(frozen=True)
class EffectReport:
    result: EffectsResult
    uncertainty: Uncertainty
    tornado: tuple[TornadoBar, ...]  # the project's NPV
    party_tornados: tuple[PartyTornado, ...]  # each paying or benefiting party's NPV
    # between the project's parties; costs no party carries yet stay outside the proposal
    redistribution: Redistribution


def effect_report(
    model: Model,
    doc: ProjectDocument,
    scenario: Scenario,
    *,
    money: MoneyOverTime | None = None,
    draws: int | None = None,
) -> EffectReport:
    result = effects_of(model, doc, scenario, money=money)
    spread = uncertainty(result) if draws is None else uncertainty(result, draws=draws)
    proposal = redistribute({p.party: p.npv for p in result.parties if p.party != UNASSIGNED})
    return EffectReport(result, spread, tornado(result), party_tornados(result), proposal)
