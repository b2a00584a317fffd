"""A finding's file: checked by its content (not only its name), stored once by its SHA-256 in
Django's storage, and described in the project file by name, size, type and digest
(:class:`~stuurknop.projectfile.evidence.EvidenceFile`).

Accepted: PDF, Word (.docx), Excel (.xlsx), PNG, JPEG and CSV, at most 10 MB. The type is
decided by the first bytes (``%PDF-``, the PNG and JPEG signatures, a ZIP that holds a Word or
Excel part), and the file's name must end as that type does; a CSV is UTF-8 text without
NUL bytes. The project file carries only the reference; an export is JSON and the bytes stay
here (see :mod:`stuurknop.projectfile.evidence`)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import IO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from stuurknop.projectfile.evidence import (
    EVIDENCE_FILE_TYPES,
    MAX_EVIDENCE_FILE_BYTES,
    EvidenceFile,
)

ALLOWED = ", ".join(sorted({f".{e}" for e in EVIDENCE_FILE_TYPES.values()}))


class FileRefused(ValueError):
    """The file cannot be a finding; the message says why, in Dutch."""


def _zip_part(data: bytes, part: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return part in archive.namelist()
    except zipfile.BadZipFile:
        return False


def content_type_of(data: bytes) -> str | None:
    """The type of ``data`` by its first bytes; None when it is none of the accepted types."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"PK\x03\x04"):
        if _zip_part(data, "word/document.xml"):
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if _zip_part(data, "xl/workbook.xml"):
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return None
    if b"\x00" not in data:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        return "text/csv"
    return None


def _ending(name: str) -> str:
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "jpg" if ending == "jpeg" else ending


def checked_file(name: str, stream: IO[bytes], size: int) -> tuple[EvidenceFile, bytes]:
    """The description of the uploaded file and its bytes; :class:`FileRefused` when it is too
    large, empty or not of an accepted type."""
    if size > MAX_EVIDENCE_FILE_BYTES:
        raise FileRefused("Het bestand is groter dan 10 MB.")
    data = stream.read(MAX_EVIDENCE_FILE_BYTES + 1)
    if not data:
        raise FileRefused("Het bestand is leeg.")
    if len(data) > MAX_EVIDENCE_FILE_BYTES:
        raise FileRefused("Het bestand is groter dan 10 MB.")
    kind = content_type_of(data)
    ending = _ending(name)
    if kind is None or EVIDENCE_FILE_TYPES[kind] != ending:
        raise FileRefused(
            f"Dit bestandstype kan niet. Kies een bestand met een van deze soorten: {ALLOWED} "
            "(de inhoud moet bij de naam passen)."
        )
    plain_name = name.replace("\\", "/").rsplit("/", 1)[-1][:200] or f"bestand.{ending}"
    described = EvidenceFile(
        name=plain_name,
        size=len(data),
        content_type=kind,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return described, data


def storage_name(project_id: int, sha256: str) -> str:
    return f"bewijs/{project_id}/{sha256}"


def store(project_id: int, described: EvidenceFile, data: bytes) -> None:
    """Keep the bytes under their digest (once: the same file twice is stored once)."""
    name = storage_name(project_id, described.sha256)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))


def stored_bytes(project_id: int, sha256: str) -> bytes | None:
    """The stored bytes of a finding's file, or None when this server does not hold them (a
    project imported from a file without its findings' files)."""
    name = storage_name(project_id, sha256)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        data: bytes = handle.read()
    return data if hashlib.sha256(data).hexdigest() == sha256 else None
