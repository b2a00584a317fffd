"""What text the product accepts: decided once, here, at the edge.

Every text of a project document passes :func:`clean_text` (single-line names) or
:func:`clean_lines` (texts that may hold paragraphs) when it is validated, so a form, an imported
file and the command line all store the same thing. The rules:

- Unicode is normalised to NFC, so "é" typed as one code point or as "e" + accent is one string
  (sorting, comparing and searching agree, and PDF fonts find the glyph);
- line breaks become ``\\n`` (``\\r\\n`` and a lone ``\\r`` too);
- control characters are removed: C0 except tab and newline, DEL and C1. They are invisible,
  cannot be typed on purpose, break XML (SVG, Word, Excel) and PostgreSQL refuses NUL. Removing
  is kinder than refusing: they arrive by pasting from other programs and by old files;
- lone surrogates and the non-characters U+FFFE/U+FFFF are removed: they cannot be stored as
  UTF-8 at all;
- in a single-line text (a name) a tab or newline becomes a space.
"""

from __future__ import annotations

import re
import unicodedata

# C0 without tab (09) and newline (0A), DEL, C1, surrogates, and the two non-characters.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("\r\n?")
_SINGLE_LINE_SPACE = re.compile("[\t\n]")


def clean_lines(text: str) -> str:
    """``text`` as the product stores a multi-line text (see the module's rules)."""
    text = _LINE_BREAK.sub("\n", text)
    text = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """``text`` as the product stores a single-line text such as a name."""
    return _SINGLE_LINE_SPACE.sub(" ", clean_lines(text))
