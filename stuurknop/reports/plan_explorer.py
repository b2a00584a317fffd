"""The plan's chapter of the explorer: the front of effort against value over every setting of
the ten knobs (chart, then the table of its figures) and the nearest better designs in words.

The blocks are :func:`stuurknop.presentation.explorer.explorer_sections`, the same the command
line's ``stuurknop explore`` prints and the same figures as the explorer page: the scenario's
own constraints-free exploration, its value weighted by the parties' interests.
"""

from __future__ import annotations

from dataclasses import replace

from stuurknop.engine.explorer import explore
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Paragraph, Section
from stuurknop.presentation.explorer import explorer_sections
from stuurknop.projectfile.schema import ProjectDocument, Scenario

INTRO = (
    "Het model noemt de vele mogelijkheden van de stuurknoppen en is er om daar samen "
    "doorheen te navigeren. De verkenner rekent elke stand van de tien stuurknoppen door en "
    "laat zien welke ontwerpen de meeste waarde geven voor de moeite, en welke kleine "
    "verandering van dit scenario het meeste oplevert. Een startpunt voor het gesprek, geen "
    "advies: de moeite is een schatting uit de kostenposten."
)


def explorer_chapter(model: Model, document: ProjectDocument, scenario: Scenario) -> list[Section]:
    """The chapter "Verkenner" and its part "Dichtbij en beter", starting on a new page."""
    exploration = explore(model, document, scenario)
    nearest = nearest_better(exploration.tables, None)
    chapter, *parts = explorer_sections(model, exploration, nearest, id_prefix="plan-verkenner")
    opened = replace(chapter, blocks=(Paragraph(INTRO), *chapter.blocks), page_break=True)
    return [opened, *parts]
