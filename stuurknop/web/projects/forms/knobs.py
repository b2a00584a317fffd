"""The form of a stuurknop on its worksheet page, and what the worksheet's forms share.

The forms check what a person can get wrong (a missing stand, a text too long) with a Dutch
message beside the field; the service checks the rest against the document schema and the
model, and :func:`add_document_errors` puts those messages beside the fields as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.schema import KnobStatus
from stuurknop.web.projects.forms.errors import add_document_errors as add_errors
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.vocabulary import KNOB_OPENINGS, KNOB_STATUSES

# The document's Opening runs from 1 to 3 (stuurknop.projectfile.schema.Opening); the words
# are the model's (scales.yaml): "stand 2 – gemiddeld".
OPENINGS = [(int(key), f"stand {label}") for key, label in KNOB_OPENINGS]
LONG_TEXT = 20_000  # the document's LongText
MAX_AMOUNT = Decimal("100000000")

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


def parse_euro(text: str) -> Decimal | None:
    """A Dutch amount as people type it: ``12500``, ``12.500``, ``12.500,50`` or ``€ 12500.5``.

    A point followed by exactly three digits groups thousands (``1.500`` is fifteen hundred),
    as in Dutch writing; otherwise a point or a comma separates the cents.
    """
    plain = re.sub(r"[\s\u00a0€]", "", text)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?|\d+(,\d{1,2})?", plain):
        plain = plain.replace(".", "").replace(",", ".")
    elif not re.fullmatch(r"\d+\.\d{1,2}", plain):
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the patterns admit digits only
        return None


class EuroField(forms.Field):
    """An amount in euros with at most cents, from 0 to € 100.000.000."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Vul een bedrag in, bijvoorbeeld 12.500 of 12.500,50."),
        "negative": _("Een bedrag kan niet negatief zijn."),
        "too_large": _("Een bedrag mag hoogstens € 100.000.000 zijn."),
    }

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, Decimal):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        if text.lstrip("€ \u00a0").startswith("-"):
            raise ValidationError(self.error_messages["negative"], code="negative")
        amount = parse_euro(text)
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and value > MAX_AMOUNT:
            raise ValidationError(self.error_messages["too_large"], code="too_large")

    def prepare_value(self, value: Any) -> Any:
        # An amount from the database shows the Dutch way; what someone typed stays as typed.
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            amount = Decimal(value)
            whole = amount == amount.to_integral_value()
            return (f"{amount:.0f}" if whole else f"{amount:.2f}").replace(".", ",")
        return value


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
    """Status, stand, elaboration, lead party, intended routes and the three answers."""

    status = forms.ChoiceField(
        label=_("Staat deze stuurknop aan?"), choices=KNOB_STATUSES, widget=forms.RadioSelect
    )
    opening = forms.TypedChoiceField(
        label=_("Hoe ver staat de knop open?"),
        choices=OPENINGS,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=_("Alleen nodig als de knop aan staat."),
    )
    elaboration = forms.CharField(
        label=_("Uitwerking voor dit project"),
        max_length=LONG_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    lead_party = forms.ChoiceField(label=_("Trekker (partij die het oppakt)"), required=False)
    routes = forms.MultipleChoiceField(
        label=_("Via welke routes moet deze knop werken?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen de routes waarlangs deze knop volgens het model kan werken."),
    )
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
        lead_party, routes = self.fields["lead_party"], self.fields["routes"]
        assert isinstance(lead_party, forms.ChoiceField)  # both declared above
        assert isinstance(routes, forms.ChoiceField)
        lead_party.choices = party_choices(parties, str(_("nog geen trekker")))
        routes.choices = [(route, model.route(route).name) for route in knob.route_ids()]
        # The model's conversation questions; the document holds at most three answers.
        self.questions = list(model.conversation_questions[:3])
        for i, question in enumerate(self.questions, start=1):
            self.fields[f"answer_{i}"] = forms.CharField(
                label=question,
                max_length=LONG_TEXT,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[f"answer_{i}"] for i in range(1, len(self.questions) + 1)]

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
        answers = [data.get(f"answer_{i}", "") for i in range(1, len(self.questions) + 1)]
        while answers and not answers[-1]:
            answers.pop()
        return {
            "status": data["status"],
            "opening": data["opening"],
            "elaboration": data["elaboration"],
            "lead_party": data["lead_party"] or None,
            "routes": list(data["routes"]),
            "answers": answers,
        }

    @staticmethod
    def initial_for(setting: dict[str, Any], version: int) -> dict[str, Any]:
        """The form's initial values for a setting in the document's form."""
        initial = {
            "status": setting["status"],
            "opening": setting["opening"],
            "elaboration": setting["elaboration"],
            "lead_party": setting["lead_party"] or "",
            "routes": list(setting["routes"]),
            "version": version,
        }
        for i, answer in enumerate(setting["answers"], start=1):
            initial[f"answer_{i}"] = answer
        return initial
