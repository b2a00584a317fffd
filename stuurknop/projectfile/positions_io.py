"""Reading, checking and writing an organisation's positions (``stuurknop-strategie``, version 1).

One JSON format serves the export, the import and the command line. Reading checks the file
against its declaration (:class:`~stuurknop.projectfile.positions.Positions`) and then against
the model version (knobs, sources, party types, and that the organisation's type may pay from a
source at all): every problem is said in Dutch with its place, and a file with any problem is
refused whole. Writing is canonical (knobs by number, sources I–X), so export → import → export
gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from stuurknop.gespreksmodel.schema import Model
from stuurknop.messages import dutch_message
from stuurknop.projectfile.errors import DocumentError, DocumentInvalid, technical_path
from stuurknop.projectfile.positions import (
    FORMAT,
    KnobPosition,
    Positions,
    SourcePosition,
)

MAX_BYTES = 200_000  # a full position set is about 3 kB


class PositionsInvalid(DocumentInvalid):
    """A positions file or form that does not validate; ``errors`` holds every problem."""


def _titles(schema: type[BaseModel]) -> dict[str, str]:
    return {name: info.title or name for name, info in schema.model_fields.items()}


_LABELS = {**_titles(KnobPosition), **_titles(SourcePosition), **_titles(Positions)}


def _location(loc: Sequence[int | str], data: Any) -> str:
    """``stuurknop 3, rol`` or ``bron IV, tot bedrag``: where a problem is, said by its item."""
    parts: list[str] = []
    node: Any = data
    for part in loc:
        if isinstance(part, str):
            parts.append(_LABELS.get(part, part))
            node = node.get(part) if isinstance(node, dict) else None
            continue
        item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        named = item.get("knob") or item.get("source") if isinstance(item, dict) else None
        label = parts.pop() if parts else "element"
        if label == _LABELS["knobs"] and named is not None:
            parts.append(f"stuurknop {named}")
        elif label == _LABELS["sources"] and named is not None:
            parts.append(f"bron {named}")
        else:
            parts.append(f"{label} {part + 1}")
        node = item
    return ", ".join(parts)


def parse_positions(data: Any) -> Positions:
    """``data`` (JSON data) as positions, or :class:`PositionsInvalid` with every problem."""
    try:
        return Positions.model_validate(data)
    except ValidationError as exc:
        raise PositionsInvalid(
            [
                DocumentError(
                    technical_path(err["loc"]), _location(err["loc"], data), dutch_message(err)
                )
                for err in exc.errors(include_url=False)
            ]
        ) from None


def read_positions(raw: bytes | str, model: Model) -> Positions:
    """A positions file's bytes, read, validated and checked against ``model``."""
    if len(raw) > MAX_BYTES:
        raise _invalid("", f"het bestand is groter dan {MAX_BYTES // 1000} kB")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _invalid("", "dit is geen JSON-bestand") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _invalid("format", f"dit is geen strategiebestand (formaat '{FORMAT}')")
    positions = parse_positions(data)
    check_positions(positions, model)
    return positions


def check_positions(positions: Positions, model: Model) -> None:
    """:class:`PositionsInvalid` when ``positions`` name what ``model`` does not have."""
    errors: list[DocumentError] = []
    data = positions.model_dump(mode="json")

    def add(path: str, message: str) -> None:
        errors.append(_error(path, message, data))

    types = {t.id for t in model.party_types}
    knobs = {k.number for k in model.knobs}
    if positions.model_version != model.version:
        add("model_version", f"moet {model.version} zijn")
    if positions.party_type not in types:
        add("party_type", f"onbekend partijtype '{positions.party_type}'")
    for i, knob in enumerate(positions.knobs):
        if knob.knob not in knobs:
            add(f"knobs[{i}].knob", "deze stuurknop kent het model niet")
    for i, source in enumerate(positions.sources):
        payers = model.payer_types(source.source)
        if source.pays and positions.party_type not in payers:
            names = ", ".join(sorted(model.party_type(t).name.lower() for t in payers))
            add(
                f"sources[{i}].pays",
                f"uit bron {source.source} betaalt volgens het model alleen: {names}",
            )
    for i, party_type in enumerate(positions.required_party_types):
        if party_type not in types:
            add(f"required_party_types[{i}]", f"onbekend partijtype '{party_type}'")
    if errors:
        raise PositionsInvalid(errors)


def positions_json(positions: Positions) -> str:
    """The file's text: canonical order, two-space indent, UTF-8 as is, one final newline."""
    data = positions.canonical().model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _error(path: str, message: str, data: Any) -> DocumentError:
    loc: list[int | str] = []
    for part in path.replace("]", "").split("."):
        name, _, index = part.partition("[")
        loc.append(name)
        if index:
            loc.append(int(index))
    return DocumentError(path, _location(loc, data), message)


def _invalid(path: str, message: str) -> PositionsInvalid:
    return PositionsInvalid([DocumentError(path, _LABELS.get(path, ""), message)])
