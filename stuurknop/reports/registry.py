"""The one table of document formats, and the one function that renders any of them.

A renderer is named by its module and function and imported only when used, so that the CLI
and the web app do not load Typst, python-docx or openpyxl before a document is asked for.
Every renderer has the signature ``(model, document, scenario, options) -> Rendered``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import DocumentError, FormatOption, Options, Rendered

Renderer = Callable[[Model, ProjectDocument, Scenario, Options], Rendered]


@dataclass(frozen=True)
class Format:
    key: str  # as the CLI's --format and the download URL name it
    label: str  # the download button (Dutch)
    description: str  # one sentence beside the button (Dutch, B1)
    extension: str
    content_type: str
    renderer: str  # "module:function", imported on first use
    options: tuple[FormatOption, ...] = ()  # what else a person chooses (CLI, web, API)

    def load(self) -> Renderer:
        module, _, name = self.renderer.partition(":")
        function: Renderer = getattr(importlib.import_module(module), name)
        return function


PAPER = FormatOption(
    name="paper",
    query="papier",
    label="Papierformaat",
    help="Papierformaat van de poster: A3 (standaard) of A1.",
    choices=("A3", "A1"),
    default="A3",
)

MEETING = FormatOption(
    name="meeting",
    query="overleg",
    label="Overleg",
    help="Het id van het overleg (standaard: het volgende overleg, anders het laatste).",
    choices=(),  # the project's own meetings: the renderer checks the id
    default="",
)

VERSION = FormatOption(
    name="version",
    query="versie",
    label="Versie",
    help="Het nummer van de versie van de samenwerkingsafspraak (standaard: de laatste).",
    choices=(),  # the project's own versions: the renderer checks the number
    default="",
)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format(
            "pdf",
            "Plan (PDF)",
            "Het plan om te delen en te printen: wie betaalt wat en hoe lang, welke waarden, "
            "welk bewijs en welke metingen.",
            "pdf",
            PDF,
            "stuurknop.reports.plan_pdf:render_plan_pdf",
        ),
        Format(
            "docx",
            "Plan (Word)",
            "Hetzelfde plan als Word-bestand, om verder aan te schrijven.",
            "docx",
            DOCX,
            "stuurknop.reports.plan_docx:render_plan_docx",
        ),
        Format(
            "xlsx",
            "Geldtabellen (Excel)",
            "Kostenposten, financiering en per partij per jaar, met formules voor de totalen.",
            "xlsx",
            XLSX,
            "stuurknop.reports.excel:render_money_xlsx",
        ),
        Format(
            "worksheets",
            "Werkbladen, ingevuld (PDF)",
            "De tien werkbladen op A4, ingevuld met wat het project al heeft besloten.",
            "pdf",
            PDF,
            "stuurknop.reports.worksheets:render_worksheets",
        ),
        Format(
            "worksheets-blank",
            "Werkbladen, leeg (PDF)",
            "De tien werkbladen op A4, leeg, voor een sessie op papier.",
            "pdf",
            PDF,
            "stuurknop.reports.worksheets:render_blank_worksheets",
        ),
        Format(
            "poster",
            "Poster van de kaart (PDF)",
            "De kaart van stuurknoppen, routes en waarden voor dit scenario, op A3 of A1.",
            "pdf",
            PDF,
            "stuurknop.reports.poster:render_map_poster",
            (PAPER,),
        ),
        Format(
            "agenda",
            "Agenda en verslag van een overleg (PDF)",
            "De agenda van een overleg op A4, met ruimte voor aantekeningen, om vooraf te delen. "
            "Na het overleg staat in hetzelfde document het verslag, met de besluiten en acties.",
            "pdf",
            PDF,
            "stuurknop.reports.agenda:render_agenda",
            (MEETING,),
        ),
        Format(
            "evaluation",
            "Evaluatie (PDF)",
            "Het project zoals het loopt: stuurknoppen, partijen, geld gepland en gerealiseerd, "
            "wat de indicatoren laten zien, de lessen, de besluiten en het oordeel over opschalen.",
            "pdf",
            PDF,
            "stuurknop.reports.evaluation_render:render_evaluation_pdf",
        ),
        Format(
            "evaluation-docx",
            "Evaluatie (Word)",
            "Dezelfde evaluatie als Word-bestand, om verder aan te schrijven.",
            "docx",
            DOCX,
            "stuurknop.reports.evaluation_render:render_evaluation_docx",
        ),
        Format(
            "agreement",
            "Samenwerkingsafspraak (PDF)",
            "Wat iedere partij inbrengt, voor hoe lang, wie bevestigde en de vingerafdruk van de "
            "inhoud.",
            "pdf",
            PDF,
            "stuurknop.reports.agreement:render_agreement_pdf",
            (VERSION,),
        ),
        Format(
            "agreement-docx",
            "Samenwerkingsafspraak (Word)",
            "Dezelfde samenwerkingsafspraak als Word-bestand.",
            "docx",
            DOCX,
            "stuurknop.reports.agreement:render_agreement_docx",
            (VERSION,),
        ),
    )
}


def render(
    key: str,
    model: Model,
    document: ProjectDocument,
    scenario: str | Scenario | None = None,
    options: Options | None = None,
) -> Rendered:
    """Render ``document`` (one scenario of it) in the format ``key``."""
    try:
        fmt = FORMATS[key]
    except KeyError:
        known = ", ".join(FORMATS)
        raise DocumentError(f"Onbekend documentformaat {key!r}; kies uit: {known}.") from None
    if isinstance(scenario, Scenario):
        chosen = scenario
    else:
        try:
            chosen = document.scenario(scenario)
        except KeyError:
            raise DocumentError(f"Het project heeft geen scenario {scenario!r}.") from None
    return fmt.load()(model, document, chosen, options or Options())
