"""Strategy checks: where a project departs from the positions of the organisations at its table.

The model's fourth use (seed 001: "toetssteen voor strategie") puts a project beside what each
organisation has said it does in WWZ projects: how far it opens a knob, which role it takes,
from which sources it pays and up to what amount, which partners it needs at the table. Every
departure is a :class:`Departure` with a :class:`Reason`; the words are the presentation's.

Algorithm, per party at the table that has positions (``positions_by_party``, keyed by the
document's party id): (1) each knob that is on further than the position's highest stand;
(2) the role: the party leads a knob it leaves to others or stays out of, pays for a knob it
stays out of, or does not lead a knob that is on while it wants to lead it; (3) per source, the
party's money in the scenario's horizon (funding lines times their years, as the money engine
counts them): paid from a source the organisation does not pay from, or above its ceiling in
one year or over the project; (4) each party type it requires that no party at the table has.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.engine.money_terms import funding_years
from stuurknop.engine.reasons import Param, Reason, reason
from stuurknop.engine.routes import opening_of
from stuurknop.gespreksmodel.schema import Model, SourceTag
from stuurknop.projectfile.positions import CeilingBasis, PositionRole, Positions
from stuurknop.projectfile.schema import KnobStatus, Party, ProjectDocument, Scenario


@dataclass(frozen=True)
class Departure:
    """One place where a project departs from an organisation's positions."""

    party: str  # the project document's party id
    organisation: str  # the organisation's name, as its positions carry it
    knob: int | None  # the knob it concerns, if any
    source: str | None  # the source it concerns, if any
    reason: Reason


def departures(
    model: Model,
    doc: ProjectDocument,
    positions_by_party: Mapping[str, Positions],
    scenario: Scenario | None = None,
) -> list[Departure]:
    """Every departure of ``scenario`` (default: the chosen one) from the positions of the
    parties at the table, party by party in the document's order."""
    scenario = scenario if scenario is not None else doc.scenario()
    found: list[Departure] = []
    for party in doc.parties:
        positions = positions_by_party.get(party.id)
        if positions is None or not party.at_table:
            continue
        found += _knob_departures(model, scenario, party, positions)
        found += _source_departures(model, doc, scenario, party, positions)
        found += _missing_partners(model, doc, party, positions)
    return found


def _knob_departures(
    model: Model, scenario: Scenario, party: Party, positions: Positions
) -> list[Departure]:
    found = []
    org = positions.organisation
    paying_knobs = _knobs_paid_by(scenario, party.id)
    for knob in model.knobs:
        position = positions.knob(knob.number)
        if position is None:
            continue
        n = knob.number
        opening = opening_of(scenario, n)
        setting = scenario.setting(n)
        role = model.word("position_role", position.role.value)  # the model's word, as data

        def add(code: str, n: int = n, **params: Param) -> None:
            departure = reason(code, organisation=org, knob=n, **params)
            found.append(Departure(party.id, org, n, None, departure))

        if opening > position.max_opening:
            add(
                "strategy.knob_further",
                name=knob.name,
                opening=opening,
                allowed=position.max_opening,
            )
        leads = setting.lead_party == party.id
        if leads and position.role in (PositionRole.AAN_ANDEREN, PositionRole.NIET):
            add("strategy.leads_against_role", name=knob.name, role=role)
        if n in paying_knobs and position.role is PositionRole.NIET:
            add("strategy.pays_against_role", name=knob.name, role=role)
        if position.role is PositionRole.TREKKEN and setting.status is KnobStatus.AAN and not leads:
            add("strategy.does_not_lead", name=knob.name, role=role)
    return found


def _knobs_paid_by(scenario: Scenario, party_id: str) -> set[int]:
    knob_of = {c.id: c.knob for c in scenario.costs}
    return {knob_of[f.cost_item] for f in scenario.funding if f.party == party_id}


def _source_departures(
    model: Model, doc: ProjectDocument, scenario: Scenario, party: Party, positions: Positions
) -> list[Departure]:
    horizon = doc.project.years
    costs = {c.id: c for c in scenario.costs}
    per_year: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for line in scenario.funding:
        if line.party != party.id:
            continue
        for year in funding_years(line, costs[line.cost_item], horizon):
            if year in horizon:
                per_year[line.source][year] += line.amount
    found = []
    org = positions.organisation
    for source in model.sources:
        years = per_year.get(source.numeral)
        position = positions.source(source.numeral)
        if not years or position is None:
            continue
        total = sum(years.values(), Decimal(0))
        exception = SourceTag.UITZONDERING in source.tags
        common: dict[str, Param] = {
            "organisation": org,
            "source": source.numeral,
            "source_name": source.name,
        }

        if not position.pays:
            found.append(_on_source(party, common, "strategy.source_not_paid", amount=total))
            continue
        ceiling = position.ceiling
        if ceiling is None:
            continue
        prefix = "strategy.unprofitable_over" if exception else "strategy.source_over"
        if position.basis is CeilingBasis.PER_PROJECT and total > ceiling:
            found.append(
                _on_source(party, common, f"{prefix}_project", amount=total, ceiling=ceiling)
            )
        elif position.basis is CeilingBasis.PER_JAAR:
            over = [(y, a) for y, a in sorted(years.items()) if a > ceiling]
            if over:
                highest = max(a for _, a in over)
                years_over = tuple(y for y, _ in over)
                found.append(
                    _on_source(
                        party,
                        common,
                        f"{prefix}_year",
                        amount=highest,
                        ceiling=ceiling,
                        years=years_over,
                    )
                )
    return found


def _on_source(party: Party, common: dict[str, Param], code: str, **params: Param) -> Departure:
    org, numeral = str(common["organisation"]), str(common["source"])
    return Departure(party.id, org, None, numeral, reason(code, **common, **params))


def _missing_partners(
    model: Model, doc: ProjectDocument, party: Party, positions: Positions
) -> list[Departure]:
    at_table = {p.party_type for p in doc.parties if p.at_table}
    known = {t.id: t.name for t in model.party_types}
    org = positions.organisation
    return [
        Departure(
            party.id,
            org,
            None,
            None,
            reason(
                "strategy.partner_missing",
                organisation=org,
                party_type=known.get(t, t),
            ),
        )
        for t in positions.required_party_types
        if t not in at_table
    ]
