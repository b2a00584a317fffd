"""Coherence checks implied by the model's text.

The logic of each check lives here, its words (title, message, source) in the model version's
``checks.yaml`` under the same id; a test keeps the two sets equal. A check that fires returns
findings: the specific cost items, funding lines or knobs that made it fire.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stuurknop.engine.agreement import departures
from stuurknop.engine.balance import Balance
from stuurknop.engine.money import MoneyOverTime, confirmed_by_party, funding_years
from stuurknop.engine.reasons import Reason, reason
from stuurknop.engine.routes import opening_of
from stuurknop.gespreksmodel.schema import Model, SeedRef, Severity, SourceTag
from stuurknop.projectfile.schema import (
    CostKind,
    FundingStatus,
    KnobStatus,
    ProjectDocument,
    Scenario,
)


@dataclass(frozen=True)
class Context:
    model: Model
    doc: ProjectDocument
    scenario: Scenario
    money: MoneyOverTime
    balance: Balance

    def on(self, knob: int) -> bool:
        return self.scenario.setting(knob).status is KnobStatus.AAN

    def party_name(self, party_id: str) -> str:
        return self.doc.party(party_id).name

    def lines_with(self, tag: SourceTag) -> list[tuple[str, Reason]]:
        """(funding line id, finding) of lines whose source carries ``tag``."""
        tagged = {s.numeral for s in self.model.sources if tag in s.tags}
        costs = {c.id: c for c in self.scenario.costs}
        return [
            (
                line.id,
                reason(
                    "check.funding_line",
                    party=self.party_name(line.party),
                    amount=line.amount,
                    source=line.source,
                    cost=costs[line.cost_item].description,
                ),
            )
            for line in self.scenario.funding
            if line.source in tagged
        ]


@dataclass(frozen=True)
class CheckResult:
    id: str
    severity: Severity
    title: str
    message: str
    knobs: tuple[int, ...]
    source: SeedRef
    reasons: tuple[Reason, ...]  # the findings: what made the check fire


Finder = Callable[[Context], list[Reason]]
CHECKS: dict[str, Finder] = {}


def check(check_id: str) -> Callable[[Finder], Finder]:
    def register(finder: Finder) -> Finder:
        CHECKS[check_id] = finder
        return finder

    return register


@check("activiteiten_zonder_ruimte")
def _activities_without_room(ctx: Context) -> list[Reason]:
    if ctx.on(5) and not ctx.on(2):
        return [
            reason("check.knob_on_other_not", knob=5, opening=opening_of(ctx.scenario, 5), other=2)
        ]
    return []


@check("servicekosten_en_buurt")
def _service_costs_and_neighbourhood(ctx: Context) -> list[Reason]:
    if not ctx.on(9):
        return []
    room_costs = {c.id for c in ctx.scenario.costs if c.knob in (2, 3)}
    lines = {line.id for line in ctx.scenario.funding if line.cost_item in room_costs}
    return [text for lid, text in ctx.lines_with(SourceTag.EIGENAARSCHAP) if lid in lines]


@check("structureel_op_tijdelijk_geld")
def _recurring_on_temporary(ctx: Context) -> list[Reason]:
    found = [cliff.reason for cliff in ctx.money.cliffs]
    horizon = ctx.doc.project.years
    temporary = {s.numeral for s in ctx.model.sources if s.temporary}
    costs = {c.id: c for c in ctx.scenario.costs}
    cliff_lines = {lid for cliff in ctx.money.cliffs for lid in cliff.funding_lines}
    for line in ctx.scenario.funding:
        cost = costs[line.cost_item]
        if (
            line.source in temporary
            and cost.kind is CostKind.JAARLIJKS
            and line.id not in cliff_lines
        ):
            years = funding_years(line, cost, horizon)
            if cost.years is None and years.stop >= horizon.stop:
                found.append(
                    reason(
                        "check.recurring_on_temporary", cost=cost.description, source=line.source
                    )
                )
    return found


@check("onrendabele_investering")
def _unprofitable_investment(ctx: Context) -> list[Reason]:
    return [text for _, text in ctx.lines_with(SourceTag.UITZONDERING)]


@check("drempel_voor_bewoners")
def _threshold_for_residents(ctx: Context) -> list[Reason]:
    return [text for _, text in ctx.lines_with(SourceTag.DREMPEL)]


@check("gemeenschap_zonder_professional")
def _community_without_professional(ctx: Context) -> list[Reason]:
    if ctx.on(6) and not any(c.knob == 6 for c in ctx.scenario.costs):
        return [reason("check.knob_on_without_cost", knob=6, opening=opening_of(ctx.scenario, 6))]
    return []


@check("vaste_aanbieder_zonder_gemeente")
def _single_provider_without_municipality(ctx: Context) -> list[Reason]:
    if ctx.on(7) and not ctx.on(10):
        off = ctx.scenario.setting(10).status is KnobStatus.UIT
        code = "check.knob_on_other_off" if off else "check.knob_on_other_undiscussed"
        return [reason(code, knob=7, other=10)]
    return []


@check("geen_bewoners")
def _no_residents(ctx: Context) -> list[Reason]:
    residents_at_table = any(p.party_type == "bewoners" and p.at_table for p in ctx.doc.parties)
    if residents_at_table or any(r.respondents > 0 for r in ctx.doc.resident_input):
        return []
    return [reason("check.no_residents")]


@check("bron_past_niet_bij_partij")
def _source_does_not_fit_party(ctx: Context) -> list[Reason]:
    found = []
    for line in ctx.scenario.funding:
        party = ctx.doc.party(line.party)
        allowed = ctx.model.payer_types(line.source)
        if party.party_type not in allowed:
            found.append(
                reason(
                    "check.source_not_for_party",
                    party=party.name,
                    party_type=ctx.model.party_type(party.party_type).name,
                    source=line.source,
                    payer_types=tuple(ctx.model.party_type(t).name for t in sorted(allowed)),
                )
            )
    return found


@check("gebruik_door_derden")
def _use_by_third_parties(ctx: Context) -> list[Reason]:
    return [text for _, text in ctx.lines_with(SourceTag.BEHEER)]


@check("corporatie_betaalt_baten_elders")
def _corporation_pays(ctx: Context) -> list[Reason]:
    if not ctx.balance.value_known:
        return []
    return [
        reason(
            "check.pays_more_than_gains",
            party=row.name,
            funding_share=row.funding_share,
            value_share=row.value_share,
            points=row.points,
            difference=row.difference,
        )
        for row in ctx.balance.parties
        if row.party_type == "woningcorporatie" and row.pays_more_than_it_gains
    ]


@check("aan_zonder_kosten")
def _on_without_costs(ctx: Context) -> list[Reason]:
    with_costs = {c.knob for c in ctx.scenario.costs}
    return [
        reason(
            "check.knob_open_without_costs",
            knob=k.number,
            name=k.name,
            opening=opening_of(ctx.scenario, k.number),
        )
        for k in ctx.model.knobs
        if opening_of(ctx.scenario, k.number) >= 2 and k.number not in with_costs
    ]


@check("afspraak_wijkt_af")
def _departs_from_agreement(ctx: Context) -> list[Reason]:
    return list(departures(ctx.doc, ctx.scenario))


@check("toezegging_namens_partij")
def _committed_on_behalf(ctx: Context) -> list[Reason]:
    """Committed lines the paying party did not confirm itself (recorded on its behalf)."""
    costs = {c.id: c for c in ctx.scenario.costs}
    return [
        reason(
            "check.funding_line",
            party=ctx.party_name(line.party),
            amount=line.amount,
            source=line.source,
            cost=costs[line.cost_item].description,
        )
        for line in ctx.scenario.funding
        if line.status is FundingStatus.TOEGEZEGD and not confirmed_by_party(line)
    ]


def run_checks(ctx: Context) -> tuple[CheckResult, ...]:
    """Every check of the model version that fires for this scenario, most severe first."""
    results = []
    for text in ctx.model.checks:
        finder = CHECKS.get(text.id)
        if finder is None:  # the model names a check this engine does not know
            continue
        findings = finder(ctx)
        if findings:
            results.append(
                CheckResult(
                    text.id,
                    text.severity,
                    text.title,
                    text.message,
                    tuple(text.knobs),
                    text.source,
                    tuple(findings),
                )
            )
    order = {Severity.WAARSCHUWING: 0, Severity.AANDACHT: 1, Severity.INFO: 2}
    return tuple(sorted(results, key=lambda r: order[r.severity]))
