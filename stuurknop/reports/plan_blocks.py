"""Moved: the blocks are :mod:`stuurknop.presentation.blocks`, shared by every face.

Kept so the plan's renderers that import them from here keep working.
"""

from __future__ import annotations

from stuurknop.presentation.blocks import (
    Align,
    Block,
    Bullets,
    Facts,
    Figure,
    Paragraph,
    Plan,
    PlanTable,
    Section,
    Tone,
    clean,
    paragraphs,
)

__all__ = [
    "Align",
    "Block",
    "Bullets",
    "Facts",
    "Figure",
    "Paragraph",
    "Plan",
    "PlanTable",
    "Section",
    "Tone",
    "clean",
    "paragraphs",
]
