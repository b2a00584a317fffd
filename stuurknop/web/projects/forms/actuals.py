"""The form for an amount of realised money, and the form that uploads a file of them.

The fields, labels, help and bounds are the project file's (:class:`Actual`); the form builds
the choices of the scenario's cost items and funding lines and the year within the horizon.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.models import CostItem, FundingLine, Project
from stuurknop.web.projects.worksheet.forms import version_field
from stuurknop.web.projects.worksheet.money_forms import RowForm, year_field


def funding_line_label(line: FundingLine) -> str:
    """``Gemeente, bron I, voor 'Huur'``: a funding line as people know it."""
    return f"{line.party.name}, bron {line.source}, voor ‘{line.cost_item.description}’"


class ActualForm(RowForm):
    """An amount spent on a cost item or received on a funding line in a year."""

    schema = doc.Actual
    questions = {
        "cost_item": _("Uitgegeven aan kostenpost"),
        "funding_line": _("Of: ontvangen op financiering"),
        "amount": _("Bedrag in euro"),
    }

    def __init__(
        self,
        *args: Any,
        project: Project,
        cost_items: Sequence[CostItem],
        funding_lines: Sequence[FundingLine],
        versioned: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        none = [("", "—")]
        self.declare(
            built={
                "cost_item": forms.ChoiceField(
                    required=False,
                    choices=none + [(c.key, c.description) for c in cost_items],
                ),
                "funding_line": forms.ChoiceField(
                    required=False,
                    choices=none + [(f.key, funding_line_label(f)) for f in funding_lines],
                ),
                "year": year_field(project, required=True),
            },
            help_texts={
                "cost_item": _("Bij geld dat is uitgegeven."),
                "funding_line": _("Bij geld dat is ontvangen. Kies één van beide."),
            },
        )
        if versioned:
            self.fields["version"] = version_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("cost_item")) == bool(data.get("funding_line")):
            self.add_error(
                "cost_item", _("Kies een kostenpost óf een financiering (precies één van beide).")
            )
        return data

    def actual(self) -> dict[str, Any]:
        return self.document_values()

    @staticmethod
    def initial_for(actual: dict[str, Any], version: int | None = None) -> dict[str, Any]:
        initial = {
            **actual,
            "amount": Decimal(actual["amount"]),
            "cost_item": actual.get("cost_item") or "",
            "funding_line": actual.get("funding_line") or "",
        }
        if version is not None:
            initial["version"] = version
        return initial


class ActualsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        help_text=_("Een .csv- of .xlsx-bestand van hoogstens 2 MB, met de kolommen hieronder."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
