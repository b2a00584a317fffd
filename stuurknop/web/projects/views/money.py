"""The money page: costs, funding and the gap over time, per party, the cliff, and the balance
between what parties pay and the value they gain."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import path
from django.utils.translation import gettext as _

from stuurknop.charts.money import MoneyCharts, money_charts
from stuurknop.engine import Analysis
from stuurknop.engine.money import MoneyOverTime
from stuurknop.gespreksmodel import Model
from stuurknop.presentation.balance import (
    caveat,
    compared,
    findings,
    how_value_shares,
    in_line,
    weighting_notes,
)
from stuurknop.presentation.commitments import cliff_split, committed_split
from stuurknop.presentation.money import (
    balance_figures,
    coverage_notes,
    party_figures,
    party_year_tables,
    per_year_figure,
)
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.presentation.reasons import year_list
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import (
    cached_for_revision,
    project_document,
    scenario_analysis,
)
from stuurknop.web.projects.views.common import project_context, render_project_page


@scenario_role(Role.LEZER)
def money_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Money over time for one scenario: key figures, charts with their tables, the balance."""
    context = project_context(request, project, scenario, tab="money")

    def build() -> dict[str, Any]:
        analysis = scenario_analysis(project, scenario)
        charts = cached_for_revision(
            project,
            f"chart:money:{scenario.pk}",
            lambda: money_charts(analysis.money, analysis.balance),
        )
        page = _page(analysis, charts, context["model"])
        # Of the money that stops at each cliff: confirmed by the parties or recorded for them.
        plan = project_document(project).scenario(scenario.name)
        for cliff, said in zip(analysis.money.cliffs_largest_first, page["cliffs"], strict=True):
            said["split"] = cliff_split(context["model"], plan, cliff)
        return page

    return render_project_page(
        request, "projects/money/money_page.html", context, cache_as="money", build=build
    )


def _page(analysis: Analysis, charts: MoneyCharts, model: Model) -> dict[str, Any]:
    """What the template shows, in Dutch text: every figure is the engine's, and the charts and
    tables are the blocks the plan's money chapters show too."""
    money = analysis.money
    knob_names = {k.number: k.name for k in model.knobs}
    names = {p.party: p.name for p in money.parties}
    items = {c.cost_item: c for c in money.cost_items}
    return {
        "per_year": per_year_figure(charts),
        "party_figures": party_figures(charts),
        "party_tables": party_year_tables(money),
        "balance_figures": balance_figures(analysis.balance, charts),
        "figures": _figures(money, model),
        "has_money": bool(money.total_costs or money.total_funding),
        "cliffs": [
            {
                "year": cliff.year,
                "reason": reason_text(cliff.reason),
                "cost_items": [items[c] for c in cliff.cost_items if c in items],
            }
            for cliff in money.cliffs_largest_first
        ],
        "cost_items": [
            {
                "knob": item.knob,
                "knob_name": knob_names.get(item.knob, ""),
                "description": item.description,
                "party": names.get(item.party, item.party),
                "costs": euro(item.costs),
                "covered": euro(item.covered),
                "shortfall": euro(item.shortfall),
                "timing_gap": euro(item.timing_gap),
                "gap_years": year_list(item.gap_years) or "–",
            }
            for item in money.cost_items
        ],
        # Per cost item: money that never comes, and money that comes in another year.
        "coverage_notes": coverage_notes(money),
        "cost_knobs": sorted({item.knob for item in money.cost_items}),
        "balance": analysis.balance,
        # The balance in the words the plan and the command line use too.
        "balance_compared": compared(analysis.balance),
        "balance_how": how_value_shares(analysis.balance),
        "balance_caveat": caveat(analysis.balance),
        "balance_findings": findings(analysis.balance),
        "balance_in_line": in_line(analysis.balance),
        "balance_weighting": weighting_notes(analysis.balance),
    }


def _figures(money: MoneyOverTime, model: Model) -> list[dict[str, str]]:
    if money.recurring_costs:
        structural_note = _(
            "deel van de jaarlijkse kosten (%(recurring)s) dat vaste bronnen dragen"
        ) % {"recurring": euro(money.recurring_costs)}
    else:
        structural_note = _("er zijn nog geen jaarlijkse kosten")
    figures = [
        {"label": _("Totale kosten"), "value": euro(money.total_costs)},
        {"label": _("Totale financiering"), "value": euro(money.total_funding)},
        {
            "label": _("Tekort"),
            "value": euro(money.total_shortfall),
            "note": _("kosten waar binnen de looptijd (nog) geen geld tegenover staat"),
        },
        {
            "label": _("Toegezegd"),
            "value": euro(money.committed),
            "note": committed_split(model, money),
        },
        {
            "label": _("Nog niet toegezegd"),
            "value": euro(money.open),
            "note": _("financiering die nog een idee is of in gesprek"),
        },
        {
            "label": _("Structureel gedekt"),
            "value": percent(money.structural_share),
            "note": structural_note,
        },
    ]
    if money.total_timing_gap:
        figures.append(
            {
                "label": _("Geld komt later"),
                "value": euro(money.total_timing_gap),
                "note": _("kosten die wel gedekt zijn, maar door geld uit een ander jaar"),
            }
        )
    if money.total_surplus:
        figures.append(
            {
                "label": _("Meer geld dan nodig"),
                "value": euro(money.total_surplus),
                "note": _("financiering boven de kosten waar ze voor bedoeld is"),
            }
        )
    return figures


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/geld/",
        money_page,
        name="money_page",
    ),
]
