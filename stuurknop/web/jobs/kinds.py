"""What a worker can do: one function per kind of job, registered in one table.

A kind gets the job (its params and input, read-only) and a ``progress`` callback, and returns
a :class:`~stuurknop.reports.Rendered` file or JSON data. It raises :class:`JobRefused` (or the
reports' :class:`~stuurknop.reports.DocumentError`) with a Dutch message when the input cannot
be made into a result: asking again would give the same answer. Anything else it raises is a
failure of ours, said plainly to the person and logged in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument
from stuurknop.reports import Options, Rendered
from stuurknop.reports import render as render_document
from stuurknop.web.jobs.models import Job

Progress = Callable[[int, str], None]
Outcome = Rendered | dict[str, Any]
Kind = Callable[[Job, Progress], Outcome]


class JobRefused(Exception):
    """The input cannot be made into a result; the message says why, in Dutch."""


DOCUMENT = "document"


def make_document(job: Job, progress: Progress) -> Rendered:
    """One document of one scenario, from the project as it was when it was asked for."""
    params = job.params
    progress(10, _("Het project wordt gelezen."))
    document = ProjectDocument.model_validate(job.input)
    model = load_model(document.model_version)
    options = Options(today=dt.date.fromisoformat(params["today"])).choosing(params["choices"])
    progress(20, _("Het document wordt opgemaakt."))
    return render_document(params["format"], model, document, params["scenario"], options)


KINDS: dict[str, Kind] = {DOCUMENT: make_document}
