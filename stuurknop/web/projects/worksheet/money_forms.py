"""The forms for a knob's cost items and funding lines, edited in place on its worksheet.

Their fields, labels, help and bounds are the project file's (:mod:`.declared`); a form builds
only what needs the project or the model (the parties, the horizon, the model's words).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from pydantic import BaseModel

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import CostKind
from stuurknop.web.projects.forms.declared import declared_fields
from stuurknop.web.projects.models import CostItem, Project, ProjectParty
from stuurknop.web.projects.worksheet.forms import (
    WorksheetForm,
    party_choices,
    version_field,
)
from stuurknop.web.vocabulary import COST_KINDS, FUNDING_STATUSES

MAX_YEARS = 100  # the document's Years
# The model's word for a yearly cost ("per jaar"), as the kind's choice shows it.
YEARLY = dict(COST_KINDS)[CostKind.JAARLIJKS.value]


def year_field(project: Project, *, required: bool) -> Any:
    """A calendar year within the project's horizon."""
    first, last = project.first_year, project.first_year + project.horizon_years - 1
    message = gettext_now("Kies een jaar binnen de looptijd van het project (%(first)s–%(last)s).")
    message = message % {"first": first, "last": last}
    return forms.IntegerField(
        required=required,
        min_value=first,
        max_value=last,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def years_field() -> forms.IntegerField:
    message = gettext_now("Vul een aantal jaren in van 1 tot en met %(max)s.") % {"max": MAX_YEARS}
    return forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_YEARS,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
    )


class RowForm(WorksheetForm):
    """A row of the worksheet: its fields are its class's in the project file (see
    :mod:`.declared`), but for ``not_edited`` (made by the service or the page)."""

    schema: type[BaseModel]
    not_edited: tuple[str, ...] = ("id",)
    questions: Mapping[str, StrOrPromise] = {}  # fields the form asks as a question

    def declare(self, *, built: dict[str, forms.Field], **help: Any) -> None:
        self.fields.update(
            declared_fields(self.schema, self.edited(), built=built, labels=self.questions, **help)
        )

    @classmethod
    def edited(cls) -> list[str]:
        return [name for name in cls.schema.model_fields if name not in cls.not_edited]

    def document_values(self) -> dict[str, Any]:
        """The cleaned input in the document's form (as the services take it)."""
        values = {name: self.cleaned_data[name] for name in self.edited()}
        fields = self.schema.model_fields
        # An empty choice is the document's None where the field may be empty.
        return {
            name: None if value == "" and fields[name].default is None else value
            for name, value in values.items()
        }


class CostItemForm(RowForm):
    """A cost item of this knob; ``versioned`` for an edit of an existing one."""

    schema = doc.CostItem
    not_edited = ("id", "knob")  # the id is made by the service, the knob is the page's
    questions = {"amount": _("Bedrag in euro"), "party": _("Wie maakt de kosten?")}

    def __init__(
        self,
        *args: Any,
        project: Project,
        parties: Sequence[ProjectParty],
        versioned: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.declare(
            built={
                "kind": forms.ChoiceField(choices=COST_KINDS),
                "first_year": year_field(project, required=True),
                "years": years_field(),
                "party": forms.ChoiceField(
                    required=False,
                    choices=party_choices(parties, gettext_now("de trekker van deze knop")),
                ),
            },
            help_texts={
                "amount": _("Bij ‘%(yearly)s’: het bedrag per jaar.") % {"yearly": YEARLY},
                "years": _(
                    "Alleen bij ‘%(yearly)s’. Leeg laten: de kosten lopen door (structureel)."
                )
                % {"yearly": YEARLY},
            },
        )
        if versioned:
            self.fields["version"] = version_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == CostKind.EENMALIG.value and data.get("years") is not None:
            self.add_error("years", _("Een eenmalige kostenpost heeft geen aantal jaren."))
        return data

    def cost_item(self) -> dict[str, Any]:
        return self.document_values()

    @staticmethod
    def initial_for(item: dict[str, Any], version: int | None = None) -> dict[str, Any]:
        initial = {**item, "amount": Decimal(item["amount"]), "party": item.get("party") or ""}
        if version is not None:
            initial["version"] = version
        return initial


class FundingLineForm(RowForm):
    """A funding line towards one of this knob's cost items."""

    schema = doc.FundingLine
    # Who committed the money is the service's to say (services/commitments.py), never a field.
    not_edited = ("id", "commitment", "request")
    questions = {
        "cost_item": _("Voor kostenpost"),
        "party": _("Wie betaalt?"),
        "source": _("Uit welke bron?"),
        "amount": _("Bedrag in euro"),
        "first_year": _("Vanaf jaar"),
        "status": _("Hoe zeker is dit geld?"),
    }

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
        self.declare(
            built={
                "cost_item": forms.ChoiceField(
                    choices=[(item.key, item.description) for item in cost_items]
                ),
                "party": forms.ChoiceField(choices=party_choices(parties, None)),
                "source": forms.ChoiceField(
                    choices=[(s.numeral, source_label(s.numeral, model)) for s in model.sources]
                ),
                "first_year": year_field(project, required=False),
                "years": years_field(),
                "status": forms.ChoiceField(choices=_statuses()),
            },
            help_texts={"status": ASK_HELP},
        )
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
        return self.document_values()

    @staticmethod
    def initial_for(line: dict[str, Any], version: int | None = None) -> dict[str, Any]:
        initial = {**line, "amount": Decimal(line["amount"])}
        if version is not None:
            initial["version"] = version
        return initial


# Only the paying party commits its money; anyone else's toegezegd asks it to confirm.
ASK_HELP = _(
    "Alleen wie voor de betalende partij spreekt, zegt geld toe. Spreekt u niet voor die "
    "partij, dan vraagt Stuurknop haar om bevestiging; tot dan blijft het geld in gesprek."
)


def _statuses() -> list[tuple[str, str]]:
    """The statuses, the committed one also said as what it is for others: a request."""
    ask = gettext_now("Vraag bevestiging")
    return [
        (key, f"{word} / {ask}" if key == doc.FundingStatus.TOEGEZEGD.value else word)
        for key, word in FUNDING_STATUSES
    ]


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
