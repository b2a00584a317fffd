"""Lists in Dutch sentences: ``a, b en c`` and runs of years ``2027–2029 en 2031``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def and_list(parts: list[str]) -> str:
    """``["a", "b", "c"]`` → ``a, b en c``."""
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" en {parts[-1]}"


def year_list(years: Iterable[Any]) -> str:
    """``(2027, 2028, 2029, 2031)`` → ``2027–2029 en 2031``: years, runs joined by a dash."""
    runs: list[list[int]] = []
    for year in sorted(int(str(y)) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return and_list([f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs])
