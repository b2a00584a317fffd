"""The form with which one party's interests are edited: per value a weight 0–3 and why.

Each value has its own version field: the version of that weight the editor loaded, so that the
service can tell a lost update of one value from a change to another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel.schema import Value
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.forms.declared import bounds
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import Interest
from stuurknop.web.projects.services.scenarios import InterestEdit
from stuurknop.web.vocabulary import WEIGHTS

NOT_SET = ("", _("nog niet ingevuld"))
REASON_LENGTH: int = bounds(doc.Interest, "reason")["max_length"]  # the project file's


class PartyInterestsForm(forms.Form):
    """``weight_<value>``, ``reason_<value>`` and ``version_<value>`` for every value."""

    def __init__(
        self,
        *args: Any,
        values: Sequence[Value],
        stored: Mapping[str, Interest],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {})
        for value in values:
            row = stored.get(value.id)
            kwargs["initial"].setdefault(f"version_{value.id}", row.version if row else 0)
            if row is not None:
                kwargs["initial"].setdefault(f"weight_{value.id}", str(row.weight))
                kwargs["initial"].setdefault(f"reason_{value.id}", row.reason)
        super().__init__(*args, **kwargs)
        self.values = tuple(values)
        for value in values:
            # A weight once given can be changed but not emptied (0 says "does not matter").
            choices = WEIGHTS if value.id in stored else [NOT_SET, *WEIGHTS]
            self.fields[f"weight_{value.id}"] = forms.ChoiceField(
                label=_("Hoe belangrijk is %(value)s voor deze partij?") % {"value": value.name},
                choices=choices,
                required=False,
                error_messages={"invalid_choice": _("Kies een gewicht van 0 tot en met 3.")},
            )
            self.fields[f"reason_{value.id}"] = forms.CharField(
                label=_("Waarom?"),
                required=False,
                max_length=REASON_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _(
                        "Houd de toelichting korter dan %(limit_value)d tekens (nu %(show_value)d)."
                    )
                },
            )
            self.fields[f"version_{value.id}"] = forms.IntegerField(
                min_value=0, widget=forms.HiddenInput
            )
        if self.values:  # htmx moves the focus here when the form replaces the party's part
            self.fields[f"weight_{self.values[0].id}"].widget.attrs["autofocus"] = True

    def rows(self) -> list[dict[str, Any]]:
        """Per value its name and bound fields, in the model's order, for the template."""
        return [
            {
                "value": value,
                "weight": self[f"weight_{value.id}"],
                "reason": self[f"reason_{value.id}"],
                "version": self[f"version_{value.id}"],
            }
            for value in self.values
        ]

    def edits(self) -> list[InterestEdit]:
        """The cleaned input as the service takes it."""
        edits = []
        for value in self.values:
            weight = self.cleaned_data[f"weight_{value.id}"]
            edits.append(
                InterestEdit(
                    value=value.id,
                    weight=int(weight) if weight != "" else None,
                    reason=self.cleaned_data[f"reason_{value.id}"],
                    expected_version=self.cleaned_data[f"version_{value.id}"],
                )
            )
        return edits

    def top_errors(self) -> list[str]:
        """Errors not beside a visible field: the form's own, and a missing version."""
        errors = [str(e) for e in self.non_field_errors()]
        if any(field.errors for field in self.hidden_fields()):
            errors.append(
                str(_("Het versienummer ontbreekt of klopt niet; laad de pagina opnieuw."))
            )
        return errors

    def add_document_errors(self, invalid: DocumentInvalid) -> None:
        """The service's errors (``goed_wonen.weight``) beside their fields, else on top."""
        add_document_errors(self, invalid, field_for=_interest_field)


def _interest_field(path: str) -> str:
    """``goed_wonen.weight`` → the form's field ``weight_goed_wonen``."""
    value, _dot, field = path.partition(".")
    return f"{field}_{value}"
