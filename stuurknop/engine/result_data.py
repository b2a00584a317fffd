"""Analysis results as plain JSON data, for scripts, the API and tests.

Dataclass fields and the computed properties of each result class are included, so a script
sees the same figures as the report (``activation``, ``structural_share``, ``percentage`` …).
Money stays exact as a string; fractions are rounded to four decimals. A reason is its code and
parameters, and its text when the caller passes a way to say it (the CLI passes
:func:`stuurknop.presentation.reasons.text`): the engine does not write sentences itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from stuurknop.engine.reasons import Reason

ReasonText = Callable[[Reason], str]


def to_data(result: Any, reason_text: ReasonText | None = None) -> Any:
    """Turn an engine result (dataclasses, tuples, Decimals, enums) into JSON-ready data;
    each reason becomes ``{"code", "params"}`` plus ``"text"`` when ``reason_text`` is given."""
    if isinstance(result, Reason):
        data = {"code": result.code, "params": to_data(dict(result.params))}
        if reason_text is not None:
            data["text"] = reason_text(result)
        return data
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        data = {
            f.name: to_data(getattr(result, f.name), reason_text)
            for f in dataclasses.fields(result)
        }
        for name in _properties(type(result)):
            data[name] = to_data(getattr(result, name), reason_text)
        return data
    if isinstance(result, Enum):
        return result.value
    if isinstance(result, Decimal):
        return str(result)
    if isinstance(result, float):
        return round(result, 4)
    if isinstance(result, dict):
        return {str(k): to_data(v, reason_text) for k, v in result.items()}
    if isinstance(result, tuple | list):
        return [to_data(v, reason_text) for v in result]
    if isinstance(result, str | int | bool) or result is None:
        return result
    if hasattr(result, "model_dump"):  # a pydantic model from the model data (e.g. SeedRef)
        return result.model_dump(mode="json")
    raise TypeError(f"cannot export {type(result).__name__}")


def _properties(cls: type) -> list[str]:
    names = []
    for klass in reversed(cls.__mro__):
        for name, attr in vars(klass).items():
            if isinstance(attr, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return names
