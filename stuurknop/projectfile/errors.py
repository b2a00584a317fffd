"""Validation errors of a project document, said in Dutch with the place they occur.

Each error carries the technical path (``scenarios[0].funding[3].amount``, for scripts and the
API) and a Dutch location (``scenario "Basis", financiering 4, bedrag``) for people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from stuurknop.messages import dutch_message

# Dutch names of the document's fields; lists are numbered from 1 for people.
FIELD_LABELS: Mapping[str, str] = {
    "format": "formaat",
    "schema_version": "schemaversie",
    "model_version": "modelversie",
    "project": "project",
    "name": "naam",
    "municipality": "gemeente",
    "neighbourhood": "buurt",
    "homes": "aantal woningen",
    "phase": "fase",
    "first_year": "eerste jaar",
    "horizon_years": "looptijd in jaren",
    "description": "omschrijving",
    "parties": "partij",
    "party_type": "partijtype",
    "at_table": "aan tafel",
    "scenarios": "scenario",
    "chosen": "gekozen",
    "knobs": "stuurknop",
    "knob": "stuurknop",
    "status": "status",
    "opening": "opendraaien",
    "elaboration": "uitwerking",
    "lead_party": "trekker",
    "routes": "route",
    "answers": "antwoord",
    "interests": "belang",
    "party": "partij",
    "value": "waarde",
    "weight": "gewicht",
    "reason": "toelichting",
    "costs": "kostenpost",
    "kind": "soort",
    "amount": "bedrag",
    "years": "aantal jaren",
    "funding": "financiering",
    "cost_item": "kostenpost",
    "source": "bron",
    "effects": "effectschatting",
    "route": "route",
    "beneficiary": "ontvanger",
    "low": "laag",
    "expected": "verwacht",
    "high": "hoog",
    "assumption": "aanname",
    "evidence": "bewijsvoering",
    "before_decision": "bewijs vooraf",
    "available": "beschikbaar",
    "indicators": "indicator",
    "unit": "eenheid",
    "target": "streefwaarde",
    "measurements": "meting",
    "date": "datum",
    "note": "notitie",
    "perspectives": "perspectief",
    "values": "waarde",
    "origin": "herkomst",
    "session": "sessie",
    "remarks": "opmerking",
    "resident_input": "bewonersinbreng",
    "respondents": "aantal deelnemers",
    "help_organise": "wil helpen organiseren",
    "log": "logboek",
    "at": "tijdstip",
    "who": "wie",
    "what": "wat",
    "old": "oud",
    "new": "nieuw",
    "id": "id",
}


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
