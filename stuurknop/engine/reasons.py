"""Why a figure is what it is, as plain data: a code and its parameters, never a sentence.

The engine explains its results with :class:`Reason` values (``Reason("money.cliff", {"year":
2028, "drop": Decimal("5000"), …})``); :mod:`stuurknop.presentation.reasons` turns each code into
the Dutch sentence people read, so the web pages, the CLI, the plan and a JSON API can share one
reason, and another language or a screen-reader summary can reuse it.

:data:`CODES` declares every code the engine can give with the names of its parameters; a test
holds the presentation's templates to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeAlias

# Ids, numbers and names from the model or the project document; tuples for lists of those.
Param: TypeAlias = "str | int | float | Decimal | tuple[Param, ...]"


@dataclass(frozen=True)
class Reason:
    """One explanation: ``code`` names what it says, ``params`` the figures and names in it."""

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __hash__(self) -> int:  # params is a dict: hash by the code alone, equality decides
        return hash(self.code)


def reason(code: str, **params: Param) -> Reason:
    """A :class:`Reason`; ``code`` must be declared in :data:`CODES` with these parameters."""
    return Reason(code, params)


# An indicator's status: the latest measurement and its date, the value expected on the path
# by then, the baseline and the target with their dates (dates as ISO text; "" when absent).
_INDICATOR_PARAMS = (
    "name",
    "latest",
    "latest_date",
    "expected",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
)

# Every code the engine gives, with the names of its parameters.
CODES: dict[str, tuple[str, ...]] = {
    # routes.py: route activation, value potential, value per party
    "route.activation": ("parts", "achieved", "maximum", "knobs"),  # parts: ((knob, opening), …)
    "route.idle": ("knobs",),
    "value.potential": ("routes",),  # routes: ((route name, activation), …)
    "value.no_route": (),
    "party_value.score": ("terms", "score"),  # terms: ((weight, potential, value name), …)
    "party_value.no_interests": (),
    # balance.py
    "balance.party": ("paid", "funded", "funding_share", "value_share", "split"),
    "balance.pays_more": (
        "party",
        "funding_share",
        "value_share",
        "points",
        "difference",
        "margin",
    ),
    "balance.pays_less": (
        "party",
        "funding_share",
        "value_share",
        "points",
        "difference",
        "margin",
    ),
    "balance.in_line": ("party", "funding_share", "value_share", "points", "difference", "margin"),
    "balance.no_interests": ("party", "funding_share"),
    "balance.own_weighting": ("party", "value_share", "without_own"),
    # money.py
    "money.cliff": ("year", "drop", "sources", "before", "after"),
    "money.shortfall": ("cost", "amount", "years"),
    "money.timing_gap": ("cost", "amount", "years", "covered_years"),
    # agreement.py: a version of the partners' agreement against an earlier one
    "agreement.scenario": ("old", "new"),
    "agreement.period": ("old_first", "old_last", "first", "last"),
    "agreement.party_added": ("party",),
    "agreement.party_removed": ("party",),
    **{
        f"agreement.money_{kind}": ("party", "cost", "source", "old", "amount", "per_year")
        for kind in ("added", "changed", "terms", "removed")
    },
    "agreement.knob_added": ("party", "knob"),
    "agreement.knob_removed": ("party", "knob"),
    "agreement.action_added": ("party", "action"),
    "agreement.action_changed": ("party", "action"),
    "agreement.action_removed": ("party", "action"),
    "agreement.hours": ("party", "old", "new"),  # -1: none given
    "agreement.commitment": ("party",),
    "agreement.reviews": ("old", "new"),  # ISO dates
    "agreement.changes_text": (),
    # strategy.py: a project against the positions of an organisation at its table
    "strategy.knob_further": ("organisation", "knob", "name", "opening", "allowed"),
    "strategy.leads_against_role": ("organisation", "knob", "name", "role"),
    "strategy.pays_against_role": ("organisation", "knob", "name", "role"),
    "strategy.does_not_lead": ("organisation", "knob", "name", "role"),
    "strategy.source_not_paid": ("organisation", "source", "source_name", "amount"),
    **{
        f"strategy.{kind}_over_project": (
            "organisation",
            "source",
            "source_name",
            "amount",
            "ceiling",
        )
        for kind in ("source", "unprofitable")
    },
    **{
        f"strategy.{kind}_over_year": (
            "organisation",
            "source",
            "source_name",
            "amount",
            "ceiling",
            "years",
        )
        for kind in ("source", "unprofitable")
    },
    "strategy.partner_missing": ("organisation", "party_type"),
    # strategy_compare.py: two organisations' positions on one knob
    "strategy_compare.both_lead": ("first", "second", "knob"),
    "strategy_compare.nobody_leads": ("first", "second", "knob"),
    "strategy_compare.opening_apart": (
        "first",
        "second",
        "knob",
        "first_opening",
        "second_opening",
    ),
    # actuals.py and actual_cliffs.py: realised money against the plan
    "actual.overspent": ("cost", "amount", "years"),
    "actual.underspent": ("cost", "amount", "years"),
    "actual.received_late": ("party", "source", "cost", "amount", "years", "received_years"),
    "actual.not_received": ("party", "source", "cost", "amount", "years"),
    "actual.received_less": ("party", "source", "cost", "amount", "years"),
    "actual.received_more": ("party", "source", "cost", "amount", "years"),
    "actual.cliff_pending": ("year", "sources", "drop"),
    "actual.cliff_continued": ("year", "through", "sources", "amount"),
    "actual.cliff_taken_over": ("year", "through", "sources", "drop", "takers", "uncovered"),
    "actual.cliff_gap": ("year", "through", "sources", "drop", "uncovered"),
    # checks.py: the findings of the coherence checks
    "check.funding_line": ("party", "amount", "source", "cost"),
    "check.knob_on_other_not": ("knob", "opening", "other"),
    "check.recurring_on_temporary": ("cost", "source"),
    "check.knob_on_without_cost": ("knob", "opening"),
    "check.knob_on_other_off": ("knob", "other"),
    "check.knob_on_other_undiscussed": ("knob", "other"),
    "check.no_residents": (),
    "check.source_not_for_party": ("party", "party_type", "source", "payer_types"),
    "check.pays_more_than_gains": ("party", "funding_share", "value_share", "points", "difference"),
    "check.knob_open_without_costs": ("knob", "name", "opening"),
    # checklist.py: the label of each item and its open point
    "checklist.knob_discussed": ("knob", "name"),
    "checklist.knob_elaborated": ("knob",),
    "checklist.cost_funded": ("cost",),
    "checklist.cost_on_time": ("cost",),
    "checklist.payer_at_table": ("party",),
    "checklist.value_reached": ("value",),
    "checklist.value_evidence": ("value",),
    "checklist.knob_not_discussed": ("knob", "name"),
    "checklist.knob_incomplete": ("knob", "missing"),  # missing: ("uitwerking", "trekker")
    "checklist.cost_uncovered": ("cost", "amount", "year"),
    "checklist.payer_not_at_table": ("party",),
    "checklist.value_unreached": ("value",),
    # missing: ("bewijs_vooraf" or "bewijs_binnen", "monitoring")
    "checklist.value_unproven": ("value", "missing"),
    # next_steps.py: what to do, and why
    "step.discuss_knobs": ("knobs",),
    "step.discuss_knobs.why": (),
    "step.check": ("title",),
    "step.find_money": ("amount",),
    "step.find_money.why": ("cost", "amount"),
    "step.cliff": ("cliffs",),
    "step.invite": ("party",),
    "step.invite.why": (),
    "step.finish_knob": ("knob",),
    "step.state_interests": (),
    "step.state_interests.why": (),
    "step.open_route": (),
    # residents.py
    "residents.score": ("average", "items"),  # items: ((item label, average), …)
    # votes.py
    "votes.none": (),
    "votes.summary": ("count", "median", "spread", "lowest", "highest"),
    # divergence.py
    "divergence.spread": ("lowest", "lowest_parties", "highest", "highest_parties", "views"),
    # indicators.py: an indicator's status by its rule, and whether a value appears
    **{
        f"indicator.{code}": _INDICATOR_PARAMS
        for code in (
            "target_reached",
            "on_track",
            "behind",
            "off_track",
            "on_track_past_due",
            "behind_past_due",
            "off_track_past_due",
        )
    },
    "indicator.no_target": ("name",),
    "indicator.no_data": ("name",),
    "monitoring.value": ("on_track", "behind", "off_track", "no_data", "total"),
    "monitoring.no_indicators": (),
    # instruments.py: an instrument over a round of respondents
    "instrument.mean": ("instrument", "mean", "scored", "unscored", "low", "high"),
    "instrument.share": ("instrument", "categories", "count", "scored", "unscored", "share"),
    "instrument.no_scores": ("instrument", "respondents"),
}
