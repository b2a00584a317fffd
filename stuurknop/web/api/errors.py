"""The API's errors: DRF's own, plus a refused project document or item (400 with every
problem and its place, as the pages say them)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from stuurknop.projectfile import DocumentInvalid


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DocumentInvalid):
        return Response(
            {
                "detail": _("Ongeldige invoer; er is niets opgeslagen."),
                "errors": [error.as_dict() for error in exc.errors],
            },
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, ValidationError):
        # A rule a service checks beyond the document (the last scenario cannot go).
        return Response({"detail": " ".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)
