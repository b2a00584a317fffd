"""Values and routes: the model map of a scenario, value potential per value and per party, and
how much each value matters to each party (edited in place, one party at a time).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from stuurknop.charts import Chart, bar_chart
from stuurknop.charts.model_map import ModelMap, decimal, model_map
from stuurknop.engine import Analysis
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Value
from stuurknop.presentation.numbers import percent
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.presentation.values import map_figure, potentials_table
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest, HtmxHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.values import PartyInterestsForm
from stuurknop.web.projects.models import Interest, Project, ProjectParty, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import (
    cached_for_revision,
    interests_by_party,
    last_change,
    project_document,
    project_revision,
    scenario_analysis,
)
from stuurknop.web.projects.services.scenarios import party_interests_set
from stuurknop.web.projects.views.common import project_context, render_project_page
from stuurknop.web.vocabulary import WEIGHTS

WEIGHT_WORDS = dict(WEIGHTS)


@scenario_role(Role.LEZER)
def values_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """The model map, the figures with their reasons, and every party's interests."""
    return render_project_page(
        request,
        "projects/values/page.html",
        project_context(request, project, scenario, tab="values"),
        cache_as="values",
        build=lambda: {
            **_figures(project, scenario),
            "parties": _parties(project, scenario, heading_level=3),
            "weight_low": WEIGHT_WORDS["0"],
            "weight_high": WEIGHT_WORDS["3"],
        },
    )


@scenario_role(Role.BEWERKER)
def interest_edit(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, party_id: int
) -> HttpResponse:
    """One party's weights: the form (GET), and saving it (POST). With htmx the answer is the
    party's part of the page; without, a page of its own and a redirect back after saving.
    """
    require_editable(request.user, project)
    party = project.parties.filter(pk=party_id).first()
    if party is None:
        raise Http404()
    values = load_model(project.model_version).values
    stored = interests_by_party(scenario).get(party.pk, {})
    if request.method != "POST":
        form = PartyInterestsForm(values=values, stored=stored, prefix=f"partij{party.pk}")
        return _edit_response(request, project, scenario, party, form)
    form = PartyInterestsForm(
        request.POST, values=values, stored=stored, prefix=f"partij{party.pk}"
    )
    failed = 200 if request.htmx else 400
    if not form.is_valid():
        return _edit_response(request, project, scenario, party, form, status=failed)
    try:
        saved = party_interests_set(
            scenario=scenario, by=request.user, party=party.key, edits=form.edits()
        )
    except DocumentInvalid as exc:
        form.add_document_errors(exc)
        return _edit_response(request, project, scenario, party, form, status=failed)
    except Conflict as exc:
        return _conflict_response(request, project, scenario, party, form, exc)
    message = (
        ngettext(
            "Belang van %(party)s opgeslagen.",
            "%(count)d belangen van %(party)s opgeslagen.",
            len(saved),
        )
        % {"party": party.name, "count": len(saved)}
        if saved
        else _("Niets gewijzigd aan de belangen van %(party)s.") % {"party": party.name}
    )
    if not request.htmx:
        messages.success(request, message)
        url = reverse("values_page", args=[project.pk, scenario.pk])
        return redirect(f"{url}#belang-{party.pk}")
    context = project_context(
        request,
        project,
        scenario,
        tab="values",
        **_party_figures(project, scenario),
        party=_party(party, interests_by_party(scenario).get(party.pk, {}), values, 3),
        status_message=message,
        just_saved=True,
    )
    return render(request, "projects/values/_saved.html", context)


def _edit_response(
    request: HtmxHttpRequest,
    project: Project,
    scenario: Scenario,
    party: ProjectParty,
    form: PartyInterestsForm,
    *,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    template = (
        "projects/values/_interest_form.html" if request.htmx else "projects/values/edit.html"
    )
    context = project_context(
        request,
        project,
        scenario,
        tab="values",
        party=party,
        form=form,
        heading_level=3 if request.htmx else 2,
        **extra,
    )
    return render(request, template, context, status=status)


def _conflict_response(
    request: HtmxHttpRequest,
    project: Project,
    scenario: Scenario,
    party: ProjectParty,
    tried: PartyInterestsForm,
    conflict: Conflict,
) -> HttpResponse:
    """Both versions side by side, and the form again on what is stored now."""
    values = tried.values
    stored = interests_by_party(scenario).get(party.pk, {})
    comparison = []
    for edit in tried.edits():
        row = stored.get(edit.value)
        mine = (str(edit.weight) if edit.weight is not None else "", edit.reason)
        theirs = (str(row.weight), row.reason) if row else ("", "")
        comparison.append(
            {
                "value": next(v.name for v in values if v.id == edit.value),
                "mine": _weight_text(mine[0]),
                "mine_reason": mine[1],
                "theirs": _weight_text(theirs[0]),
                "theirs_reason": theirs[1],
                "differs": mine != theirs,
            }
        )
    form = PartyInterestsForm(values=values, stored=stored, prefix=f"partij{party.pk}")
    return _edit_response(
        request,
        project,
        scenario,
        party,
        form,
        status=200 if request.htmx else 409,
        conflict=str(conflict),
        comparison=comparison,
        changed_by=last_change(project, f"Belang van {party.name} bij", scenario=scenario.name),
    )


def _weight_text(weight: str) -> str:
    return str(WEIGHT_WORDS.get(weight, _("nog niet ingevuld")))


# --- what the page shows ---------------------------------------------------------------------


def _figures(project: Project, scenario: Scenario) -> dict[str, Any]:
    """The map and the value figures of ``scenario``, drawn once per project revision."""
    revision = project_revision(project)
    analysis = scenario_analysis(project, scenario)
    drawn_map: ModelMap = cached_for_revision(
        project,
        f"values:map:{scenario.pk}",
        lambda: model_map(
            load_model(project.model_version),
            project_document(project).scenario(scenario.name),
            analysis,
            id_prefix=f"modelkaart-{scenario.pk}",
        ),
        revision=revision,
    )
    value_chart: Chart = cached_for_revision(
        project,
        f"values:value-chart:{scenario.pk}:{get_language()}",
        lambda: _value_chart(analysis, scenario),
        revision=revision,
    )
    map_drawn, route_table = map_figure(drawn_map)
    return {
        "model_map": drawn_map,
        "routes": [
            {"name": r.name, "activation": decimal(r.activation), "reason": reason_text(r.reason)}
            for r in analysis.routes
        ],
        "potentials": potentials_table(analysis),
        "map_tables": (map_drawn.table, route_table),  # the plan's tables of the map
        "value_chart": value_chart,
        **_party_figures(project, scenario, analysis=analysis, revision=revision),
    }


def _party_figures(
    project: Project,
    scenario: Scenario,
    *,
    analysis: Analysis | None = None,
    revision: int | None = None,
) -> dict[str, Any]:
    """The value per party: a table with the engine's reasons, and a chart of the same."""
    analysis = analysis or scenario_analysis(project, scenario)
    chart: Chart = cached_for_revision(
        project,
        f"values:party-chart:{scenario.pk}:{get_language()}",
        lambda: _party_chart(analysis, scenario),
        revision=revision,
    )
    return {
        "party_values": [
            {
                "name": p.name,
                "score": decimal(p.score),
                "attainable": p.attainable,
                "relative": percent(p.relative),
                "share": percent(p.share),
                "reason": reason_text(p.reason),
            }
            for p in analysis.party_values
        ],
        "party_chart": chart,
    }


def _value_chart(analysis: Analysis, scenario: Scenario) -> Chart:
    names = [v.name for v in analysis.values]
    potentials = [v.potential for v in analysis.values]
    highest = max(analysis.values, key=lambda v: v.potential)
    description = _(
        "Staafdiagram van het potentieel (0 tot 1) van elke waarde in scenario %(scenario)s: "
        "%(figures)s."
    ) % {
        "scenario": scenario.name,
        "figures": "; ".join(f"{n} {decimal(p)}" for n, p in zip(names, potentials, strict=True)),
    }
    if highest.potential > 0:
        description += " " + _("Het hoogst is %(value)s.") % {"value": highest.name}
    return bar_chart(
        names,
        {_("Potentieel"): potentials},
        title=_("Potentieel per waarde"),
        description=description,
        value_format=decimal,
        axis_format=_axis,
        id_prefix=f"waardepotentieel-{scenario.pk}",
        label_heading=_("Waarde"),
        value_labels=True,
    )


def _party_chart(analysis: Analysis, scenario: Scenario) -> Chart:
    names = [p.name for p in analysis.party_values]
    scores = [p.score for p in analysis.party_values]
    description = _(
        "Staafdiagram van de waarde per partij in scenario %(scenario)s (gewicht maal "
        "potentieel, opgeteld over de waarden): %(figures)s."
    ) % {
        "scenario": scenario.name,
        "figures": "; ".join(f"{n} {decimal(s)}" for n, s in zip(names, scores, strict=True)),
    }
    return bar_chart(
        names,
        {_("Waarde voor de partij"): scores},
        title=_("Waarde per partij"),
        description=description,
        value_format=decimal,
        axis_format=_axis,
        id_prefix=f"waardeperpartij-{scenario.pk}",
        label_heading=_("Partij"),
        value_labels=True,
    )


def _axis(tick: Decimal) -> str:
    """An axis tick as exact as it is round: ``0,025``, ``0,1``, ``1``."""
    return f"{tick.normalize():f}".replace(".", ",")


def _parties(project: Project, scenario: Scenario, *, heading_level: int) -> list[dict[str, Any]]:
    """Every party with its weight and reason for each value of the model."""
    values = load_model(project.model_version).values
    interests = interests_by_party(scenario)
    return [
        _party(party, interests.get(party.pk, {}), values, heading_level)
        for party in project.parties.order_by("position", "id")
    ]


def _party(
    party: ProjectParty, stored: dict[str, Interest], values: Sequence[Value], heading_level: int
) -> dict[str, Any]:
    rows = []
    for value in values:
        row = stored.get(value.id)
        rows.append(
            {
                "name": value.name,
                "weight": _weight_text(str(row.weight)) if row else _weight_text(""),
                "set": row is not None,
                "reason": row.reason if row else "",
            }
        )
    return {"party": party, "rows": rows, "heading_level": heading_level}


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/waarden/",
        values_page,
        name="values_page",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/waarden/belangen/<int:party_id>/",
        interest_edit,
        name="interest_edit",
    ),
]
