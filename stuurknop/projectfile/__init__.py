"""The project document: one versioned JSON format for export, import, the CLI and the engine."""

from stuurknop.projectfile.errors import DocumentError, DocumentInvalid
from stuurknop.projectfile.io import (
    dump_document,
    json_schema,
    load_document,
    parse_document,
    parse_json,
    to_data,
)
from stuurknop.projectfile.schema import ProjectDocument, Scenario

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
