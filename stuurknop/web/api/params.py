"""The path parameters of the API, with their bounds (so the schema says what exists)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter

from stuurknop.web.api.lookups import MAX_ID

_ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
# A document id (cost item "k1", party "woco"), as the project file writes it.
KEY_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"


def _path(name: str, schema: dict[str, object], description: str) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


PROJECT_ID = _path("project_id", _ID, "Het nummer van het project.")
SCENARIO_ID = _path("scenario_id", _ID, "Het nummer van het scenario (zie de scenariolijst).")
KNOB = _path("knob", {"type": "integer", "minimum": 1, "maximum": 10}, "Stuurknop 1–10.")


def key_parameter(name: str, description: str) -> OpenApiParameter:
    return _path(name, {"type": "string", "pattern": KEY_PATTERN}, description)
