"""The entry of the access table: who may use one route, and how (see access_matrix.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Access:
    """``role``: the least project role that gets in (``lezer``, ``bewerker``, ``beheerder``);
    ``"user"``: any signed-in user, no project involved; ``"public"``: anyone, signed in or not.
    ``"organisation"``: a member of the world's organisation (anna's); anyone else signed in
    gets 404.
    ``method``: how the route is used (a POST-only route answers GET with 405).
    ``editable``: also refused (403) on an archived project. ``data``: a valid POST body
    (keys may use the fixture names in ``{}``), or empty when an empty body is enough to show
    that access was granted (a form with errors answers 200 or 400, never 403/404). For a GET
    route, ``data`` is the query string the page needs (e.g. ``{"scenario": "{scenario_id}"}``).
    """

    role: str
    method: str = "GET"
    editable: bool = False
    data: dict[str, Any] = field(default_factory=dict)
