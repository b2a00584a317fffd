"""Analysis results as plain JSON data, for scripts, the API and tests.

Dataclass fields and the computed properties of each result class are included, so a script
sees the same figures as the report (``activation``, ``structural_share``, ``percentage`` …).
Money stays exact as a string; fractions are rounded to four decimals.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from enum import Enum
from typing import Any


def to_data(result: Any) -> Any:
    """Turn an engine result (dataclasses, tuples, Decimals, enums) into JSON-ready data."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        data = {f.name: to_data(getattr(result, f.name)) for f in dataclasses.fields(result)}
        for name in _properties(type(result)):
            data[name] = to_data(getattr(result, name))
        return data
    if isinstance(result, Enum):
        return result.value
    if isinstance(result, Decimal):
        return str(result)
    if isinstance(result, float):
        return round(result, 4)
    if isinstance(result, dict):
        return {str(k): to_data(v) for k, v in result.items()}
    if isinstance(result, tuple | list):
        return [to_data(v) for v in result]
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
