"""The OpenAPI description, derived from the project file's declarations.

The request and response bodies of the project's parts are the pydantic classes of
:mod:`stuurknop.projectfile.schema` (their Dutch titles and help become the schema's
descriptions); :func:`document_schema` registers each as a component, and
:func:`components_hook` adds them to drf-spectacular's schema. A new field of an entity thus
appears in the API's description without a line here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from pydantic import BaseModel

REF = "#/components/schemas/{model}"
_COMPONENTS: dict[str, dict[str, Any]] = {}

Schema = dict[str, Any]


def document_schema(cls: type[BaseModel], *, without: Iterable[str] = (), name: str = "") -> Schema:
    """A reference to ``cls``'s JSON schema as a component; ``without`` leaves fields out (the
    ones the URL already names), under ``name``."""
    schema = cls.model_json_schema(ref_template=REF)
    _COMPONENTS.update(schema.pop("$defs", {}))
    left_out = set(without)
    if left_out:
        schema = copy.deepcopy(schema)
        for field in left_out:
            schema.get("properties", {}).pop(field, None)
        schema["required"] = [f for f in schema.get("required", []) if f not in left_out]
        if not schema["required"]:
            del schema["required"]
    component = name or cls.__name__
    _COMPONENTS[component] = schema
    return {"$ref": REF.format(model=component)}


def with_optional(schema: Schema, *fields: str) -> Schema:
    """A copy of a component's object schema in which ``fields`` may be left out."""
    name = schema["$ref"].rsplit("/", 1)[1]
    body = copy.deepcopy(_COMPONENTS[name])
    body["required"] = [f for f in body.get("required", []) if f not in fields]
    if not body["required"]:
        del body["required"]
    _COMPONENTS[f"{name}Nieuw"] = body
    return {"$ref": REF.format(model=f"{name}Nieuw")}


def components_hook(result: Schema, generator: Any, request: Any, public: bool) -> Schema:
    """drf-spectacular's postprocessing: the declarations' components join the schema."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in _COMPONENTS.items():
        schemas.setdefault(name, schema)
    return result


def list_of(item: Schema) -> Schema:
    return {"type": "array", "items": item}


def page_of(item: Schema) -> Schema:
    """A page of the paginated lists (:class:`.pagination.Pages`)."""
    return {
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer", "description": "Aantal resultaten in totaal."},
            "next": {"type": ["string", "null"], "description": "Adres van de volgende pagina."},
            "previous": {"type": ["string", "null"], "description": "Adres van de vorige pagina."},
            "results": list_of(item),
        },
    }


ANY_OBJECT: Schema = {"type": "object", "additionalProperties": True}

_COMPONENTS["Fout"] = {
    "type": "object",
    "description": (
        "Wat er mis is, in het Nederlands; bij een ongeldig item elke fout met haar plek."
    ),
    "properties": {
        "detail": {"type": "string"},
        "errors": list_of(
            {
                "type": "object",
                "properties": {
                    "path": {"type": "string"},
                    "location": {"type": "string"},
                    "message": {"type": "string"},
                },
            }
        ),
    },
    "additionalProperties": True,
}

_COMPONENTS["Conflict"] = {
    "type": "object",
    "description": (
        "Iemand anders heeft intussen opgeslagen: jouw versie en de opgeslagen versie, zodat je "
        "kunt kiezen voor je opnieuw schrijft."
    ),
    "required": ["detail", "expected_version", "current_version"],
    "properties": {
        "detail": {"type": "string"},
        "expected_version": {"type": "integer"},
        "current_version": {"type": "integer", "description": "0: het item bestaat niet meer."},
        "yours": {},
        "current": {},
    },
}

ERROR: Schema = {"$ref": REF.format(model="Fout")}
CONFLICT: Schema = {"$ref": REF.format(model="Conflict")}


def body(schema: Schema) -> dict[str, Schema]:
    """A request body of JSON with ``schema``."""
    return {"application/json": schema}


class TokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The personal token in the schema's security schemes."""

    target_class = "stuurknop.web.api.authentication.TokenAuthentication"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema: Any) -> Schema:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Een persoonlijke API-sleutel (sk_…), te maken op de pagina API-sleutels."
            ),
        }


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    """The error answers an operation can give, each with its Dutch description."""
    described = {
        400: "Ongeldige invoer; er is niets opgeslagen.",
        401: "Niet aangemeld: geef een API-sleutel (Bearer) of meld je aan.",
        403: "Je rol in dit project (of je API-sleutel) staat dit niet toe.",
        404: "Bestaat niet, of je bent geen lid van het project.",
        412: "Iemand anders heeft intussen opgeslagen; beide versies staan in het antwoord.",
        428: "Geef in If-Match de versie die je hebt gelezen.",
        429: "Te veel verzoeken met deze sleutel; probeer het zo weer.",
    }
    return {
        code: OpenApiResponse(
            response=CONFLICT if code == 412 else ERROR, description=described[code]
        )
        for code in codes
    }


READ_ERRORS = (401, 403, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 412, 428, 429)

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='De versie die je las (de ETag van het antwoord op GET), bijvoorbeeld "3".',
)
