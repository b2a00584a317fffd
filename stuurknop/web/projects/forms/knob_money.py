"""The forms for a knob's cost items and funding lines, edited in place on its worksheet."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import CostKind
from stuurknop.web.projects.forms.knobs import (
    EuroField,
    WorksheetForm,
    party_choices,
    version_field,
)
from stuurknop.web.projects.models import CostItem, Project, ProjectParty
from stuurknop.web.vocabulary import COST_KINDS, FUNDING_STATUSES

MAX_YEARS = 100  # the document's Years
# The model's word for a yearly cost ("per jaar"), as the kind's choice shows it.
YEARLY = dict(COST_KINDS)[CostKind.JAARLIJKS.value]


def year_field(
    project: Project, *, label: StrOrPromise, required: bool, help_text: StrOrPromise = ""
) -> Any:
    """A calendar year within the project's horizon."""
    first, last = project.first_year, project.first_year + project.horizon_years - 1
    message = gettext_now("Kies een jaar binnen de looptijd van het project (%(first)s–%(last)s).")
    message = message % {"first": first, "last": last}
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=first,
        max_value=last,
        help_text=help_text,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def years_field(help_text: StrOrPromise) -> forms.IntegerField:
    message = gettext_now("Vul een aantal jaren in van 1 tot en met %(max)s.") % {"max": MAX_YEARS}
    return forms.IntegerField(
        label=_("Aantal jaren"),
        required=False,
        min_value=1,
        max_value=MAX_YEARS,
        help_text=help_text,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
    )


class CostItemForm(WorksheetForm):
    """A cost item of this knob; ``versioned`` for an edit of an existing one."""

    description = forms.CharField(label=_("Omschrijving"), max_length=200)
    kind = forms.ChoiceField(label=_("Soort"), choices=COST_KINDS)
    amount = EuroField(
        label=_("Bedrag in euro"),
        help_text=_("Bij ‘%(yearly)s’: het bedrag per jaar.") % {"yearly": YEARLY},
    )

    def __init__(
        self,
        *args: Any,
        project: Project,
        parties: Sequence[ProjectParty],
        versioned: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_year"] = year_field(project, label=_("Eerste jaar"), required=True)
        self.fields["years"] = years_field(
            _("Alleen bij ‘%(yearly)s’. Leeg laten: de kosten lopen door (structureel).")
            % {"yearly": YEARLY}
        )
        self.fields["party"] = forms.ChoiceField(
            label=_("Wie maakt de kosten?"),
            required=False,
            choices=party_choices(parties, gettext_now("de trekker van deze knop")),
        )
        if versioned:
            self.fields["version"] = version_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == CostKind.EENMALIG.value and data.get("years") is not None:
            self.add_error("years", _("Een eenmalige kostenpost heeft geen aantal jaren."))
        return data

    def cost_item(self) -> dict[str, Any]:
        """The cleaned input in the document's form (as the money services take it)."""
        data = self.cleaned_data
        return {
            "description": data["description"],
            "kind": data["kind"],
            "amount": data["amount"],
            "first_year": data["first_year"],
            "years": data["years"],
            "party": data["party"] or None,
        }

    @staticmethod
    def initial_for(item: dict[str, Any], version: int | None = None) -> dict[str, Any]:
        initial = {**item, "amount": Decimal(item["amount"]), "party": item.get("party") or ""}
        if version is not None:
            initial["version"] = version
        return initial


class FundingLineForm(WorksheetForm):
    """A funding line towards one of this knob's cost items."""

    amount = EuroField(
        label=_("Bedrag in euro"),
        help_text=_("Per jaar als de kostenpost per jaar is, anders eenmalig."),
    )
    status = forms.ChoiceField(label=_("Hoe zeker is dit geld?"), choices=FUNDING_STATUSES)

    def __init__(
        self,
        *args: Any,
        project: Project,
        model: Model,
        parties: Sequence[ProjectParty],
        cost_items: Sequence[CostItem],
        versioned: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = {item.key: item.kind for item in cost_items}
        self.fields["cost_item"] = forms.ChoiceField(
            label=_("Voor kostenpost"),
            choices=[(item.key, item.description) for item in cost_items],
        )
        self.fields["party"] = forms.ChoiceField(
            label=_("Wie betaalt?"), choices=party_choices(parties, None)
        )
        self.fields["source"] = forms.ChoiceField(
            label=_("Uit welke bron?"),
            choices=[(s.numeral, source_label(s.numeral, model)) for s in model.sources],
            help_text=_("De tien bronnen I–X van het model; ‘tijdelijk’ geld stopt op een dag."),
        )
        self.fields["first_year"] = year_field(
            project,
            label=_("Vanaf jaar"),
            required=False,
            help_text=_("Leeg laten: vanaf het eerste jaar van de kostenpost."),
        )
        self.fields["years"] = years_field(
            _("Leeg laten: zolang de kostenpost loopt. Niet bij een eenmalige kostenpost.")
        )
        self.order_fields(["cost_item", "party", "source", "amount", "first_year", "years"])
        if versioned:
            self.fields["version"] = version_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = self.kinds.get(data.get("cost_item", ""))
        if kind == CostKind.EENMALIG.value and data.get("years") is not None:
            self.add_error(
                "years", _("Financiering van een eenmalige kostenpost heeft geen aantal jaren.")
            )
        return data

    def funding_line(self) -> dict[str, Any]:
        """The cleaned input in the document's form (as the money services take it)."""
        data = self.cleaned_data
        return {
            key: data[key]
            for key in ("cost_item", "party", "source", "amount", "first_year", "years", "status")
        }

    @staticmethod
    def initial_for(line: dict[str, Any], version: int | None = None) -> dict[str, Any]:
        initial = {**line, "amount": Decimal(line["amount"])}
        if version is not None:
            initial["version"] = version
        return initial


def source_label(numeral: str, model: Model) -> str:
    """``III – Tijdelijke subsidie of financiële bijdrage (tijdelijk)``."""
    source = model.source_by_numeral(numeral)
    label = f"{source.numeral} – {source.name}"
    if source.temporary:
        label += " (" + gettext_now("tijdelijk") + ")"
    return label


class DeleteForm(WorksheetForm):
    """A delete carries the version the editor saw, like an edit."""

    version = version_field()
