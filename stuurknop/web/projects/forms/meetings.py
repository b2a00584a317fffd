"""The forms of the meetings' pages, their fields from the project file's declaration
(:mod:`stuurknop.projectfile.meetings`): a meeting, an agenda point, its minutes, and the
decision and actions made from a point. A field that is a choice (a party, a knob, a value, a
cost item) is built here; its label, help and bounds still come from the declaration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.forms.declared import declared_fields
from stuurknop.web.projects.models import ProjectParty

ACTION_SLOTS = 3  # actions a point's follow-up form offers at once


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return value.isoformat()  # what a date input reads, whatever the language
        return None if value is None else str(value)


def date_field(*, required: bool = False) -> forms.DateField:
    return forms.DateField(required=required, widget=DateInput())


def _party_choices(parties: Sequence[ProjectParty]) -> list[tuple[str, str]]:
    return [(p.key, p.name) for p in parties]


def _optional(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", "—"), *choices]


class DeclaredForm(forms.Form):
    """A form whose fields are ``asked`` of ``schema``; ``data_for_service`` gives the
    cleaned values as the document names them (an empty choice as None)."""

    schema: type[doc.Doc]
    asked: tuple[str, ...] = ()
    optional_ids: tuple[str, ...] = ()  # choices whose empty answer means None

    def declare(self, built: dict[str, forms.Field]) -> None:
        for name, field in declared_fields(self.schema, self.asked, built=built).items():
            self.fields[name] = field

    def data_for_service(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.asked}
        for name in self.optional_ids:
            data[name] = data[name] or None
        return data


class MeetingForm(DeclaredForm):
    schema = doc.Meeting
    asked = ("title", "date", "place")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            {"date": date_field(), "place": forms.CharField(required=False, max_length=200)}
        )


class PointForm(DeclaredForm):
    """A point added by hand: what about, which knob or value, who brings it in."""

    schema = doc.AgendaPoint
    asked = ("title", "explanation", "knob", "value", "brought_by")
    optional_ids = ("knob", "value", "brought_by")

    def __init__(
        self, *args: Any, model: Model, parties: Sequence[ProjectParty], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        knobs = [(str(k.number), f"{k.number}. {k.name}") for k in model.knobs]
        values = [(v.id, v.name) for v in model.values]
        self.declare(
            {
                "explanation": forms.CharField(
                    required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 2})
                ),
                "knob": forms.TypedChoiceField(
                    required=False, choices=_optional(knobs), coerce=int, empty_value=None
                ),
                "value": forms.ChoiceField(required=False, choices=_optional(values)),
                "brought_by": forms.ChoiceField(
                    required=False, choices=_optional(_party_choices(parties))
                ),
            }
        )


class MinutesForm(DeclaredForm):
    """During the meeting: what was said about a point, and its outcome."""

    schema = doc.AgendaPoint
    asked = ("minutes", "outcome")

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = {"rows": 3}
        self.declare(
            {
                name: forms.CharField(
                    required=False, max_length=20_000, widget=forms.Textarea(attrs=area)
                )
                for name in self.asked
            }
        )


class DecisionForm(DeclaredForm):
    """What was decided from a point: by whom, when, about what, when to look again."""

    schema = doc.Decision
    asked = (
        "title",
        "why",
        "decided_by",
        "date",
        "review_date",
        "knobs",
        "cost_items",
        "funding_lines",
    )

    def __init__(
        self,
        *args: Any,
        model: Model,
        parties: Sequence[ProjectParty],
        cost_items: Sequence[tuple[str, str]],
        funding_lines: Sequence[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        boxes = forms.CheckboxSelectMultiple
        knobs = [(str(k.number), f"{k.number}. {k.name}") for k in model.knobs]
        self.declare(
            {
                "title": forms.CharField(required=False, max_length=200),
                "why": forms.CharField(
                    required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 2})
                ),
                "decided_by": forms.MultipleChoiceField(
                    required=False, choices=_party_choices(parties), widget=boxes
                ),
                "date": date_field(required=False),
                "review_date": date_field(),
                "knobs": forms.TypedMultipleChoiceField(
                    required=False, choices=knobs, coerce=int, widget=boxes
                ),
                "cost_items": forms.MultipleChoiceField(
                    required=False, choices=list(cost_items), widget=boxes
                ),
                "funding_lines": forms.MultipleChoiceField(
                    required=False, choices=list(funding_lines), widget=boxes
                ),
            }
        )

    def given(self) -> bool:
        return bool(self.cleaned_data.get("title"))


class ActionForm(DeclaredForm):
    """One action from a point: what, who (a party or a person), by when."""

    schema = doc.Action
    asked = ("title", "owner_party", "owner_person", "due")
    optional_ids = ("owner_party",)

    def __init__(self, *args: Any, parties: Sequence[ProjectParty], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            {
                "title": forms.CharField(required=False, max_length=200),
                "owner_party": forms.ChoiceField(
                    required=False, choices=_optional(_party_choices(parties))
                ),
                "owner_person": forms.CharField(required=False, max_length=200),
                "due": date_field(),
            }
        )

    def given(self) -> bool:
        return bool(self.cleaned_data.get("title"))
