"""Two more demo projects, so that the demo organisations have a portfolio worth looking at
(issue 15: an organisation in the demo is in at least five projects): variants of the shipped
examples in another place and phase, with the same organisations at the table."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# (example file, new name, municipality, phase)
VARIANTS = (
    ("ontmoetingsruimte.json", "Ontmoetingsruimte De Wilg", "Gemeente Voorbeeldberg", "plan"),
    ("flatcoach.json", "Flatcoach Noorderpark", "Gemeente Voorbeeldwaard", "idee"),
)


def portfolio_variants() -> list[str]:
    """The variants as project files (JSON text), in the order above."""
    folder = resources.files("stuurknop.examples")
    texts = []
    for file, name, municipality, phase in VARIANTS:
        data: dict[str, Any] = json.loads((folder / file).read_text(encoding="utf-8"))
        data["project"].update(name=name, municipality=municipality, phase=phase)
        data["log"] = []  # a new project: its own history starts with the import
        texts.append(json.dumps(data, ensure_ascii=False))
    return texts
