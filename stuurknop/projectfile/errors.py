"""Validation errors of a project document, said in Dutch with the place they occur.

Each error carries the technical path (``scenarios[0].funding[3].amount``, for scripts and the
API) and a Dutch location (``scenario "Basis", financiering 4, bedrag``) for people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from stuurknop.messages import dutch_message
from stuurknop.projectfile.schema import ProjectDocument

# One element of a list (or of a mapping) is named in the singular and numbered from 1 for
# people: "financiering 4". These names have no schema field of their own behind them.
ITEM_LABELS: Mapping[str, str] = {
    "parties": "partij",
    "scenarios": "scenario",
    "perspectives": "perspectief",
    "resident_input": "bewonersinbreng",
    "log": "logboek",
    "knobs": "stuurknop",
    "interests": "belang",
    "costs": "kostenpost",
    "funding": "financiering",
    "effects": "effectschatting",
    "evidence": "bewijsvoering",
    "routes": "route",
    "answers": "antwoord",
    "before_decision": "bewijs vooraf",
    "indicators": "indicator",
    "actuals": "gerealiseerd bedrag",
    "measurements": "meting",
    "values": "waarde",
    "remarks": "opmerking",
    "changes": "wijziging",
    "meetings": "overleg",
    "points": "agendapunt",
    "decisions": "besluit",
    "actions": "actie",
    "decided_by": "partij",
    "cost_items": "kostenpost",
    "funding_lines": "financiering",
    "lessons": "les",
    "themes": "thema",
}
# A field whose title differs per entity (a cost item's party is "wie maakt de kosten", a
# funding line's "wie betaalt") is named by its common word where the entity is not known.
COMMON_LABELS: Mapping[str, str] = {"party": "partij", "title": "onderwerp"}
# A funding line's commitment and its request (projectfile/commitments.py).
COMMON_LABELS = {
    **COMMON_LABELS,
    "by": "door",
    "at": "tijdstip",
    "organisation": "organisatie",
    "commitment": "toezegging",
}


def field_titles(schema: type[BaseModel]) -> dict[str, str]:
    """The Dutch title of each field of ``schema``, as the schema declares it."""
    return {name: info.title or name for name, info in schema.model_fields.items()}


def document_classes(root: type[BaseModel] = ProjectDocument) -> list[type[BaseModel]]:
    """Every class of the project document, ``root`` first, each once."""
    found: list[type[BaseModel]] = []

    def visit(schema: type[BaseModel]) -> None:
        if schema in found:
            return
        found.append(schema)
        for info in schema.model_fields.values():
            for inner in _classes_in(info.annotation):
                visit(inner)

    visit(root)
    return found


def _classes_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [c for arg in get_args(annotation) for c in _classes_in(arg)]


def title_clashes() -> dict[str, set[str]]:
    """Field names that carry different titles in different classes (a test keeps every one of
    them in :data:`ITEM_LABELS` or :data:`COMMON_LABELS`)."""
    seen: dict[str, set[str]] = {}
    for schema in document_classes():
        for name, title in field_titles(schema).items():
            seen.setdefault(name, set()).add(title)
    return {name: titles for name, titles in seen.items() if len(titles) > 1}


def _field_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for schema in document_classes():
        for name, title in field_titles(schema).items():
            labels.setdefault(name, title)
    return {**labels, **COMMON_LABELS, **ITEM_LABELS}


# Dutch names of the document's fields, from the schema's titles: the words an error's place is
# said in (``scenario "Basis", financiering 4, bedrag``).
FIELD_LABELS: Mapping[str, str] = _field_labels()


@dataclass(frozen=True)
class DocumentError:
    """One problem in a project document."""

    path: str  # e.g. scenarios[0].funding[3].amount
    location: str  # e.g. scenario "Basis", financiering 4, bedrag
    message: str  # e.g. moet ≥ 0 zijn

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "location": self.location, "message": self.message}


class DocumentInvalid(Exception):
    """A project document that does not validate; ``errors`` holds every problem."""

    def __init__(self, errors: list[DocumentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def technical_path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def dutch_location(loc: Sequence[int | str], data: Any) -> str:
    """Say where ``loc`` points in ``data`` the way a person would: ``scenario "Basis", …``."""
    parts: list[str] = []
    node: Any = data
    pending: str | None = None
    for part in loc:
        if isinstance(part, str):
            if pending is not None:
                parts.append(pending)
            pending = FIELD_LABELS.get(part, part)
            node = node.get(part) if isinstance(node, Mapping) else None
        else:
            label = pending or "element"
            pending = None
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            name = item.get("name") if isinstance(item, Mapping) else None
            knob = item.get("knob") if isinstance(item, Mapping) else None
            if label == "scenario" and isinstance(name, str) and name.strip():
                parts.append(f'scenario "{name.strip()}"')
            elif label == "stuurknop" and type(knob) is int:
                # A scenario's knob settings are named by knob number, not by list position.
                parts.append(f"stuurknop {knob}")
            else:
                parts.append(f"{label} {part + 1}")
            node = item
    if pending is not None:
        parts.append(pending)
    return ", ".join(parts)


def from_validation_error(exc: ValidationError, data: Any) -> list[DocumentError]:
    return [_one(err, data) for err in exc.errors(include_url=False)]


def _one(err: ErrorDetails, data: Any) -> DocumentError:
    loc = [
        p
        for p in err["loc"]
        if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]"))
    ]
    return DocumentError(technical_path(loc), dutch_location(loc, data), dutch_message(err))
