"""Ids for new rows, in the document's form (letters, digits, '-' and '_')."""

from __future__ import annotations

from typing import Any

from django.db.models import Max, QuerySet
from django.utils.text import slugify

from stuurknop.web.projects.models.fields import KEY_LENGTH


def free_key(existing: QuerySet[Any], prefix: str) -> str:
    """``prefix`` followed by the lowest number not used yet among ``existing`` keys."""
    used = set(existing.values_list("key", flat=True))
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def key_from_name(existing: QuerySet[Any], name: str) -> str:
    """A readable id from a name (``Gemeente Zwolle`` → ``gemeente-zwolle``), made unique."""
    base = slugify(name)[: KEY_LENGTH - 4] or "partij"
    used = set(existing.values_list("key", flat=True))
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    return key


def next_position(rows: QuerySet[Any]) -> int:
    """The position after the last row, so a new row comes last in the document's list."""
    last = rows.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1
