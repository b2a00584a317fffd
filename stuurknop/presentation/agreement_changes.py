"""How a version of the partners' agreement reads in the log, declared like the other entities
of :mod:`stuurknop.presentation.changes`. The log keeps a version's number, scenario and
fingerprint, and the parties that confirmed it (the content itself is in the version)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stuurknop.presentation.change_values import Context, plain, quoted
from stuurknop.presentation.change_words import EntityWords, fields_of
from stuurknop.presentation.meeting_changes import parties
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogChange, LogEntity


def _name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return f"Samenwerkingsafspraak versie {change.key}" if change.key else "Samenwerkingsafspraak"


def _summary(data: Mapping[str, Any], context: Context) -> str:
    scenario = quoted(str(data.get("scenario", "")))
    return f"scenario '{scenario}', vingerafdruk {str(data.get('fingerprint', ''))[:12]}…"


def _fingerprint(value: Any, context: Context) -> str:
    return f"{str(value)[:12]}…" if value else "geen"


_AGREEMENT = fields_of(
    doc.Agreement,
    {"confirmations": parties, "fingerprint": _fingerprint, "number": plain},
    labels={"confirmations": "bevestigd door"},
)

AGREEMENT_ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.AGREEMENT: EntityWords(_name, _AGREEMENT, _summary),
}
