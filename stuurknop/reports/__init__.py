"""Documents made from a project: the plan (PDF, Word), printable worksheets, a map poster and
the money tables as Excel.

One interface for every format: :func:`render` takes the model, the project document, a
scenario (by name; default the chosen one) and :class:`Options`, and gives a
:class:`Rendered` — file name, content type and bytes. The download buttons, the CLI
(``stuurknop report``) and any background job all call it through the one table in
:mod:`stuurknop.reports.registry`. No Django here: documents are made from the project
document, so a file on disk renders exactly as a project in the web app. Every figure comes
from the engine. Every text from the project passes :mod:`stuurknop.charts.xml_text` where a
renderer writes it, so no document breaks on a character XML cannot hold.
"""

from stuurknop.reports.base import DocumentError, FormatOption, Options, Rendered
from stuurknop.reports.registry import FORMATS, Format, render

__all__ = [
    "FORMATS",
    "DocumentError",
    "Format",
    "FormatOption",
    "Options",
    "Rendered",
    "render",
]
