"""The public form: one 0–3 question per item of the model's questionnaire, the help question,
an open remark, and a honeypot field that people never see and bots fill in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from stuurknop.gespreksmodel.schema import QuestionnaireItem
from stuurknop.web.residents.models import REMARK_MAX, HelpOrganise
from stuurknop.web.vocabulary import scale_word

HONEYPOT = "website"  # a name bots like to fill in


def score_labels() -> list[tuple[str, str]]:
    """The answers to "how much does this matter to you?", with words, and "no answer"."""
    # The words are the model's 0–3 importance scale (scales.yaml), highest first for residents.
    words = [(str(key), scale_word("weight", key).capitalize()) for key in (3, 2, 1, 0)]
    return [*words, ("", _("Geen antwoord"))]


def help_labels() -> list[tuple[str, StrOrPromise]]:
    return [*HelpOrganise.choices, ("", _("Geen antwoord"))]


@dataclass(frozen=True)
class ItemField:
    item: QuestionnaireItem
    field: forms.BoundField


class ResidentForm(forms.Form):
    help_organise = forms.ChoiceField(required=False, widget=forms.RadioSelect)
    remark = forms.CharField(
        label=gettext_lazy("Wilt u nog iets kwijt?"),
        required=False,
        max_length=REMARK_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": gettext_lazy(
                "Uw opmerking is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
            )
        },
    )
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args: Any, items: tuple[QuestionnaireItem, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"score_{item.id}"] = forms.ChoiceField(
                label=item.label, required=False, choices=score_labels(), widget=forms.RadioSelect
            )
        help_organise = self.fields["help_organise"]
        assert isinstance(help_organise, forms.ChoiceField)  # declared above
        help_organise.choices = help_labels()

    def item_fields(self) -> list[ItemField]:
        return [ItemField(item, self[f"score_{item.id}"]) for item in self.items]

    def is_bot(self) -> bool:
        """The honeypot is filled in: no person sees that field."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def scores(self) -> dict[str, int]:
        return {
            item.id: int(self.cleaned_data[f"score_{item.id}"])
            for item in self.items
            if self.cleaned_data.get(f"score_{item.id}") not in (None, "")
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        empty = not any(cleaned.get(f"score_{item.id}") for item in self.items)
        if empty and not cleaned.get("help_organise") and not cleaned.get("remark"):
            raise forms.ValidationError(
                _("U heeft nog niets ingevuld. Beantwoord minstens één vraag."), code="empty"
            )
        return cleaned
