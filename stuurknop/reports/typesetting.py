"""PDF from a Typst template and plain data: offline, tagged, PDF/UA-1.

Every PDF document (the plan, the worksheets, the map poster, the residents' poster) is one
Typst template in ``templates/`` that reads all it prints from one JSON value,
``sys.inputs.data``. Text from a project only ever travels as that data: a template shows a
string as text, so a name like ``#set page(width: 1cm)`` or ``]*_$`` prints as written and can
never run as markup. Nothing is formatted into Typst source.

- Offline: the compiler reads the template folder only, and the fonts are DejaVu Sans as
  matplotlib ships it (a dependency, so present on every machine that installs the project)
  plus the fonts built into Typst; system fonts are ignored, so the output is the same on every
  machine. A character those fonts lack (an emoji) prints as an empty box.
- Accessible: compiled to PDF/UA-1, which makes Typst tag headings, tables (with their header
  rows) and figures, and refuse an image without a text alternative; the templates set the
  title and the language (nl).
- Clean: every string passes :func:`~stuurknop.charts.xml_text.xml_text` (no control
  characters or lone surrogates reach the typesetter) and gets a break opportunity inside very
  long words (:func:`breakable`), so a pasted link wraps instead of running off the page.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections.abc import Collection, Mapping, Sequence
from functools import cache
from pathlib import Path

import typst

from stuurknop.charts.xml_text import xml_text

__all__ = ["TEMPLATES", "breakable", "column_widths", "template_data", "typeset"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
STANDARD: list[typst.PDFStandard] = ["ua-1"]

LONG_WORD = re.compile(r"[^\s\u200b]{31,}")
ZERO_WIDTH_SPACE = "\u200b"

Data = Mapping[str, object]


def breakable(text: str, every: int = 30) -> str:
    """``text`` with a break opportunity (a zero-width space) every ``every`` characters inside
    very long words, so that a table keeps its natural column widths and a word never runs off
    the page."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        return ZERO_WIDTH_SPACE.join(word[i : i + every] for i in range(0, len(word), every))

    return LONG_WORD.sub(split, text)


def typeset(
    template: str,
    data: Data,
    *,
    verbatim: Collection[str] = ("svg",),
    today: dt.date | None = None,
) -> bytes:
    """``templates/<template>`` compiled with ``data`` as PDF/UA-1 bytes.

    Every string in ``data`` is cleaned and made breakable, except the values of the keys in
    ``verbatim`` (an SVG, a link to be typed over), which are only cleaned. ``today`` is the
    creation date written into the PDF (default: now).
    """
    payload = json.dumps(template_data(data, verbatim=verbatim), ensure_ascii=False)
    compiler = typst.Compiler(
        str(TEMPLATES / template),
        root=str(TEMPLATES),
        font_paths=_fonts(),
        ignore_system_fonts=True,
    )
    stamp = None if today is None else dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    pdf = compiler.compile(
        format="pdf", sys_inputs={"data": payload}, pdf_standards=STANDARD, timestamp=stamp
    )
    if not isinstance(pdf, bytes):  # a PDF is one file; only PNG and SVG come as pages
        raise TypeError(f"Typst gave {type(pdf).__name__} for a PDF")
    return pdf


def rasterise(svg: str, *, width: float, height: float, alt: str, ppi: int) -> bytes:
    """``svg`` (``width`` × ``height`` in its own units, as points) as a PNG at ``ppi``: for
    the Word plan, which cannot show an SVG. Typst draws it, as it draws the PDFs."""
    payload = json.dumps(
        {"svg": xml_text(svg), "width": width, "height": height, "alt": xml_text(alt)},
        ensure_ascii=False,
    )
    compiler = typst.Compiler(
        str(TEMPLATES / "image.typ"),
        root=str(TEMPLATES),
        font_paths=_fonts(),
        ignore_system_fonts=True,
    )
    png = compiler.compile(format="png", ppi=ppi, sys_inputs={"data": payload})
    if not isinstance(png, bytes):  # one page, so one picture
        raise TypeError(f"Typst gave {type(png).__name__} for one picture")
    return png


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], line: int) -> list[int]:
    """Relative column widths for a table ``line`` characters wide, the way a browser lays out
    a table: every column at least as wide as its longest word, then the room that is left
    shared by how much more each column's longest line needs; the table fills the line."""
    count = len(columns)
    cells = [list(columns), *rows]
    lines = [[part for c in cells if i < len(c) for part in c[i].split("\n")] for i in range(count)]
    widest = [max((len(part) for part in parts), default=1) + 2 for parts in lines]
    words = [max((len(w) for p in parts for w in p.split()), default=1) + 2 for parts in lines]
    room = line - sum(words)
    wanted = [w - m for w, m in zip(widest, words, strict=True)]
    if sum(widest) <= line or room <= 0 or not any(wanted):
        return widest
    share = room / sum(wanted)
    return [round(10 * (m + n * share)) for m, n in zip(words, wanted, strict=True)]


@cache
def _fonts() -> typst.Fonts:
    """The fonts built into Typst, and matplotlib's folder of fonts for DejaVu Sans (found
    without importing matplotlib, which takes a while)."""
    spec = importlib.util.find_spec("matplotlib")
    locations = list(spec.submodule_search_locations or []) if spec else []
    folders = [Path(p) / "mpl-data" / "fonts" / "ttf" for p in locations]
    found = [f for f in folders if (f / "DejaVuSans.ttf").exists()]
    if not found:
        raise RuntimeError("DejaVu Sans not found: matplotlib's fonts are missing")
    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(found[0])]
    )


def template_data(data: Data, *, verbatim: Collection[str] = ("svg",)) -> object:
    """``data`` as the template gets it: every string cleaned (and, outside ``verbatim``,
    made breakable); only JSON's types are accepted."""
    return _printable(data, frozenset(verbatim))


def _printable(value: object, verbatim: frozenset[str], key: str = "") -> object:
    if isinstance(value, str):
        return xml_text(value) if key in verbatim else breakable(xml_text(value))
    if isinstance(value, Mapping):
        return {str(k): _printable(v, verbatim, str(k)) for k, v in value.items()}
    if isinstance(value, Sequence):
        return [_printable(v, verbatim, key) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    raise TypeError(f"{type(value).__name__} is no data for a template")
