"""The portfolio's filters and sorting: a GET form, so it works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel import load_model
from stuurknop.web.portfolio.selectors import SORTS, Filters
from stuurknop.web.vocabulary import PHASES

SORT_LABELS = {
    "naam": _("naam"),
    "gemeente": _("gemeente"),
    "fase": _("fase"),
    "jaar": _("eerste jaar"),
    "woningen": _("aantal woningen (meeste eerst)"),
}


def _any(label: str) -> list[tuple[str, str]]:
    return [("", label)]


class PortfolioFilterForm(forms.Form):
    fase = forms.ChoiceField(label=_("Fase"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    partner = forms.TypedChoiceField(
        label=_("Partner aan tafel"), required=False, coerce=int, empty_value=None
    )
    stuurknop = forms.TypedChoiceField(
        label=_("Stuurknop staat aan"), required=False, coerce=int, empty_value=None
    )
    bron = forms.ChoiceField(label=_("Wij betalen uit bron"), required=False)
    sorteer = forms.ChoiceField(label=_("Sorteer op"), required=False)
    pagina = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        data: Any,
        *,
        municipalities: list[str],
        partners: list[tuple[int, str]],
    ) -> None:
        super().__init__(data)
        model = load_model()
        choices: dict[str, list[tuple[str, str]]] = {
            "fase": _any(str(_("alle fasen"))) + [(key, word.capitalize()) for key, word in PHASES],
            "gemeente": _any(str(_("alle gemeenten"))) + [(m, m) for m in municipalities],
            "partner": _any(str(_("alle partners"))) + [(str(pk), n) for pk, n in partners],
            "stuurknop": _any(str(_("alle stuurknoppen")))
            + [(str(k.number), f"{k.number}. {k.name}") for k in model.knobs],
            "bron": _any(str(_("alle bronnen")))
            + [(s.numeral, f"{s.numeral}. {s.name}") for s in model.sources],
            "sorteer": [(key, str(SORT_LABELS[key])) for key in SORTS],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def filters(self) -> Filters:
        """The valid choices as :class:`Filters` (call after ``is_valid()``)."""
        data = self.cleaned_data
        return Filters(
            phase=data.get("fase") or "",
            municipality=data.get("gemeente") or "",
            partner=data.get("partner"),
            knob=data.get("stuurknop"),
            source=data.get("bron") or "",
            sort=data.get("sorteer") or "naam",
            page=data.get("pagina") or 1,
        )
