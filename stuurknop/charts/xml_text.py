"""Text as XML can hold it: the one rule for every renderer of user text.

SVG (the charts), Word (python-docx, lxml) and Excel (openpyxl)
all store text as XML 1.0, which cannot hold most control characters, the non-characters
U+FFFE and U+FFFF, or a lone surrogate (not even UTF-8 can). A project validated at the edge
(:mod:`stuurknop.projectfile.text`) holds none of them, but a renderer must not crash on an old
file or a document built without validation, so each renderer passes the text it writes
through :func:`xml_text` at its one writing point:

- charts: the SVG text writers (:mod:`~stuurknop.charts.heatmap`,
  :mod:`~stuurknop.charts.model_map`) and the labels handed to matplotlib
  (:mod:`~stuurknop.charts.bars`);
- documents: the plan's blocks (:mod:`stuurknop.reports.plan_blocks`, for the PDF and Word
  plan), the data of the Typst templates (:mod:`stuurknop.reports.typesetting`, for every
  PDF) and the Excel text cell (:mod:`stuurknop.reports.excel`).

It lives in the charts package because that is the lowest package that renders: documents
import charts, never the other way round.

The characters are removed, not replaced: they are invisible anyway, and a replacement sign in
a name ("Gemeente�") would only puzzle a reader. DEL and C1 (U+007F–U+009F) go too: XML 1.0
allows but discourages them, and the edge removes them as well. Tab, newline and carriage
return stay; what a line break means is up to each renderer.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (``"a\\x01b"`` → ``"ab"``)."""
    return UNSAFE.sub("", text)


def xml_escape(text: str) -> str:
    """``text`` as the content of an XML element: cleaned, then ``&``, ``<`` and ``>`` escaped."""
    return escape(xml_text(text))


def xml_attribute(text: str) -> str:
    """``text`` as a quoted XML attribute value, cleaned and escaped: ``a&b`` → ``"a&amp;b"``."""
    return quoteattr(xml_text(text))
