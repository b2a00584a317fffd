"""Reading generated PDFs back in tests: text per page and page sizes, with pypdfium2."""

from __future__ import annotations

import pypdfium2 as pdfium

MM = 72 / 25.4  # PDF points per millimetre
PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "A1": (594, 841)}


def pages_text(content: bytes) -> list[str]:
    """The text of every page, whitespace collapsed so that wrapped lines read as written
    (a line that breaks after a hyphen, ``welbevinden-`` / ``route``, is joined again; pdfium
    reports such a hyphen as U+FFFE)."""
    pdf = pdfium.PdfDocument(content)
    try:
        return [
            " ".join(
                page.get_textpage()
                .get_text_range()
                .replace("\ufffe", "-")
                .replace("-\r\n", "-")
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
