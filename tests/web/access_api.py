"""The API's page for the people (personal API tokens): its part of the access table.

The JSON endpoints under ``/api/v1/`` have their own matrix, run with tokens:
``tests/web/api/test_access.py`` (``tests/web/api/access_table.py``).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    # Every signed-in user has their own tokens; revoking is a POST of the same page.
    "api_tokens": Access("user"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    return {}
