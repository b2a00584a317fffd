"""The form that draws up a version of the partners' agreement: the texts the numbers cannot
say, labelled and bounded by the project file's declaration (:mod:`stuurknop.projectfile.
agreement`): how the partners decide on changes, and per party its hours per year and its own
words. The rest of a version comes from the chosen scenario."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from stuurknop.projectfile.agreement import AgreementContent, AgreementParty
from stuurknop.web.projects.models import ProjectParty


def _declared(schema: Any, name: str) -> tuple[str, str]:
    info = schema.model_fields[name]
    return str(info.title).capitalize(), str(info.description or "")


class AgreementForm(forms.Form):
    def __init__(self, *args: Any, parties: Sequence[ProjectParty], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parties = list(parties)
        label, help_text = _declared(AgreementContent, "changes")
        self.fields["changes"] = forms.CharField(
            label=label,
            help_text=help_text,
            required=False,
            max_length=20_000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        hours_label, hours_help = _declared(AgreementParty, "hours_per_year")
        words_label, words_help = _declared(AgreementParty, "commitment")
        for party in self.parties:
            self.fields[f"uren_{party.pk}"] = forms.IntegerField(
                label=f"{party.name}: {hours_label.lower()}",
                help_text=hours_help,
                required=False,
                min_value=0,
                max_value=1_000_000,
            )
            self.fields[f"inzet_{party.pk}"] = forms.CharField(
                label=f"{party.name}: {words_label.lower()}",
                help_text=words_help,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def data_for_service(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "changes": data.get("changes", ""),
            "hours": {
                p.key: data[f"uren_{p.pk}"]
                for p in self.parties
                if data.get(f"uren_{p.pk}") is not None
            },
            "commitments": {
                p.key: data[f"inzet_{p.pk}"] for p in self.parties if data.get(f"inzet_{p.pk}")
            },
        }
