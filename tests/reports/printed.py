"""Reading generated PDFs back in tests: text per page and page sizes (pypdfium2), and what
makes them accessible: PDF/UA-1 (``pdfua``) and the structure tree (pikepdf)."""

from __future__ import annotations

from collections import Counter
from io import BytesIO
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from pdfua import validate

MM = 72 / 25.4  # PDF points per millimetre
PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "A1": (594, 841)}


def pages_text(content: bytes) -> list[str]:
    """The text of every page, whitespace collapsed so that wrapped lines read as written
    (a line that breaks after a hyphen, ``welbevinden-`` / ``route``, is joined again; pdfium
    reports such a hyphen as U+FFFE). The zero-width spaces that let a very long word wrap
    (:func:`stuurknop.reports.typesetting.breakable`) are dropped."""
    pdf = pdfium.PdfDocument(content)
    try:
        return [
            " ".join(
                page.get_textpage()
                .get_text_range()
                .replace("\ufffe", "-")
                .replace("-\r\n", "-")
                .replace("\u200b", "")
                .split()
            )
            for page in pdf
        ]
    finally:
        pdf.close()


def page_sizes(content: bytes) -> list[tuple[float, float]]:
    pdf = pdfium.PdfDocument(content)
    try:
        return [tuple(page.get_size()) for page in pdf]  # type: ignore[misc]
    finally:
        pdf.close()


def is_paper(size: tuple[float, float], paper: str, *, landscape: bool = False) -> bool:
    short, long = PAPER_MM[paper]
    width, height = (long, short) if landscape else (short, long)
    return abs(size[0] - width * MM) < 1 and abs(size[1] - height * MM) < 1


def structure(content: bytes) -> tuple[dict[str, int], list[str], str]:
    """The roles of a tagged PDF's structure tree (counted, custom roles mapped to standard
    ones), the text alternatives of its figures and its language; fails if it is untagged."""
    with pikepdf.open(BytesIO(content)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        tree = root.StructTreeRoot
        role_map = {str(k): str(v) for k, v in tree.get("/RoleMap", {}).items()}
        roles: Counter[str] = Counter()
        alts: list[str] = []
        tables: list[bool] = []

        def walk(node: object) -> set[str]:
            """The roles in ``node`` and below it."""
            below: set[str] = set()
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    below |= walk(kid)
                return below
            if not isinstance(node, pikepdf.Dictionary):
                return below
            if "/K" in node:
                below = walk(node.K)
            if "/S" in node:
                role = str(node.S)
                role = role_map.get(role, role).lstrip("/")
                roles[role] += 1
                if role == "Figure":
                    alts.append(str(node.get("/Alt", "")))
                if role == "Table":
                    tables.append("TH" in below)
                below.add(role)
            return below

        walk(tree.K)
        language = str(root.get("/Lang", ""))
    roles["Table with TH"] = sum(tables)
    return dict(roles), alts, language


def assert_accessible(content: bytes, tmp_path: Path, *, figures: int = 0) -> None:
    """``content`` passes the machine-checkable part of PDF/UA-1 (the ``pdfua`` checker, every
    rule, no finding) and its structure holds what a screen reader needs: the language nl,
    headings, tables with header cells, every figure (at least ``figures``) with a text
    alternative."""
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    report = validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.exit_code == 0
    roles, alts, language = structure(content)
    assert language.startswith("nl")
    assert roles.get("H1", 0) + roles.get("Title", 0) >= 1
    assert roles.get("Table", 0) == roles["Table with TH"], roles
    assert len(alts) >= figures and all(alt.strip() for alt in alts), alts


def outside_references(content: bytes) -> tuple[list[str], set[str]]:
    """The links of a PDF (URIs) and the names of the fonts its pages use: a document made
    offline links nowhere and carries only its own fonts."""
    with pikepdf.open(BytesIO(content)) as pdf:
        uris = [
            str(annot.A.URI)
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A
        ]
        fonts = {
            str(font.get("/BaseFont", ""))
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }
    return uris, fonts
