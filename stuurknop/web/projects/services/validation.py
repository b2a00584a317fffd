"""Every write leaves a project whose rows form a valid document, or it is rolled back.

Input is checked twice: the submitted item on its own first (so a form gets errors per field),
then the whole document with its references (a party, a route, a year in the horizon), using the
same code that checks an imported file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from stuurknop.projectfile import DocumentError, DocumentInvalid, ProjectDocument, parse_document
from stuurknop.projectfile.errors import FIELD_LABELS, from_validation_error
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.project_file import project_data

_M = TypeVar("_M", bound=BaseModel)


def validate_item(schema: type[_M], data: Mapping[str, Any]) -> _M:
    """``data`` checked by one class of the document; errors carry paths relative to it."""
    try:
        return schema.model_validate(dict(data))
    except ValidationError as exc:
        raise DocumentInvalid(from_validation_error(exc, dict(data))) from None


def validate_project(project: Project) -> ProjectDocument:
    """The project's document, fully validated; :class:`DocumentInvalid` otherwise."""
    return parse_document(project_data(project))


def party_by_key(project: Project, key: str | None, *, field: str) -> ProjectParty | None:
    """The party ``key`` of ``project`` (None stays None); an unknown key names ``field``."""
    if key is None:
        return None
    party = ProjectParty.objects.filter(project=project, key=key).first()
    if party is None:
        raise DocumentInvalid(
            [
                DocumentError(
                    field,
                    FIELD_LABELS.get(field, field),
                    f"partij {key!r} staat niet bij de partijen van dit project",
                )
            ]
        )
    return party


def invalid(field: str, message: str) -> DocumentInvalid:
    """One error about ``field`` of the item being written."""
    return DocumentInvalid([DocumentError(field, FIELD_LABELS.get(field, field), message)])
