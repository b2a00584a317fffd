"""The steps of a live session and the items voted on in each, from the project's model.

Values first (how important is each value to you), then each knob in order (how far would you
open it), then open remarks. Keys are plain strings (see PROTOCOL.md) so that a vote, a message
and a form field all name an item the same way.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.translation import gettext as _

from stuurknop.gespreksmodel import Model, load_model
from stuurknop.web.vocabulary import scale_choices

VALUES = "values"
REMARKS = "remarks"


@dataclass(frozen=True)
class Item:
    key: str  # "value-<id>", "knob-<n>", "remarks"
    label: str
    kind: str  # "value", "knob" or "remarks"
    scored: bool  # False for the open remarks: a remark only


@dataclass(frozen=True)
class Step:
    key: str  # "values", "knob-<n>", "remarks"
    title: str
    question: str
    items: tuple[Item, ...]
    index: int  # 1-based position, for "stap 3 van 12"


def steps_of(model: Model) -> tuple[Step, ...]:
    """Every step of a session on a project made with ``model``, in order."""
    steps = [
        Step(
            VALUES,
            _("Waarden"),
            _("Hoe belangrijk is elke waarde voor u? 0 is %(low)s, 3 is %(high)s.")
            % {"low": model.scale("weight").word(0), "high": model.scale("weight").word(3)},
            tuple(Item(f"value-{v.id}", v.name, "value", True) for v in model.values),
            0,
        )
    ]
    for knob in model.knobs:
        title = f"{knob.number}. {knob.name}"
        steps.append(
            Step(
                f"knob-{knob.number}",
                title,
                _("Hoe ver zou u deze stuurknop opendraaien? 0 is %(off)s, 1 %(low)s, 3 %(high)s.")
                % {
                    "off": model.scale("opening").word(0),
                    "low": model.scale("opening").word(1),
                    "high": model.scale("opening").word(3),
                },
                (Item(f"knob-{knob.number}", title, "knob", True),),
                0,
            )
        )
    steps.append(
        Step(
            REMARKS,
            _("Opmerkingen"),
            _("Wat wilt u nog kwijt? Schrijf het hier op."),
            (Item(REMARKS, _("Opmerkingen"), "remarks", False),),
            0,
        )
    )
    return tuple(
        Step(s.key, s.title, s.question, s.items, position)
        for position, s in enumerate(steps, start=1)
    )


@functools.lru_cache(maxsize=8)
def steps_for(model_version: str) -> tuple[Step, ...]:
    """The steps of a model version (made once per process: every vote checks against them)."""
    return steps_of(load_model(model_version))


def step_by_key(steps: tuple[Step, ...], key: str) -> Step | None:
    return next((s for s in steps if s.key == key), None)


def item_by_key(steps: tuple[Step, ...], key: str) -> Item | None:
    return next((i for s in steps for i in s.items if i.key == key), None)


def score_labels(kind: str) -> list[tuple[int, str]]:
    """The four answers of a scored item, as the person reads them."""
    scale = "opening" if kind == "knob" else "weight"
    return [(int(key), label) for key, label in scale_choices(scale)]
