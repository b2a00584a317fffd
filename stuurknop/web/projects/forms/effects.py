"""The forms of the effects page, their fields from the project file's declaration
(:mod:`stuurknop.projectfile.effects`); the choices (values, routes, parties, knobs, proxies,
the evidence needs of the evidence plan) and the figures (a decimal comma) are built here. The
percentages offer the scale 0/25/50/75/100 % (a list the browser suggests) and take any whole
percentage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings, Proxy
from stuurknop.projectfile.schema import Scenario as ScenarioDoc
from stuurknop.web.projects.forms.euro import EuroField
from stuurknop.web.projects.forms.evidence import EMPTY, MeasuredField
from stuurknop.web.projects.forms.meetings import DeclaredForm
from stuurknop.web.projects.models import ProjectParty

PERCENT_LIST = "effect-percentages"  # the <datalist> with 0, 25, 50, 75, 100
PERCENTS = ("drop_off", "deadweight", "attribution", "displacement")


def _percent() -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0, max_value=100, widget=forms.NumberInput(attrs={"list": PERCENT_LIST})
    )


def _text() -> forms.CharField:
    return forms.CharField(
        required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 3})
    )


class EffectForm(DeclaredForm):
    schema = EffectEstimate
    asked = (
        "id",
        "value",
        "route",
        "knobs",
        "beneficiary",
        "proxy",
        "low",
        "expected",
        "high",
        "first_year",
        "years",
        *PERCENTS,
        "risk_free",
        "assumption",
        "evidence",
        "evidence_need",
    )
    optional_ids = ("proxy", "evidence_need")

    def __init__(
        self,
        *args: Any,
        model: Model,
        parties: Sequence[ProjectParty],
        proxies: Sequence[tuple[str, str]],
        scenario: ScenarioDoc,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        needs = [
            (need.description, f"{model.value(plan.value).name}: {need.description}")
            for plan in scenario.evidence
            for need in plan.before_decision
        ]
        self.declare(
            {
                "id": forms.SlugField(max_length=60),
                "value": forms.ChoiceField(choices=[(v.id, v.name) for v in model.values]),
                "route": forms.ChoiceField(choices=[(r.id, r.name) for r in model.routes]),
                "knobs": forms.TypedMultipleChoiceField(
                    required=False,
                    coerce=int,
                    choices=[(k.number, f"{k.number}. {k.name}") for k in model.knobs],
                    widget=forms.CheckboxSelectMultiple,
                ),
                "beneficiary": forms.ChoiceField(choices=[(p.key, p.name) for p in parties]),
                "proxy": forms.ChoiceField(required=False, choices=[EMPTY, *proxies]),
                "low": EuroField(),
                "expected": EuroField(),
                "high": EuroField(),
                "first_year": forms.IntegerField(min_value=1990, max_value=2100),
                "years": forms.IntegerField(required=False, min_value=1, max_value=100),
                **{name: _percent() for name in PERCENTS},
                "risk_free": forms.BooleanField(required=False),
                "assumption": _text(),
                "evidence": _text(),
                "evidence_need": forms.ChoiceField(required=False, choices=[EMPTY, *needs]),
            }
        )
        self.fields["id"].label = "Korte naam"
        self.fields["id"].help_text = "Letters, cijfers en streepjes, bijvoorbeeld wmo-uitstel."
        for name in ("low", "expected", "high"):
            self.fields[
                name
            ].help_text = "Per jaar: een bedrag in euro's, of een aantal als u een kengetal kiest."


class EffectSettingsForm(DeclaredForm):
    schema = EffectSettings
    asked = ("discount_rate",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.declare({"discount_rate": MeasuredField()})


class ProxyForm(DeclaredForm):
    """A proxy of the project's own, with its source."""

    schema = Proxy
    asked = ("id", "name", "unit", "amount", "price_year", "source", "url")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            {
                "id": forms.SlugField(max_length=60),
                "amount": EuroField(),
                "price_year": forms.IntegerField(min_value=1990, max_value=2100),
                "url": forms.CharField(required=False, max_length=2_000),
            }
        )
        self.fields["id"].label = "Korte naam"
