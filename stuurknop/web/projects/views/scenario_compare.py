"""Two scenarios side by side: the engine's comparison, differences marked in words too."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stuurknop.engine import Comparison, compare
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.numbers import euro, percent
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import cached_for_revision, project_document
from stuurknop.web.projects.views.common import default_scenario, project_context
from stuurknop.web.vocabulary import KNOB_STATUSES

# Figures closer together than this are the same (activations are fractions of small sums).
SAME = 1e-9


class CompareForm(forms.Form):
    """Which two scenarios; a GET form, so a comparison has a link of its own."""

    a = forms.IntegerField(label=gettext_lazy("Scenario A"))
    b = forms.IntegerField(label=gettext_lazy("Scenario B"))

    def __init__(self, *args: Any, scenarios: list[Scenario], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(s.pk, s.name) for s in scenarios]
        for name in ("a", "b"):
            self.fields[name].widget = forms.Select(choices=choices)
            self.fields[name].error_messages["invalid"] = _("Kies een scenario uit de lijst.")
            self.fields[name].error_messages["required"] = _("Kies een scenario.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("a") is not None and data.get("a") == data.get("b"):
            self.add_error("b", _("Kies twee verschillende scenario's."))
        return data


@project_role(Role.LEZER)
def scenario_compare_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Compare scenario ``a`` with ``b`` (ids in the query); by default the chosen one with
    the next. An id of another project (or none at all) is a 404.
    """
    scenarios = list(project.scenarios.order_by("position", "id"))
    status, comparison, pair = 200, None, None
    if "a" in request.GET or "b" in request.GET:
        form = CompareForm(request.GET, scenarios=scenarios)
        if form.is_valid():
            pair = (
                _scenario(scenarios, form.cleaned_data["a"]),
                _scenario(scenarios, form.cleaned_data["b"]),
            )
        else:
            status = 400
    else:
        first = default_scenario(project)
        others = [s for s in scenarios if s.pk != first.pk]
        form = CompareForm(
            scenarios=scenarios, initial={"a": first.pk, "b": others[0].pk if others else None}
        )
        if others:
            pair = (first, others[0])
    if pair is not None:
        a, b = pair
        comparison = cached_for_revision(
            project,
            f"compare:{a.pk}:{b.pk}",
            lambda: compare(
                load_model(project.model_version), project_document(project), a.name, b.name
            ),
        )
    context = project_context(
        request,
        project,
        tab="scenarios",
        form=form,
        pair=pair,
        only_one=len(scenarios) < 2,
        **(_rows(comparison) if comparison else {}),
    )
    return render(request, "projects/scenarios/compare.html", context, status=status)


def _scenario(scenarios: list[Scenario], pk: int) -> Scenario:
    for scenario in scenarios:
        if scenario.pk == pk:
            return scenario
    raise Http404()


def _rows(comparison: Comparison) -> dict[str, Any]:
    """The comparison as rows of text for the tables; ``differs`` marks a row that differs."""
    statuses = {value: label for value, label in KNOB_STATUSES}

    def setting(status: str, opening: int) -> str:
        if status == "aan":
            return _("aan, stand %(opening)s") % {"opening": opening}
        return str(statuses.get(status, status))

    def fraction_row(name: str, a: float, b: float) -> dict[str, Any]:
        differs = abs(b - a) > SAME
        return {
            "name": name,
            "a": percent(a),
            "b": percent(b),
            "delta": _signed(percent(b - a), b - a) if differs else "",
            "differs": differs,
        }

    checklist = comparison.checklist
    return {
        "comparison": comparison,
        "knobs": [
            {
                "name": f"{k.knob}. {k.name}",
                "a": setting(k.a_status, k.a),
                "b": setting(k.b_status, k.b),
            }
            for k in comparison.knobs
        ],
        "routes": [fraction_row(r.name, r.a, r.b) for r in comparison.routes],
        "values": [fraction_row(v.name, v.a, v.b) for v in comparison.values],
        "money": [
            {
                "name": m.name,
                "a": euro(m.a),
                "b": euro(m.b),
                "delta": _signed(euro(m.delta), m.delta) if m.delta else "",
                "differs": m.delta != Decimal(0),
            }
            for m in comparison.money
        ],
        "checklist_rows": [
            {
                "name": _("Checklist gereed"),
                "a": f"{checklist.a:.0f}%",
                "b": f"{checklist.b:.0f}%",
                "delta": _signed(f"{checklist.delta:.0f}%", checklist.delta),
                "differs": bool(checklist.delta),
            }
        ],
    }


def _signed(text: str, amount: float | Decimal) -> str:
    # A plus sign for growth; the formatters already write the minus.
    return f"+{text}" if amount > 0 else text


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenarios/vergelijken/",
        scenario_compare_view,
        name="scenario_compare",
    ),
]
