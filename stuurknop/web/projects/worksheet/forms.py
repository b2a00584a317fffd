"""The form of a stuurknop on its worksheet page, and what the worksheet's forms share.

The forms check what a person can get wrong (a missing stand, a text too long) with a Dutch
message beside the field; the service checks the rest against the document schema and the
model, and :func:`add_document_errors` puts those messages beside the fields as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import KnobStatus
from stuurknop.web.projects.forms.declared import declared_fields, item_field
from stuurknop.web.projects.forms.errors import add_document_errors as add_errors
from stuurknop.web.projects.forms.euro import EuroField as EuroField
from stuurknop.web.projects.forms.euro import parse_euro as parse_euro
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.vocabulary import KNOB_OPENINGS, KNOB_STATUSES

# The document's Opening runs from 1 to 3 (stuurknop.projectfile.schema.Opening); the words
# are the model's (scales.yaml): "stand 2 – gemiddeld".
OPENINGS = [(int(key), f"stand {label}") for key, label in KNOB_OPENINGS]

_PATH_PART = re.compile(r"(?P<name>[A-Za-z_]+)(?:\[(?P<index>\d+)\])*$")


class WorksheetForm(forms.Form):
    """A form of the worksheet: errors of hidden fields are shown at the top of the form."""

    def top_errors(self) -> list[str]:
        errors = [str(e) for e in self.non_field_errors()]
        for field in self.hidden_fields():
            errors += [
                str(_("Het versienummer ontbreekt of klopt niet; laad de pagina opnieuw."))
                for _e in field.errors
            ]
        return errors


def field_for_path(path: str) -> tuple[str, int | None]:
    """The field a document error is about: ``scenarios[0].costs[2].first_year`` → first_year.

    Returns the field's name and, for a list (``answers[1]``), the position in it.
    """
    last = path.rsplit(".", 1)[-1]
    match = _PATH_PART.match(last)
    if match is None:
        return "", None
    index = re.findall(r"\[(\d+)\]", last)
    return match["name"], int(index[0]) if index else None


def worksheet_field(path: str) -> str:
    """The worksheet field a document error is about; ``answers[1]`` → ``answer_2``."""
    name, index = field_for_path(path)
    if name == "answers" and index is not None:
        return f"answer_{index + 1}"
    return name


def add_document_errors(form: forms.Form, invalid: DocumentInvalid) -> None:
    """Put each of the service's errors beside the worksheet field it is about."""
    add_errors(form, invalid, field_for=worksheet_field)


def version_field() -> forms.IntegerField:
    """The version of the row the editor loaded, sent back to detect a lost update."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def party_choices(parties: Sequence[ProjectParty], empty: str | None) -> list[tuple[str, str]]:
    choices = [("", empty)] if empty is not None else []
    for party in parties:
        name = (
            party.name if party.at_table else _("%(name)s (niet aan tafel)") % {"name": party.name}
        )
        choices.append((party.key, str(name)))
    return choices


class KnobSettingForm(WorksheetForm):
    """Status, stand, elaboration, lead party, intended routes and the three answers: the
    fields of the project file's knob setting, each asked as a question (bounds and any field
    the form does not build come from the declaration, :mod:`.declared`)."""

    schema = doc.KnobSetting
    not_edited = ("knob",)  # the page's
    questions: Mapping[str, StrOrPromise] = {
        "status": _("Staat deze stuurknop aan?"),
        "opening": _("Hoe ver staat de knop open?"),
        "elaboration": _("Uitwerking voor dit project"),
        "lead_party": _("Trekker (partij die het oppakt)"),
        "routes": _("Via welke routes moet deze knop werken?"),
    }
    help_texts: Mapping[str, StrOrPromise] = {
        "opening": _("Alleen nodig als de knop aan staat."),
        "routes": _("Alleen de routes waarlangs deze knop volgens het model kan werken."),
    }
    version = version_field()

    def __init__(
        self,
        *args: Any,
        model: Model,
        knob: Knob,
        parties: Sequence[ProjectParty],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "knop_%s")
        super().__init__(*args, **kwargs)
        built: dict[str, forms.Field] = {
            "status": forms.ChoiceField(choices=KNOB_STATUSES, widget=forms.RadioSelect),
            "opening": forms.TypedChoiceField(
                choices=OPENINGS,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            ),
            "lead_party": forms.ChoiceField(
                required=False, choices=party_choices(parties, str(_("nog geen trekker")))
            ),
            "routes": forms.MultipleChoiceField(
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(route, model.route(route).name) for route in knob.route_ids()],
            ),
        }
        declared = declared_fields(
            self.schema,
            [name for name in self.edited() if name != "answers"],
            built=built,
            labels=self.questions,
            help_texts=self.help_texts,
        )
        declared["elaboration"].widget.attrs["rows"] = 5
        self.fields = {**declared, "version": self.fields["version"]}
        # The model's conversation questions; the document holds at most three answers.
        self.questions_asked = list(model.conversation_questions[:3])
        for i, question in enumerate(self.questions_asked, start=1):
            answer = item_field(self.schema, "answers")
            answer.label, answer.widget.attrs["rows"] = question, 3
            self.fields[f"answer_{i}"] = answer

    @classmethod
    def edited(cls) -> list[str]:
        return [name for name in cls.schema.model_fields if name not in cls.not_edited]

    def setting_fields(self) -> list[forms.BoundField]:
        """The setting's fields in the project file's order, but the answers (asked below)."""
        return [self[name] for name in self.edited() if name != "answers"]

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[f"answer_{i}"] for i in range(1, len(self.questions_asked) + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == KnobStatus.AAN.value:
            if data.get("opening") is None and "opening" not in self.errors:
                self.add_error("opening", _("Kies hoe ver de knop open staat: stand 1, 2 of 3."))
        else:
            # A stand belongs to a knob that is on; a radio button cannot be unticked, so a
            # stand left ticked while switching the knob off is dropped rather than refused.
            data["opening"] = None
        return data

    def setting(self) -> dict[str, Any]:
        """The cleaned input in the document's form (as ``knob_setting_update`` takes it)."""
        data = self.cleaned_data
        answers = [data.get(f"answer_{i}", "") for i in range(1, len(self.questions_asked) + 1)]
        while answers and not answers[-1]:
            answers.pop()
        fields = self.schema.model_fields
        values = {}
        for name in self.edited():
            value = answers if name == "answers" else data[name]
            # An empty choice is the document's None where the field may be empty.
            values[name] = None if value == "" and fields[name].default is None else value
        return values

    @classmethod
    def initial_for(cls, setting: dict[str, Any], version: int) -> dict[str, Any]:
        """The form's initial values for a setting in the document's form."""
        initial: dict[str, Any] = {
            name: "" if name == "lead_party" and setting[name] is None else setting[name]
            for name in cls.edited()
            if name != "answers"
        }
        initial["version"] = version
        for i, answer in enumerate(setting["answers"], start=1):
            initial[f"answer_{i}"] = answer
        return initial
