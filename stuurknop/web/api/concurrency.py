"""Optimistic concurrency over HTTP: a read carries the row's version as its ETag, a write
names the version it saw in If-Match, and a stale write gets 412 with both versions, as the
pages' conflict display shows them (:mod:`stuurknop.web.projects.services.locking`)."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.web.projects.errors import Conflict

_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = _(
        "Geef in de kop If-Match de versie (ETag) die je hebt gelezen, dan overschrijf je "
        "niemands wijziging."
    )
    default_code = "precondition_required"


def etag(version: int) -> str:
    return f'"{version}"'


def with_etag(data: Any, version: int, *, status_code: int = status.HTTP_200_OK) -> Response:
    response = Response(data, status=status_code)
    response["ETag"] = etag(version)
    return response


def expected_version(request: Request) -> int:
    """The version the caller saw, from If-Match (428 without it, 400 when unreadable)."""
    given = request.headers.get("If-Match")
    if not given:
        raise PreconditionRequired()
    match = _ETAG.match(given)
    if match is None:
        raise ParseError(_('If-Match moet een ETag van deze API zijn, zoals "3".'))
    return int(match.group(1))


def conflict_response(conflict: Conflict, *, yours: Any, current: Any) -> Response:
    """412: someone saved in between; the body holds the caller's version and the stored one."""
    response = Response(
        {
            "detail": str(conflict),
            "expected_version": conflict.expected_version,
            "current_version": conflict.current_version,
            "yours": yours,
            "current": current,
        },
        status=status.HTTP_412_PRECONDITION_FAILED,
    )
    if conflict.current_version:
        response["ETag"] = etag(conflict.current_version)
    return response
