"""The form of an organisation's positions, made from the declaration and the model.

One group of fields per knob (how far, which role) and per source the organisation's type may
pay from (whether, up to what amount, per year or per project); labels, help and bounds from
:mod:`stuurknop.projectfile.positions`, the words of every choice from ``scales.yaml``. The form
turns its fields into the declaration's data and back; the declaration validates.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.strategy import NO_POSITION
from stuurknop.projectfile.errors import DocumentError
from stuurknop.projectfile.positions import KnobPosition, Positions, SourcePosition
from stuurknop.web.projects.forms.declared import declared_fields
from stuurknop.web.projects.forms.euro import EuroField
from stuurknop.web.vocabulary import scale_choices, word_choices

YES, NO = "ja", "nee"


def _knob(n: int, name: str) -> str:
    return f"knob_{n}_{name}"


def _source(numeral: str, name: str) -> str:
    return f"source_{numeral}_{name}"


class PositionsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, model: Model, party_type: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.model = model
        self.knob_groups: list[tuple[int, str, list[str]]] = []
        self.source_groups: list[tuple[str, str, str, list[str]]] = []
        no_position = [("", NO_POSITION)]
        for knob in model.knobs:
            fields = declared_fields(
                KnobPosition,
                ["max_opening", "role"],
                built={
                    "max_opening": forms.TypedChoiceField(
                        choices=scale_choices("opening"),
                        coerce=int,
                        initial=KnobPosition.model_fields["max_opening"].default,
                    ),
                    "role": forms.ChoiceField(
                        choices=no_position + word_choices("position_role"), required=False
                    ),
                },
            )
            names = [_knob(knob.number, name) for name in fields]
            self.fields.update({_knob(knob.number, n): f for n, f in fields.items()})
            self.knob_groups.append((knob.number, knob.name, names))
        for source in model.sources:
            if party_type not in source.party_types:
                continue  # the model lets this type not pay from it (seed 001, "Investeringen")
            fields = declared_fields(
                SourcePosition,
                ["pays", "ceiling", "basis"],
                built={
                    "pays": forms.ChoiceField(
                        choices=[*no_position, (YES, _("ja")), (NO, _("nee"))], required=False
                    ),
                    "ceiling": EuroField(required=False),
                    "basis": forms.ChoiceField(
                        choices=word_choices("ceiling_basis"),
                        initial=SourcePosition.model_fields["basis"].default.value,
                    ),
                },
            )
            names = [_source(source.numeral, name) for name in fields]
            self.fields.update({_source(source.numeral, n): f for n, f in fields.items()})
            self.source_groups.append((source.numeral, source.name, source.caveat or "", names))
        self.fields.update(
            declared_fields(
                Positions,
                ["required_party_types", "conditions"],
                built={
                    "required_party_types": forms.MultipleChoiceField(
                        choices=[(t.id, t.name) for t in model.party_types],
                        widget=forms.CheckboxSelectMultiple,
                        required=False,
                    ),
                    "conditions": forms.CharField(
                        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20_000
                    ),
                },
            )
        )

    @staticmethod
    def initial_from(positions: Positions, version: int) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "version": version,
            "required_party_types": list(positions.required_party_types),
            "conditions": positions.conditions,
        }
        for k in positions.knobs:
            initial[_knob(k.knob, "max_opening")] = k.max_opening
            initial[_knob(k.knob, "role")] = k.role.value
        for s in positions.sources:
            initial[_source(s.source, "pays")] = YES if s.pays else NO
            initial[_source(s.source, "ceiling")] = s.ceiling
            initial[_source(s.source, "basis")] = s.basis.value
        return initial

    def data_for(self, frame: Positions) -> dict[str, Any]:
        """The declaration's data from the cleaned fields, framed by ``frame``."""
        c = self.cleaned_data
        knobs = [
            {"knob": n, "max_opening": c[_knob(n, "max_opening")], "role": c[_knob(n, "role")]}
            for n, _name, _fields in self.knob_groups
            if c[_knob(n, "role")]
        ]
        sources = []
        for numeral, _name, _caveat, _fields in self.source_groups:
            pays = c[_source(numeral, "pays")]
            if not pays:
                continue
            ceiling = c[_source(numeral, "ceiling")]
            sources.append(
                {
                    "source": numeral,
                    "pays": pays == YES,
                    "ceiling": None if ceiling is None else str(ceiling),
                    "basis": c[_source(numeral, "basis")],
                }
            )
        return {
            **frame.model_dump(mode="json"),
            "knobs": knobs,
            "sources": sources,
            "required_party_types": c["required_party_types"],
            "conditions": c["conditions"],
        }

    def add_errors(self, errors: list[DocumentError], data: dict[str, Any]) -> None:
        """Each error of the declaration beside its field (``sources[0].ceiling`` →
        ``source_IV_ceiling``); one that has no field above the form."""
        for error in errors:
            head, _, field = error.path.partition(".")
            name, _, index = head.rstrip("]").partition("[")
            target = None
            if index and name in ("knobs", "sources"):
                item = data[name][int(index)]
                target = (
                    _knob(item["knob"], field or "role")
                    if name == "knobs"
                    else _source(item["source"], field or "pays")
                )
            elif error.path in self.fields:
                target = error.path
            if target in self.fields:
                self.add_error(target, error.message)
            else:
                self.add_error(None, str(error))
