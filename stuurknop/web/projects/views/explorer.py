"""The explorer: every setting of the ten knobs, the front of effort against value under the
user's constraints, the nearest better designs, and a new scenario from a design in one click.

The figures come from :mod:`stuurknop.engine.explorer` and their words from
:mod:`stuurknop.presentation.explorer`, as in the command line. One exploration takes a few
tenths of a second; its result (the front and the nearest designs, not the million settings)
is cached per project revision, scenario and choice of constraints.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.explorer import Constraints, explore, robust
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.explorer import (
    allowed_count,
    assumption_lines,
    better_sentence,
    front_figure,
    money,
    objective_words,
    setting_words,
    thousands,
    yes_no,
)
from stuurknop.presentation.numbers import decimal, percent
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import cached_for_revision, project_document
from stuurknop.web.projects.services.designs import scenario_from_design
from stuurknop.web.projects.views.common import project_context

FREE = ""


class ExplorerForm(forms.Form):
    """The constraints, as a GET form (a filtered front has a link of its own)."""

    waarde = forms.ChoiceField(label="Waarde", required=False)
    budget = forms.DecimalField(
        label="Ten hoogste per jaar, in totaal (euro)",
        required=False,
        min_value=0,
        decimal_places=0,
    )
    eerlijk = forms.BooleanField(
        label="Alleen eerlijke ontwerpen: elke partij die betaalt krijgt minstens haar deel "
        "van de kosten aan waarde",
        required=False,
    )

    def __init__(self, *args: Any, model: Model, parties: list[tuple[str, str]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.model, self.parties = model, parties
        self.fields["waarde"].choices = [  # type: ignore[attr-defined]
            (FREE, "Gewogen naar de belangen van alle partijen"),
            *((v.id, v.name) for v in model.values),
        ]
        openings = [
            (FREE, "vrij"),
            *((str(o), model.scale("opening").numbered(o)) for o in (1, 2, 3)),
        ]
        openings.insert(1, ("0", model.word("opening", 0)))
        for knob in model.knobs:
            self.fields[f"knop_{knob.number}"] = forms.ChoiceField(
                label=f"Stuurknop {knob.number} ({knob.name})", choices=openings, required=False
            )
            self.fields[f"schaal_{knob.number}"] = forms.DecimalField(
                label=f"Kosten van stuurknop {knob.number} schalen met de stand tot de macht "
                "(leeg: 1, recht evenredig; 0: vast bedrag zodra de knop aan staat)",
                required=False,
                min_value=0,
                max_value=3,
                decimal_places=2,
            )
        for key, name in parties:
            self.fields[f"partij_{key}"] = forms.DecimalField(
                label=f"Ten hoogste per jaar voor {name} (euro)",
                required=False,
                min_value=0,
                decimal_places=0,
            )
        for value in model.values:
            self.fields[f"minimum_{value.id}"] = forms.DecimalField(
                label=f"Ten minste deze kans op {value.name} (0 tot 1)",
                required=False,
                min_value=0,
                max_value=1,
                decimal_places=2,
            )

    def knob_fields(self) -> list[forms.BoundField]:
        return [self[f"knop_{k.number}"] for k in self.model.knobs]

    def scale_fields(self) -> list[forms.BoundField]:
        return [self[f"schaal_{k.number}"] for k in self.model.knobs]

    def exponents(self) -> dict[int, float]:
        return {
            k.number: float(self.cleaned_data[f"schaal_{k.number}"])
            for k in self.model.knobs
            if self.cleaned_data.get(f"schaal_{k.number}") is not None
        }

    def party_fields(self) -> list[forms.BoundField]:
        return [self[f"partij_{key}"] for key, _name in self.parties]

    def minimum_fields(self) -> list[forms.BoundField]:
        return [self[f"minimum_{v.id}"] for v in self.model.values]

    def choice(self) -> tuple[str | None, Constraints]:
        data = self.cleaned_data
        fixed = {
            k.number: int(data[f"knop_{k.number}"])
            for k in self.model.knobs
            if data.get(f"knop_{k.number}") not in (None, FREE)
        }
        caps = {
            key: float(data[f"partij_{key}"])
            for key, _name in self.parties
            if data.get(f"partij_{key}") is not None
        }
        least = {
            v.id: float(data[f"minimum_{v.id}"])
            for v in self.model.values
            if data.get(f"minimum_{v.id}") is not None
        }
        budget = data.get("budget")
        constraints = Constraints(
            fixed=fixed,
            budget=float(budget) if budget is not None else None,
            party_budget=caps,
            minimum=least,
            robust_only=bool(data.get("eerlijk")),
        )
        return (data.get("waarde") or None), constraints


def _explored(
    project: Project,
    scenario: Scenario,
    value: str | None,
    c: Constraints,
    exponents: dict[int, float],
) -> dict[str, Any]:
    """The front and the nearest better designs of ``scenario`` as the page shows them."""
    doc = project_document(project)
    model = load_model(project.model_version)
    chosen = doc.scenario(scenario.name)
    exploration = explore(model, doc, chosen, value=value, constraints=c, exponents=exponents)
    nearest = nearest_better(exploration.tables, value)
    t, d = exploration.tables, exploration.designs
    objective = d.objective(t, value)
    fair = robust(d)
    names = {p.id: p.name for p in doc.parties}
    rows = [
        {
            "number": i + 1,
            "openings": ",".join(str(int(o)) for o in d.openings[i]),
            "words": setting_words(model, tuple(int(o) for o in d.openings[i])),
            "effort": money(float(d.effort[i])),
            "value": decimal(float(objective[i])),
            "robust": yes_no(bool(fair[i])),
            "parties": [
                {
                    "name": names[p],
                    "share": percent(float(d.share[i, j])),
                    "cost": money(float(d.party_cost[i, j])),
                }
                for j, p in enumerate(t.parties)
            ],
        }
        for i in range(len(d.effort))
    ]
    chart = front_figure(model, exploration, id_prefix=f"verkenner-{scenario.pk}")
    allowed = allowed_count(exploration)
    return {
        "rows": rows,
        "chart": chart.chart,
        "phone_svg": chart.phone_svg,
        "allowed": thousands(allowed),
        "settings": thousands(len(exploration.effort)),
        "objective": objective_words(model, exploration),
        "current_words": setting_words(model, t.current),
        "nearest": [
            {"text": better_sentence(model, n), "openings": ",".join(map(str, n.openings))}
            for n in nearest
        ],
        "assumptions": assumption_lines(model, t.effort),
    }


def _free_name(scenario: Scenario, number: int) -> str:
    taken = set(scenario.project.scenarios.values_list("name", flat=True))
    base = f"{scenario.name[:60]} – ontwerp {number}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def _page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, status: int = 200
) -> HttpResponse:
    model = load_model(project.model_version)
    parties = list(project.parties.order_by("position", "id").values_list("key", "name"))
    form = ExplorerForm(request.GET or None, model=model, parties=parties)
    explored = None
    if request.GET and not form.is_valid():
        status = 400
    else:
        value, constraints = form.choice() if request.GET else (None, Constraints())
        exponents = form.exponents() if request.GET else {}
        chosen = json.dumps([value, repr(constraints), sorted(exponents.items())])
        key = hashlib.sha256(chosen.encode()).hexdigest()[:16]
        explored = cached_for_revision(
            project,
            f"explorer:{scenario.pk}:{key}",
            lambda: _explored(project, scenario, value, constraints, exponents),
        )
    context = project_context(
        request,
        project,
        scenario,
        tab="explorer",
        form=form,
        explored=explored,
        default_name=_free_name(scenario, 1),
    )
    return render(request, "projects/explorer/page.html", context, status=status)


@scenario_role(Role.LEZER)
def explorer_page(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """The front, the table of its figures, the nearest better designs and the filters."""
    return _page(request, project, scenario)


class DesignForm(forms.Form):
    standen = forms.RegexField(regex=r"^[0-3](,[0-3]){9}$", label="Standen")
    naam = forms.CharField(label="Naam van het nieuwe scenario", max_length=100)


@require_POST
@scenario_role(Role.BEWERKER)
def explorer_design(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """A new scenario from a design: a copy of this one with the design's knob settings."""
    require_editable(request.user, project)
    form = DesignForm(request.POST)
    if not form.is_valid():
        for said in form.errors.values():
            for message in said:
                messages.error(request, _("Geen scenario gemaakt: %(error)s") % {"error": message})
        return redirect("explorer_page", project.pk, scenario.pk)
    openings = [int(o) for o in form.cleaned_data["standen"].split(",")]
    try:
        created = scenario_from_design(
            source=scenario,
            by=request.user,
            name=form.cleaned_data["naam"],
            openings=openings,
            description=_("Gemaakt in de verkenner uit scenario %(name)s.")
            % {"name": scenario.name},
        )
    except DocumentInvalid as exc:
        for error in exc.errors:
            messages.error(
                request, _("Geen scenario gemaakt: %(error)s") % {"error": error.message}
            )
        return redirect("explorer_page", project.pk, scenario.pk)
    messages.success(
        request, _("Scenario %(name)s is gemaakt uit het ontwerp.") % {"name": created.name}
    )
    return redirect("values_page", project.pk, created.pk)


urlpatterns = [
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/verkenner/",
        explorer_page,
        name="explorer_page",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/verkenner/ontwerp/",
        explorer_design,
        name="explorer_design",
    ),
]
