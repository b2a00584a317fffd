"""The partners' agreement derived from a scenario, and how a scenario departs from it.

:func:`agreement_content` says per party what it commits in ``scenario``: its funding lines
(money per year or once, source, years, status), the knobs it leads (knobs that are on), its
actions, for the project's horizon, with the review dates of the decisions. The texts the
numbers cannot give (hours, a party's own words, how the partners decide on changes) are passed
in. :func:`differences` compares two contents as reasons (per party: money, knobs, actions,
hours); :func:`departures` compares the chosen scenario with the last frozen version.
"""

from __future__ import annotations

from collections.abc import Mapping

from stuurknop.engine.reasons import Reason, reason
from stuurknop.projectfile.agreement import (
    AgreementAction,
    AgreementContent,
    AgreementMoney,
    AgreementParty,
    last_frozen,
)
from stuurknop.projectfile.commitments import CommitmentHow
from stuurknop.projectfile.schema import (
    CostKind,
    FundingLine,
    FundingStatus,
    KnobStatus,
    ProjectDocument,
    Scenario,
)

__all__ = ["agreement_content", "departures", "differences"]


def agreement_content(
    document: ProjectDocument,
    scenario: Scenario,
    *,
    hours: Mapping[str, int | None] | None = None,
    commitments: Mapping[str, str] | None = None,
    changes: str = "",
) -> AgreementContent:
    """What each party commits in ``scenario``: every party at the table, and every other party
    that pays, leads a knob or owns an action, in the document's order."""
    hours = hours or {}
    commitments = commitments or {}
    costs = {c.id: c for c in scenario.costs}
    parties = []
    for party in document.parties:
        money = [
            AgreementMoney(
                funding_line=line.id,
                cost_item=costs[line.cost_item].description,
                knob=costs[line.cost_item].knob,
                source=line.source,
                amount=line.amount,
                kind=costs[line.cost_item].kind,
                first_year=line.first_year or costs[line.cost_item].first_year,
                years=line.years if line.years is not None else costs[line.cost_item].years,
                status=line.status,
                committed_how=_how(line),
            )
            for line in scenario.funding
            if line.party == party.id and line.cost_item in costs
        ]
        knobs = sorted(
            s.knob
            for s in scenario.knobs
            if s.lead_party == party.id and s.status is KnobStatus.AAN
        )
        actions = [
            AgreementAction(id=a.id, title=a.title, due=a.due)
            for a in document.actions
            if a.owner_party == party.id
        ]
        if not (party.at_table or money or knobs or actions):
            continue
        parties.append(
            AgreementParty(
                party=party.id,
                name=party.name,
                at_table=party.at_table,
                money=money,
                knobs=knobs,
                actions=actions,
                hours_per_year=hours.get(party.id),
                commitment=commitments.get(party.id, ""),
            )
        )
    years = document.project.years
    reviews = sorted({d.review_date for d in document.decisions if d.review_date is not None})
    return AgreementContent(
        scenario=scenario.name,
        first_year=years[0],
        last_year=years[-1],
        parties=parties,
        review_dates=reviews,
        changes=changes,
    )


def _how(line: FundingLine) -> CommitmentHow | None:
    """How a committed line was committed; a committed line without its record counts as
    recorded on behalf (see :mod:`stuurknop.projectfile.commitments`)."""
    if line.status is not FundingStatus.TOEGEZEGD:
        return None
    if line.commitment is not None:
        return line.commitment.how
    return CommitmentHow.NAMENS


def differences(old: AgreementContent, new: AgreementContent) -> tuple[Reason, ...]:
    """What ``new`` says differently from ``old``, per party, in the order of ``new``."""
    found: list[Reason] = []
    if old.scenario != new.scenario:
        found.append(reason("agreement.scenario", old=old.scenario, new=new.scenario))
    if (old.first_year, old.last_year) != (new.first_year, new.last_year):
        found.append(
            reason(
                "agreement.period",
                old_first=old.first_year,
                old_last=old.last_year,
                first=new.first_year,
                last=new.last_year,
            )
        )
    before = {p.party: p for p in old.parties}
    for party in new.parties:
        was = before.pop(party.party, None)
        if was is None:
            found.append(reason("agreement.party_added", party=party.name))
            continue
        found += _party_differences(was, party)
    found += [reason("agreement.party_removed", party=p.name) for p in before.values()]
    if old.review_dates != new.review_dates:
        found.append(
            reason(
                "agreement.reviews",
                old=tuple(d.isoformat() for d in old.review_dates),
                new=tuple(d.isoformat() for d in new.review_dates),
            )
        )
    if old.changes != new.changes:
        found.append(reason("agreement.changes_text"))
    return tuple(found)


def _party_differences(old: AgreementParty, new: AgreementParty) -> list[Reason]:
    name = new.name
    found: list[Reason] = []
    lines = {m.funding_line: m for m in old.money}
    for line in new.money:
        was = lines.pop(line.funding_line, None)
        if was is None:
            found.append(_money("agreement.money_added", name, line, line))
        elif (was.amount, was.source, was.cost_item) != (line.amount, line.source, line.cost_item):
            found.append(_money("agreement.money_changed", name, line, was))
        elif was != line:
            found.append(_money("agreement.money_terms", name, line, was))
    found += [_money("agreement.money_removed", name, m, m) for m in lines.values()]
    found += [
        reason("agreement.knob_added", party=name, knob=k) for k in new.knobs if k not in old.knobs
    ]
    found += [
        reason("agreement.knob_removed", party=name, knob=k)
        for k in old.knobs
        if k not in new.knobs
    ]
    old_actions = {a.id: a for a in old.actions}
    for action in new.actions:
        was_action = old_actions.pop(action.id, None)
        if was_action is None:
            found.append(reason("agreement.action_added", party=name, action=action.title))
        elif was_action != action:
            found.append(reason("agreement.action_changed", party=name, action=action.title))
    found += [
        reason("agreement.action_removed", party=name, action=a.title) for a in old_actions.values()
    ]
    if old.hours_per_year != new.hours_per_year:
        found.append(
            reason(
                "agreement.hours",
                party=name,
                old=old.hours_per_year if old.hours_per_year is not None else -1,
                new=new.hours_per_year if new.hours_per_year is not None else -1,
            )
        )
    if old.commitment != new.commitment:
        found.append(reason("agreement.commitment", party=name))
    return found


def _money(code: str, party: str, line: AgreementMoney, was: AgreementMoney) -> Reason:
    return reason(
        code,
        party=party,
        cost=line.cost_item,
        source=line.source,
        old=was.amount,
        amount=line.amount,
        per_year=int(line.kind is CostKind.JAARLIJKS),
    )


def departures(document: ProjectDocument, scenario: Scenario) -> tuple[Reason, ...]:
    """How ``scenario`` departs from the last frozen agreement: nothing when there is none, or
    when ``scenario`` is not the chosen one (another scenario is another plan)."""
    frozen = last_frozen(document.agreements)
    if frozen is None or scenario.name != document.scenario().name:
        return ()
    content = frozen.content
    current = agreement_content(
        document,
        scenario,
        hours={p.party: p.hours_per_year for p in content.parties},
        commitments={p.party: p.commitment for p in content.parties},
        changes=content.changes,
    )
    return differences(content, current)
