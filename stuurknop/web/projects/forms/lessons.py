"""The forms of the lessons page and the scale-up assessment, their fields from the project
file's declaration (:mod:`stuurknop.projectfile.lessons`); the choices (knobs, the model's lesson
themes, the verdict's words, the parties) are built here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from stuurknop.gespreksmodel import Model
from stuurknop.gespreksmodel.schema import Theme
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.forms.meetings import DeclaredForm, date_field
from stuurknop.web.projects.models import ProjectParty
from stuurknop.web.vocabulary import word_choices

AREA = {"rows": 3}


def _text(max_length: int = 20_000) -> forms.CharField:
    return forms.CharField(required=False, max_length=max_length, widget=forms.Textarea(attrs=AREA))


class LessonForm(DeclaredForm):
    schema = doc.Lesson
    asked = ("title", "happened", "learned", "knobs", "themes", "date", "shared")

    def __init__(self, *args: Any, model: Model, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        boxes = forms.CheckboxSelectMultiple
        knobs = [(str(k.number), f"{k.number}. {k.name}") for k in model.knobs]
        self.declare(
            {
                "happened": _text(),
                "learned": _text(),
                "knobs": forms.TypedMultipleChoiceField(
                    required=False, choices=knobs, coerce=int, widget=boxes
                ),
                "themes": forms.MultipleChoiceField(
                    required=False, choices=[(t.value, t.value) for t in Theme], widget=boxes
                ),
                "date": date_field(),
                "shared": forms.BooleanField(required=False),
            }
        )


class ScaleUpForm(DeclaredForm):
    schema = doc.ScaleUp
    asked = ("conditions", "elsewhere", "verdict", "reasons", "date", "decided_by")
    optional_ids = ("verdict",)

    def __init__(self, *args: Any, parties: Sequence[ProjectParty], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        verdicts = [("", "—"), *word_choices("scale_up_verdict")]
        self.declare(
            {
                "conditions": _text(),
                "elsewhere": _text(),
                "verdict": forms.ChoiceField(
                    required=False, choices=verdicts, widget=forms.RadioSelect
                ),
                "reasons": _text(),
                "date": date_field(),
                "decided_by": forms.MultipleChoiceField(
                    required=False,
                    choices=[(p.key, p.name) for p in parties],
                    widget=forms.CheckboxSelectMultiple,
                ),
            }
        )
