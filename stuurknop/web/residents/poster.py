"""The A4 poster that invites residents: a big plain-Dutch invitation, the QR code and the link.

Typeset by Typst from ``stuurknop/reports/templates/residents_poster.typ`` like every other PDF
(:mod:`stuurknop.reports.typesetting`): the project's name, the link and the sentences arrive
as data, never as markup, and the QR code is an SVG that segno draws from the link, so the
poster needs no file and no network. PDF/UA-1: the QR code carries a text alternative, and the
link is written out beside it.
"""

from __future__ import annotations

import io

import segno
from django.utils.translation import gettext as _

from stuurknop.reports.base import Rendered, file_stem
from stuurknop.reports.typesetting import typeset

PDF = "application/pdf"


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an SVG document that scales to its box (no fixed size).

    Error correction M (15%) survives a poster that is a bit worn or creased.
    """
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, omitsize=True, xmldecl=False, svgclass=None)
    return out.getvalue().decode("utf-8")


def render_poster(*, project_name: str, url: str) -> Rendered:
    """The poster for the questionnaire of ``project_name`` at ``url``, as A4 PDF."""
    data = {
        "title": _("Vragenlijst voor bewoners van %(name)s") % {"name": project_name},
        "project": project_name,
        "heading": _("Wat vindt u belangrijk waar u woont?"),
        "leads": [
            _(
                "Vul onze korte vragenlijst in. Zo weten we wat voor u telt, bijvoorbeeld "
                "andere mensen ontmoeten, activiteiten of een vast zorgteam."
            ),
            _("Uw naam is niet nodig. Wat u invult, is anoniem."),
        ],
        "scan": _("Richt de camera van uw telefoon op deze code:"),
        "qr": qr_svg(url),
        "qr_alt": _("QR-code met de link naar de vragenlijst: %(url)s") % {"url": url},
        "type": _("Of typ dit adres over:"),
        "url": url,
        "help": _(
            "Lukt het niet? Vraag een buurman, buurvrouw of een medewerker in het gebouw om "
            "te helpen."
        ),
    }
    return Rendered(
        filename=f"{file_stem('vragenlijst bewoners', project_name)}.pdf",
        content_type=PDF,
        content=typeset("residents_poster.typ", data, verbatim=("qr", "url", "qr_alt")),
    )
