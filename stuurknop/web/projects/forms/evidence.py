"""The forms of the evidence page, their fields from the project file's declaration
(:mod:`stuurknop.projectfile.evidence`); the choices (routes to the value, the parties, knobs,
the model's words) and the measured figures (a decimal comma) are built here."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile.evidence import EvidenceNeed, Indicator, Measurement
from stuurknop.web.projects.forms.meetings import DeclaredForm, date_field
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.vocabulary import word_choices

EMPTY = ("", "—")


class MeasuredField(forms.CharField):
    """A measured figure: ``7,5`` or ``7.5`` (a thousands dot only beside a decimal comma)."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = str(super().to_python(value) or "").strip().replace(" ", "")
        if not text:
            return None
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError("Vul een getal in, bijvoorbeeld 7,5.") from None
        if not number.is_finite():
            raise ValidationError("Vul een getal in, bijvoorbeeld 7,5.")
        return number


def _routes(model: Model, value: str) -> list[tuple[str, str]]:
    return [(r.id, r.name) for r in model.routes if value in r.values]


def _parties(parties: Sequence[ProjectParty]) -> list[tuple[str, str]]:
    return [(p.key, p.name) for p in parties]


def _text(rows: int = 3) -> forms.CharField:
    return forms.CharField(
        required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": rows})
    )


class EvidenceNeedForm(DeclaredForm):
    schema = EvidenceNeed
    asked = (
        "kind",
        "description",
        "route",
        "location",
        "gatherer",
        "due",
        "status",
        "finding",
        "link",
    )
    optional_ids = ("route", "gatherer", "link")

    def __init__(
        self,
        *args: Any,
        model: Model,
        value: str,
        parties: Sequence[ProjectParty],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            {
                "kind": forms.ChoiceField(choices=word_choices("evidence_kind")),
                "route": forms.ChoiceField(required=False, choices=[EMPTY, *_routes(model, value)]),
                "location": forms.CharField(required=False, max_length=2_000),
                "gatherer": forms.ChoiceField(required=False, choices=[EMPTY, *_parties(parties)]),
                "due": date_field(),
                "status": forms.ChoiceField(choices=word_choices("evidence_status")),
                "finding": _text(),
                "link": forms.CharField(required=False, max_length=2_000),
            }
        )
        self.fields["file"] = forms.FileField(
            required=False,
            label="Bestand bij de bevinding",
            help_text=(
                "PDF, Word, Excel, PNG, JPG of CSV, ten hoogste 10 MB. Een export van het "
                "project (JSON) noemt het bestand, maar neemt het niet mee."
            ),
        )
        self.fields["remove_file"] = forms.BooleanField(
            required=False, label="Het bestaande bestand weghalen"
        )


class IndicatorForm(DeclaredForm):
    schema = Indicator
    asked = (
        "name",
        "library",
        "route",
        "unit",
        "direction",
        "baseline",
        "baseline_date",
        "target",
        "target_date",
        "frequency",
        "owner",
        "data_source",
        "knobs",
    )
    optional_ids = ("library", "route", "frequency", "owner")

    def __init__(
        self,
        *args: Any,
        model: Model,
        value: str,
        parties: Sequence[ProjectParty],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        library = [(i.id, i.name) for i in getattr(model, "indicators", ())]
        knobs = [(str(k.number), f"{k.number}. {k.name}") for k in model.knobs]
        self.declare(
            {
                "library": forms.ChoiceField(required=False, choices=[EMPTY, *library]),
                "route": forms.ChoiceField(required=False, choices=[EMPTY, *_routes(model, value)]),
                "unit": forms.CharField(required=False, max_length=200),
                "direction": forms.ChoiceField(choices=word_choices("indicator_direction")),
                "baseline": MeasuredField(required=False),
                "baseline_date": date_field(),
                "target": MeasuredField(required=False),
                "target_date": date_field(),
                "frequency": forms.ChoiceField(
                    required=False, choices=[EMPTY, *word_choices("measurement_frequency")]
                ),
                "owner": forms.ChoiceField(required=False, choices=[EMPTY, *_parties(parties)]),
                "data_source": forms.CharField(required=False, max_length=2_000),
                "knobs": forms.TypedMultipleChoiceField(
                    required=False,
                    choices=knobs,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                ),
            }
        )


class MeasurementForm(DeclaredForm):
    schema = Measurement
    asked = ("date", "value", "note")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            {
                "date": date_field(required=True),
                "value": MeasuredField(required=True),
                "note": forms.CharField(required=False, max_length=2_000),
            }
        )


class MeasurementFileForm(forms.Form):
    file = forms.FileField(
        label="Bestand met metingen (.xlsx of .csv)",
        help_text="Kolommen: indicator, datum, waarde, notitie. Ten hoogste 2 MB.",
    )
