"""What a running project learned, and whether the partners think it is a concept to scale.

A lesson says what happened and what was learned, tagged with the knobs and the model's lesson
themes it concerns; a shared lesson joins the model's lessons beside those knobs in the other
projects of the organisations at this table, with this project and its organisation named as
its origin (and nothing else of this project).

The scale-up assessment holds what the partners write and choose: what would have to hold
elsewhere, their verdict (``scale_up_verdict`` in the model's ``scales.yaml``), its reasons,
the date and the parties that decided. The conditions that made it work (knobs on, funding
that lasted, parties at the table) are derived by the engine (:mod:`stuurknop.engine.evaluation`)
from the rest of the document; ``conditions`` adds what the numbers cannot say.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from stuurknop.gespreksmodel.schema import Theme
from stuurknop.projectfile.fields import Date, Doc, Id, KnobNumber, LongText, Name

MAX_LESSONS = 500


class ScaleUpVerdict(StrEnum):
    OP_TE_SCHALEN = "op_te_schalen"
    MET_AANPASSINGEN = "met_aanpassingen"
    NIET = "niet"


class Lesson(Doc):
    id: Id = Field(title="id")
    title: Name = Field(title="onderwerp", description="De les in een paar woorden.")
    happened: LongText = Field("", title="wat er gebeurde")
    learned: LongText = Field("", title="wat we leerden")
    knobs: list[KnobNumber] = Field(default_factory=list, max_length=10, title="stuurknoppen")
    themes: list[Theme] = Field(default_factory=list, max_length=8, title="thema's")
    date: Date | None = Field(None, title="datum")
    shared: bool = Field(
        False,
        title="delen",
        description=(
            "Ja: de les staat bij de lessen van het model, bij de stuurknoppen waar hij over "
            "gaat, in de andere projecten van de organisaties aan tafel, met de naam van dit "
            "project en de organisatie. Verder ziet niemand iets van dit project."
        ),
    )


class ScaleUp(Doc):
    conditions: LongText = Field(
        "",
        title="wat het liet werken",
        description="Wat de cijfers niet zeggen: mensen, timing, de plek.",
    )
    elsewhere: LongText = Field("", title="wat elders moet gelden")
    verdict: ScaleUpVerdict | None = Field(None, title="oordeel")
    reasons: LongText = Field("", title="redenen")
    date: Date | None = Field(None, title="datum")
    decided_by: list[Id] = Field(
        default_factory=list, max_length=50, title="besloten door", description="De partijen."
    )
