"""Moved: people's numbers are formatted in :mod:`stuurknop.presentation.numbers`.

Kept as a re-export for modules that still import it from here (stuurknop.reports.printing,
which is being rewritten); the engine itself no longer formats numbers.
"""

from __future__ import annotations

from stuurknop.presentation.numbers import decimal, euro, percent

__all__ = ["decimal", "euro", "percent"]
