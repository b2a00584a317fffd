"""Checks that a structurally valid document refers only to things that exist.

A knob 11, a source XI, a route a knob does not work through, a party not in the document:
each is an error naming its place, so that nothing half-understood reaches the engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.effect_references import (
    effect_reference_errors,
    proxy_ids,
    settings_errors,
)
from stuurknop.projectfile.errors import DocumentError, dutch_location, technical_path
from stuurknop.projectfile.evidence_references import evidence_reference_errors
from stuurknop.projectfile.schema import CostKind, KnobStatus, ProjectDocument, Scenario


class _Collector:
    def __init__(self, data: Any) -> None:
        self.data = data
        self.errors: list[DocumentError] = []

    def add(self, loc: list[int | str], message: str) -> None:
        self.errors.append(
            DocumentError(technical_path(loc), dutch_location(loc, self.data), message)
        )


def reference_errors(doc: ProjectDocument, model: Model, data: Any = None) -> list[DocumentError]:
    """Every reference in ``doc`` that the model or the document itself does not know."""
    out = _Collector(data if data is not None else doc.model_dump(mode="json"))
    if doc.model_version != model.version:
        out.add(
            ["model_version"],
            f"document is gemaakt met model {doc.model_version!r}, niet met {model.version!r}",
        )
    type_ids = {t.id for t in model.party_types}
    party_ids = [p.id for p in doc.parties]
    _unique(out, ["parties"], party_ids, "id", "partij-id")
    for i, party in enumerate(doc.parties):
        if party.party_type not in type_ids:
            out.add(["parties", i, "party_type"], f"onbekend partijtype {party.party_type!r}")
    parties = set(party_ids)
    _unique(out, ["scenarios"], [s.name for s in doc.scenarios], "name", "scenarionaam")
    if sum(1 for s in doc.scenarios if s.chosen) > 1:
        out.add(["scenarios"], "hoogstens één scenario kan gekozen zijn")
    for i, scenario in enumerate(doc.scenarios):
        _scenario(out, ["scenarios", i], scenario, doc, model, parties)
    for place, message in settings_errors(doc.effect_settings, model.version):
        out.add(place, message)
    value_ids = {v.id for v in model.values}
    for i, perspective in enumerate(doc.perspectives):
        loc: list[int | str] = ["perspectives", i]
        _party(out, [*loc, "party"], perspective.party, parties)
        for value in perspective.values:
            if value not in value_ids:
                out.add([*loc, "values", value], f"onbekende waarde {value!r}")
    instruments = {x.id: x for x in model.instruments}
    for i, resident in enumerate(doc.resident_input):
        for value in resident.values:
            if value not in value_ids:
                out.add(["resident_input", i, "values", value], f"onbekende waarde {value!r}")
        for j, result in enumerate(resident.instruments):
            at: list[int | str] = ["resident_input", i, "instruments", j]
            known = instruments.get(result.instrument)
            if known is None:
                out.add([*at, "instrument"], f"onbekende vragenlijst {result.instrument!r}")
                continue
            bands = {c.key for c in known.categories}
            for key in result.categories:
                if key not in bands:
                    out.add([*at, "categories", key], f"onbekende groep {key!r}")
    _meetings(out, doc, value_ids, parties)
    _unique(out, ["lessons"], [x.id for x in doc.lessons], "id", "les-id")
    if doc.scale_up is not None:
        for j, who in enumerate(doc.scale_up.decided_by):
            _party(out, ["scale_up", "decided_by", j], who, parties)
    return out.errors


def _meetings(
    out: _Collector, doc: ProjectDocument, value_ids: set[str], parties: set[str]
) -> None:
    """The agenda, decisions and actions refer to parties, values, cost items and funding lines
    that exist (in any scenario), and to meetings, points and decisions of the document."""
    _unique(out, ["meetings"], [m.id for m in doc.meetings], "id", "overleg-id")
    points: dict[str, set[str]] = {}
    for i, meeting in enumerate(doc.meetings):
        here: list[int | str] = ["meetings", i, "points"]
        _unique(out, here, [p.id for p in meeting.points], "id", "agendapunt-id")
        points[meeting.id] = {p.id for p in meeting.points}
        for j, point in enumerate(meeting.points):
            if point.brought_by is not None:
                _party(out, [*here, j, "brought_by"], point.brought_by, parties)
            if point.value is not None and point.value not in value_ids:
                out.add([*here, j, "value"], f"onbekende waarde {point.value!r}")
    cost_ids = {c.id for s in doc.scenarios for c in s.costs}
    funding_ids = {f.id for s in doc.scenarios for f in s.funding}
    _unique(out, ["decisions"], [d.id for d in doc.decisions], "id", "besluit-id")
    for i, decision in enumerate(doc.decisions):
        here = ["decisions", i]
        for j, party in enumerate(decision.decided_by):
            _party(out, [*here, "decided_by", j], party, parties)
        for j, cost in enumerate(decision.cost_items):
            if cost not in cost_ids:
                out.add([*here, "cost_items", j], f"onbekende kostenpost {cost!r}")
        for j, line in enumerate(decision.funding_lines):
            if line not in funding_ids:
                out.add([*here, "funding_lines", j], f"onbekende financiering {line!r}")
        if decision.review_date is not None and decision.review_date < decision.date:
            out.add([*here, "review_date"], "het besluit kan niet vóór zijn datum herzien worden")
        _origin(out, here, decision.meeting, decision.point, points)
    decision_ids = {d.id for d in doc.decisions}
    _unique(out, ["actions"], [a.id for a in doc.actions], "id", "actie-id")
    for i, action in enumerate(doc.actions):
        here = ["actions", i]
        if action.owner_party is not None:
            _party(out, [*here, "owner_party"], action.owner_party, parties)
        if action.decision is not None and action.decision not in decision_ids:
            out.add([*here, "decision"], f"onbekend besluit {action.decision!r}")
        _origin(out, here, action.meeting, action.point, points)


def _origin(
    out: _Collector,
    loc: list[int | str],
    meeting: str | None,
    point: str | None,
    points: dict[str, set[str]],
) -> None:
    if meeting is None:
        if point is not None:
            out.add([*loc, "point"], "een agendapunt hoort bij een overleg")
        return
    if meeting not in points:
        out.add([*loc, "meeting"], f"onbekend overleg {meeting!r}")
    elif point is not None and point not in points[meeting]:
        out.add([*loc, "point"], f"onbekend agendapunt {point!r} in overleg {meeting!r}")


def _scenario(
    out: _Collector,
    loc: list[int | str],
    scenario: Scenario,
    doc: ProjectDocument,
    model: Model,
    parties: set[str],
) -> None:
    years = doc.project.years
    value_ids = {v.id for v in model.values}
    _unique(out, [*loc, "knobs"], [str(k.knob) for k in scenario.knobs], "knob", "stuurknop")
    for i, setting in enumerate(scenario.knobs):
        here = [*loc, "knobs", i]
        knob_routes = model.knob(setting.knob).route_ids()
        if setting.status is KnobStatus.AAN and setting.opening is None:
            out.add(
                [*here, "opening"], "een stuurknop die aan staat, heeft een stand 1, 2 of 3 nodig"
            )
        if setting.status is not KnobStatus.AAN and setting.opening is not None:
            out.add([*here, "opening"], "alleen een stuurknop die aan staat, heeft een stand")
        if setting.lead_party is not None:
            _party(out, [*here, "lead_party"], setting.lead_party, parties)
        for j, route in enumerate(setting.routes):
            if route not in knob_routes:
                out.add(
                    [*here, "routes", j],
                    f"stuurknop {setting.knob} werkt volgens het model niet via {route!r} "
                    f"(wel via: {', '.join(knob_routes)})",
                )
    interest_keys = [f"{x.party}/{x.value}" for x in scenario.interests]
    _unique(out, [*loc, "interests"], interest_keys, "value", "belang van deze partij")
    for i, interest in enumerate(scenario.interests):
        _party(out, [*loc, "interests", i, "party"], interest.party, parties)
        if interest.value not in value_ids:
            out.add([*loc, "interests", i, "value"], f"onbekende waarde {interest.value!r}")

    cost_ids = [c.id for c in scenario.costs]
    _unique(out, [*loc, "costs"], cost_ids, "id", "kostenpost-id")
    for i, cost in enumerate(scenario.costs):
        here = [*loc, "costs", i]
        if cost.party is not None:
            _party(out, [*here, "party"], cost.party, parties)
        _in_horizon(out, [*here, "first_year"], cost.first_year, years)
        if cost.kind is CostKind.EENMALIG and cost.years is not None:
            out.add([*here, "years"], "een eenmalige kostenpost heeft geen aantal jaren")
    costs = {c.id: c for c in scenario.costs}
    _unique(out, [*loc, "funding"], [f.id for f in scenario.funding], "id", "financierings-id")
    for i, line in enumerate(scenario.funding):
        here = [*loc, "funding", i]
        _party(out, [*here, "party"], line.party, parties)
        funded = costs.get(line.cost_item)
        if funded is None:
            out.add([*here, "cost_item"], f"onbekende kostenpost {line.cost_item!r}")
            continue
        if line.first_year is not None:
            _in_horizon(out, [*here, "first_year"], line.first_year, years)
        if funded.kind is CostKind.EENMALIG and line.years is not None:
            out.add(
                [*here, "years"],
                "financiering van een eenmalige kostenpost heeft geen aantal jaren",
            )
    for i, effect in enumerate(scenario.effects):
        here = [*loc, "effects", i]
        if effect.value not in value_ids:
            out.add([*here, "value"], f"onbekende waarde {effect.value!r}")
        route_ids = {r.id for r in model.routes}
        if effect.route not in route_ids:
            out.add([*here, "route"], f"onbekende route {effect.route!r}")
        elif effect.value in value_ids and effect.value not in model.route(effect.route).values:
            out.add(
                [*here, "route"],
                f"route {effect.route!r} draagt volgens het model niet bij "
                f"aan waarde {effect.value!r}",
            )
        _party(out, [*here, "beneficiary"], effect.beneficiary, parties)
        if not effect.low <= effect.expected <= effect.high:
            out.add([*here, "expected"], "laag ≤ verwacht ≤ hoog is nodig")
    for i, plan in enumerate(scenario.evidence):
        if plan.value not in value_ids:
            out.add([*loc, "evidence", i, "value"], f"onbekende waarde {plan.value!r}")
    for place, message in evidence_reference_errors(loc, scenario.evidence, model, parties):
        out.add(place, message)
    proxies = proxy_ids(doc.effect_settings, model.version)
    for place, message in effect_reference_errors(loc, scenario, proxies):
        out.add(place, message)
    _actuals(out, loc, scenario, years)


def _actuals(out: _Collector, loc: list[int | str], scenario: Scenario, years: range) -> None:
    """Realised money names one cost item or funding line of the scenario, in a year of the
    horizon, once per thing and year."""
    _unique(out, [*loc, "actuals"], [a.id for a in scenario.actuals], "id", "realisatie-id")
    cost_ids = {c.id for c in scenario.costs}
    line_ids = {f.id for f in scenario.funding}
    seen: set[tuple[str | None, str | None, int]] = set()
    for i, actual in enumerate(scenario.actuals):
        here = [*loc, "actuals", i]
        if actual.cost_item is not None and actual.cost_item not in cost_ids:
            out.add([*here, "cost_item"], f"onbekende kostenpost {actual.cost_item!r}")
        if actual.funding_line is not None and actual.funding_line not in line_ids:
            out.add(
                [*here, "funding_line"], f"onbekende financieringsregel {actual.funding_line!r}"
            )
        _in_horizon(out, [*here, "year"], actual.year, years)
        key = (actual.cost_item, actual.funding_line, actual.year)
        if key in seen:
            what = "kostenpost" if actual.spent else "financiering"
            out.add([*here, "year"], f"voor deze {what} staat in {actual.year} al een bedrag")
        seen.add(key)


def _party(out: _Collector, loc: list[int | str], party: str, parties: set[str]) -> None:
    if party not in parties:
        out.add(loc, f"partij {party!r} staat niet bij de partijen van dit project")


def _in_horizon(out: _Collector, loc: list[int | str], year: int, years: range) -> None:
    if year not in years:
        out.add(loc, f"{year} valt buiten de looptijd van het project ({years[0]}–{years[-1]})")


def _unique(
    out: _Collector, loc: list[int | str], keys: Iterable[str], field: str, what: str
) -> None:
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key in seen:
            out.add([*loc, i, field], f"{what} {key!r} komt dubbel voor")
        seen.add(key)
