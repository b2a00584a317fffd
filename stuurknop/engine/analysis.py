"""One call that runs every analysis of a scenario: the engine's front door."""

from __future__ import annotations

from dataclasses import dataclass

from stuurknop.engine.balance import Balance, balance_between_parties
from stuurknop.engine.checklist import Checklist, checklist
from stuurknop.engine.checks import CheckResult, Context, run_checks
from stuurknop.engine.divergence import Divergence, divergence
from stuurknop.engine.effects import effects_of
from stuurknop.engine.money import MoneyOverTime, money_over_time
from stuurknop.engine.routes import (
    PartyValue,
    RouteActivation,
    ValuePotential,
    route_activation,
    value_per_party,
    value_potential,
)
from stuurknop.engine.value_shares import interest_weights, money_shares, value_shares
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario


@dataclass(frozen=True)
class Analysis:
    model_version: str
    project: str
    scenario: str
    routes: tuple[RouteActivation, ...]
    values: tuple[ValuePotential, ...]
    party_values: tuple[PartyValue, ...]
    money: MoneyOverTime
    balance: Balance
    checklist: Checklist
    checks: tuple[CheckResult, ...]
    divergence: Divergence


def analyse(model: Model, doc: ProjectDocument, scenario: str | Scenario | None = None) -> Analysis:
    """Every analysis of one scenario (by name; default the chosen one) of a validated document."""
    chosen = scenario if isinstance(scenario, Scenario) else doc.scenario(scenario)
    routes = route_activation(model, chosen)
    values = value_potential(model, routes)
    party_values = value_per_party(model, doc, chosen, values)
    money = money_over_time(model, doc, chosen)
    types = {p.id: p.party_type for p in doc.parties}
    shares = value_shares(
        [p.id for p in doc.parties],
        interest_weights(chosen),
        {v.value: v.potential for v in values},
    )
    if chosen.effects:  # the value in money, where the scenario has effect estimates
        effects = effects_of(model, doc, chosen, money=money)
        benefits = {p.party: p.pv_benefits for p in effects.parties}
        shares = money_shares([p.id for p in doc.parties], benefits)
    parties = [(p.id, p.name) for p in doc.parties]
    balance = balance_between_parties(money, shares, parties, types)
    return Analysis(
        model_version=model.version,
        project=doc.project.name,
        scenario=chosen.name,
        routes=routes,
        values=values,
        party_values=party_values,
        money=money,
        balance=balance,
        checklist=checklist(model, doc, chosen, money, values),
        checks=run_checks(Context(model, doc, chosen, money, balance)),
        divergence=divergence(model, doc),
    )
