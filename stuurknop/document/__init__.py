"""The project document: one versioned JSON format for export, import, the CLI and the engine."""

from stuurknop.document.errors import DocumentError, DocumentInvalid
from stuurknop.document.io import (
    dump_document,
    json_schema,
    load_document,
    parse_document,
    parse_json,
    to_data,
)
from stuurknop.document.schema import ProjectDocument, Scenario

__all__ = [
    "DocumentError",
    "DocumentInvalid",
    "ProjectDocument",
    "Scenario",
    "dump_document",
    "json_schema",
    "load_document",
    "parse_document",
    "parse_json",
    "to_data",
]
