"""The public form: one 0–3 question per item of the model's questionnaire, the help question,
an open remark, and a honeypot field that people never see and bots fill in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.library import Instrument, InstrumentKind
from stuurknop.gespreksmodel.schema import QuestionnaireItem
from stuurknop.presentation.instruments import answer_word
from stuurknop.web.residents.models import REMARK_MAX, HelpOrganise
from stuurknop.web.vocabulary import scale_word

HONEYPOT = "website"  # a name bots like to fill in
_MODEL = load_model()  # the words of the instruments' answers (every version has the same)


def score_labels() -> list[tuple[str, str]]:
    """The answers to "how much does this matter to you?", with words, and "no answer"."""
    # The words are the model's 0–3 importance scale (scales.yaml), highest first for residents.
    words = [(str(key), scale_word("weight", key).capitalize()) for key in (3, 2, 1, 0)]
    return [*words, ("", _("Geen antwoord"))]


def help_labels() -> list[tuple[str, StrOrPromise]]:
    return [*HelpOrganise.choices, ("", _("Geen antwoord"))]


def _item_field(instrument: Instrument, item_id: str) -> str:
    return f"instrument_{instrument.id}_{item_id}"


def _mark_field(instrument: Instrument) -> str:
    return f"instrument_{instrument.id}"


@dataclass(frozen=True)
class InstrumentPart:
    instrument: Instrument
    fields: list[forms.BoundField]


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

    def __init__(
        self,
        *args: Any,
        items: tuple[QuestionnaireItem, ...],
        instruments: tuple[Instrument, ...] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        self.instruments = instruments
        for item in items:
            self.fields[f"score_{item.id}"] = forms.ChoiceField(
                label=item.label, required=False, choices=score_labels(), widget=forms.RadioSelect
            )
        none = ("", _("Geen antwoord"))
        for instrument in instruments:
            if instrument.kind is InstrumentKind.CIJFER:
                marks = [(str(n), str(n)) for n in range(instrument.lowest, instrument.highest + 1)]
                self.fields[_mark_field(instrument)] = forms.ChoiceField(
                    label=instrument.question or "",
                    required=False,
                    choices=[*marks, none],
                    widget=forms.RadioSelect,
                )
                continue
            words = [(key, answer_word(_MODEL, instrument, key)) for key in instrument.answers]
            for statement in instrument.items:
                self.fields[_item_field(instrument, statement.id)] = forms.ChoiceField(
                    label=statement.text or "",
                    required=False,
                    choices=[*[(k, w.capitalize()) for k, w in words], none],
                    widget=forms.RadioSelect,
                )

        help_organise = self.fields["help_organise"]
        assert isinstance(help_organise, forms.ChoiceField)  # declared above
        help_organise.choices = help_labels()

    def instrument_parts(self) -> list[InstrumentPart]:
        """Per instrument of the round its fields, in the published order."""
        parts = []
        for instrument in self.instruments:
            if instrument.kind is InstrumentKind.CIJFER:
                fields = [self[_mark_field(instrument)]]
            else:
                fields = [self[_item_field(instrument, i.id)] for i in instrument.items]
            parts.append(InstrumentPart(instrument, fields))
        return parts

    def instrument_answers(self) -> dict[str, object]:
        """Per instrument the answers given: a scale's item id → answer key, a mark's number."""
        given: dict[str, object] = {}
        for instrument in self.instruments:
            if instrument.kind is InstrumentKind.CIJFER:
                mark = self.cleaned_data.get(_mark_field(instrument))
                if mark:
                    given[instrument.id] = int(mark)
                continue
            answers = {
                i.id: self.cleaned_data[_item_field(instrument, i.id)]
                for i in instrument.items
                if self.cleaned_data.get(_item_field(instrument, i.id))
            }
            if answers:
                given[instrument.id] = answers
        return given

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
        empty = empty and not self.instrument_answers()
        if empty and not cleaned.get("help_organise") and not cleaned.get("remark"):
            raise forms.ValidationError(
                _("U heeft nog niets ingevuld. Beantwoord minstens één vraag."), code="empty"
            )
        return cleaned
