"""The settings of Django REST framework and drf-spectacular for the API, imported by
:mod:`stuurknop.web.settings` (kept here so that the one settings module stays short); the
rate per token comes from the environment there, checked by :func:`api_rate`."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ImproperlyConfigured


def api_rate(value: str) -> str:
    """``STUURKNOP_API_RATE`` as DRF reads it (``600/minute``); anything else stops the start."""
    if not re.fullmatch(r"\d+/(second|minute|hour|day)", value):
        raise ImproperlyConfigured(
            f"STUURKNOP_API_RATE={value!r} is not like 600/minute (second, hour, day)."
        )
    return value


# A personal token or the session (CSRF-checked); JSON only (DRF's browsable pages would need
# inline script, which the CSP forbids).
REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "stuurknop.web.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "stuurknop.web.api.authentication.TokenScopeAllows",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["stuurknop.web.api.authentication.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "stuurknop.web.api.errors.api_exception_handler",
}

SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "Stuurknop API",
    "DESCRIPTION": (
        "Lees en schrijf je WWZ-projecten: dezelfde gegevens, controles en rechten als de "
        "pagina's. Meld je aan met een persoonlijke API-sleutel (Authorization: Bearer …) of "
        "met je sessie in de browser. Lezen geeft een ETag; geef die bij schrijven mee in "
        "If-Match, dan overschrijf je niemands wijziging (anders 412 met beide versies)."
    ),
    "VERSION": "1",
    # 3.1: the bodies are the project file's JSON Schemas (pydantic), which 3.1 takes as they are.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links: Swagger UI puts each link inside the operation's button (a control in
    # a control, which screen readers and axe refuse).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "stuurknop.web.api.openapi.components_hook",
    ],
}
