"""Reading and writing project documents: the one edge where outside data gets validated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from stuurknop.gespreksmodel import ModelInvalid, available_versions, load_model
from stuurknop.projectfile.errors import DocumentError, DocumentInvalid, from_validation_error
from stuurknop.projectfile.migrate import upgrade
from stuurknop.projectfile.references import reference_errors
from stuurknop.projectfile.schema import ProjectDocument

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# No figure of a project needs more digits than this (money tops out at 1,000,000,000.00); a
# longer run of digits is refused before Python spends time converting it.
MAX_NUMBER_DIGITS = 30


def _number_text(text: str) -> str:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _TooManyDigits(text)
    return text


class _TooManyDigits(ValueError):
    pass


def parse_document(data: Any) -> ProjectDocument:
    """Validate ``data`` (decoded JSON) fully, against the model version it names.

    A file in an older format is brought to the current one first (:mod:`.migrate`), so its
    errors name places in the current format. Raises :class:`DocumentInvalid` listing every
    problem; returns nothing half-checked.
    """
    data = upgrade(data)
    try:
        doc = ProjectDocument.model_validate(data)
    except ValidationError as exc:
        raise DocumentInvalid(from_validation_error(exc, data)) from None
    if doc.model_version not in available_versions():
        known = ", ".join(available_versions())
        raise DocumentInvalid(
            [
                DocumentError(
                    "model_version",
                    "modelversie",
                    f"onbekende modelversie {doc.model_version!r} (bekend: {known})",
                )
            ]
        )
    try:
        model = load_model(doc.model_version)
    except ModelInvalid as exc:  # a broken shipped model is a bug, but say it plainly
        raise DocumentInvalid([DocumentError("model_version", "modelversie", str(exc))]) from None
    errors = reference_errors(doc, model, data)
    if errors:
        raise DocumentInvalid(errors)
    return doc


def parse_json(text: str | bytes) -> ProjectDocument:
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DocumentInvalid([DocumentError("", "", "bestand is groter dan 20 MB")])
    try:
        data = json.loads(
            text,
            parse_int=lambda t: int(_number_text(t)),
            parse_float=lambda t: float(_number_text(t)),
        )
    except _TooManyDigits:
        raise DocumentInvalid(
            [
                DocumentError(
                    "", "", f"bestand bevat een getal van meer dan {MAX_NUMBER_DIGITS} cijfers"
                )
            ]
        ) from None
    except UnicodeDecodeError:
        raise DocumentInvalid([DocumentError("", "", "bestand is geen UTF-8-tekst")]) from None
    except json.JSONDecodeError as exc:
        raise DocumentInvalid(
            [
                DocumentError(
                    "", f"regel {exc.lineno}, kolom {exc.colno}", f"geen geldige JSON: {exc.msg}"
                )
            ]
        ) from None
    except RecursionError:  # thousands of nested brackets
        raise DocumentInvalid(
            [DocumentError("", "", "bestand is te diep genest om te lezen")]
        ) from None
    return parse_document(data)


def load_document(path: Path) -> ProjectDocument:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentInvalid(
            [DocumentError("", str(path), f"kan bestand niet lezen: {exc.strerror}")]
        ) from None
    return parse_json(raw)


def to_data(doc: ProjectDocument) -> dict[str, Any]:
    """The document as plain JSON data (amounts as strings, so they stay exact)."""
    return doc.model_dump(mode="json")


def dump_document(doc: ProjectDocument) -> str:
    return json.dumps(to_data(doc), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    schema = ProjectDocument.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Stuurknop-projectdocument"
    return schema
