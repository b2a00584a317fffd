"""The form with which a party gives its own view: per knob how far it would open it, per value
how much it matters (each 0–3, or no answer), and remarks.

The version field holds the version of the party's view the editor loaded, so that two people
filling in the same party's view cannot silently overwrite each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel.schema import Knob, Value
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.vocabulary import OPENINGS, WEIGHTS

NO_ANSWER = ("", _("geen antwoord"))
REMARKS_LENGTH = 20_000  # the document's LongText


class PerspectiveForm(forms.Form):
    """``knob_<n>`` per knob, ``value_<id>`` per value, ``remarks`` and ``version``."""

    def __init__(
        self,
        *args: Any,
        knobs: Sequence[Knob],
        values: Sequence[Value],
        stored: doc.Perspective | None,
        version: int,
        **kwargs: Any,
    ) -> None:
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("version", version)
        if stored is not None:
            for number, opening in stored.knobs.items():
                initial.setdefault(f"knob_{number}", str(opening))
            for value_id, weight in stored.values.items():
                initial.setdefault(f"value_{value_id}", str(weight))
            initial.setdefault("remarks", stored.remarks)
        super().__init__(*args, **kwargs)
        self.knobs, self.values = tuple(knobs), tuple(values)
        invalid_choice = {
            "invalid_choice": _("Kies een getal van 0 tot en met 3, of geen antwoord.")
        }
        for knob in self.knobs:
            self.fields[f"knob_{knob.number}"] = forms.ChoiceField(
                label=f"{knob.number}. {knob.name}",
                choices=[NO_ANSWER, *OPENINGS],
                required=False,
                error_messages=invalid_choice,
            )
        for value in self.values:
            self.fields[f"value_{value.id}"] = forms.ChoiceField(
                label=value.name,
                choices=[NO_ANSWER, *WEIGHTS],
                required=False,
                error_messages=invalid_choice,
            )
        self.fields["remarks"] = forms.CharField(
            label=_("Opmerkingen"),
            help_text=_("Wat wil je partij de anderen laten weten? Waar zit voor jullie de kern?"),
            required=False,
            max_length=REMARKS_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={
                "max_length": _(
                    "Houd de opmerkingen korter dan %(limit_value)d tekens (nu %(show_value)d)."
                )
            },
        )
        self.fields["version"] = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def knob_fields(self) -> list[forms.BoundField]:
        return [self[f"knob_{knob.number}"] for knob in self.knobs]

    def value_fields(self) -> list[forms.BoundField]:
        return [self[f"value_{value.id}"] for value in self.values]

    def answers(self) -> tuple[dict[int, int], dict[str, int]]:
        """The cleaned scores as the service takes them; no answer is left out."""
        knobs = {
            knob.number: int(self.cleaned_data[f"knob_{knob.number}"])
            for knob in self.knobs
            if self.cleaned_data[f"knob_{knob.number}"] != ""
        }
        values = {
            value.id: int(self.cleaned_data[f"value_{value.id}"])
            for value in self.values
            if self.cleaned_data[f"value_{value.id}"] != ""
        }
        return knobs, values

    def top_errors(self) -> list[str]:
        """Errors not beside a visible field: the form's own, and a missing version."""
        errors = [str(e) for e in self.non_field_errors()]
        if self["version"].errors:
            errors.append(
                str(_("Het versienummer ontbreekt of klopt niet; laad de pagina opnieuw."))
            )
        return errors

    def add_document_errors(self, invalid: DocumentInvalid) -> None:
        """The service's errors (``knobs.3``, ``values.goed_wonen``) beside their fields."""
        add_document_errors(self, invalid, field_for=_field_for)


def _field_for(path: str) -> str:
    """``knobs.3`` → ``knob_3``; ``values.goed_wonen`` → ``value_goed_wonen``; else the path."""
    head, _dot, rest = path.partition(".")
    key = rest.split(".")[0]
    if head == "knobs" and key:
        return f"knob_{key}"
    if head == "values" and key:
        return f"value_{key}"
    return head
