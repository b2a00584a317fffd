"""The plan as an editable Word document (python-docx), with the same content as the PDF.

Real Word structure, so that a partner can write on in it: the built-in styles Title,
Heading 1 and Heading 2 (the navigation pane and the table of contents follow them), real
tables whose header row repeats on every page and whose rows do not split, a TOC field that
Word fills in on opening, the project name in the header and "pagina X van Y" as PAGE and
NUMPAGES fields in the footer. Charts are PNG images with their text alternative.
"""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from stuurknop.charts.chart import Chart
from stuurknop.gespreksmodel.schema import Model
from stuurknop.projectfile.schema import ProjectDocument, Scenario
from stuurknop.reports.base import Options, Rendered, file_stem
from stuurknop.reports.plan import build_plan
from stuurknop.reports.plan_blocks import (
    Block,
    Bullets,
    Facts,
    Figure,
    Paragraph,
    Plan,
    PlanTable,
    Section,
)
from stuurknop.reports.registry import DOCX

__all__ = ["plan_docx", "render_plan_docx"]

BLUE = RGBColor(0x1D, 0x4F, 0x91)
GREY = RGBColor(0x44, 0x44, 0x44)
HEADER_FILL = "E6EEF7"
WARNING_FILL = "FBEFF3"
WARNING_LINE = "9C1F45"
IMAGE_WIDTH = Cm(16)
# The elements that follow w:updateFields in CT_Settings (ECMA-376 part 1, 17.15.1.78).
SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
_VIEW_BOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
CHART_DPI = 150  # sharp enough on paper at 16 cm, and a third quicker than 200


def render_plan_docx(
    model: Model, document: ProjectDocument, scenario: Scenario, options: Options
) -> Rendered:
    """The plan of ``scenario`` as a Word file (the registry's ``docx`` format)."""
    plan = build_plan(model, document, scenario, today=options.today)
    stem = file_stem("plan", document.project.name, scenario.name)
    return Rendered(f"{stem}.docx", DOCX, plan_docx(plan, today=options.today))


def plan_docx(plan: Plan, *, today: dt.date) -> bytes:
    """The plan as the bytes of a .docx file."""
    doc = Document()
    _setup(doc, plan, today)
    _cover(doc, plan)
    _contents(doc, plan)
    for section in plan.sections:
        _section(doc, section)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


# --- page, styles, header and footer ---------------------------------------------------------


def _setup(doc: Any, plan: Plan, today: dt.date) -> None:
    page = doc.sections[0]
    page.page_width, page.page_height = Cm(21.0), Cm(29.7)
    page.left_margin = page.right_margin = Cm(2.0)
    page.top_margin, page.bottom_margin = Cm(2.2), Cm(2.0)
    page.different_first_page_header_footer = True  # no header on the cover

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    _language(normal.element.get_or_add_rPr(), "nl-NL")
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = BLUE if name != "Heading 2" else None

    header = page.header.paragraphs[0]
    header.text = f"{plan.project}\tPlan, scenario {plan.scenario}"
    _small(header)
    footer = page.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("pagina ")
    _field(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES", "1")
    _small(footer)

    props = doc.core_properties
    props.title = f"{plan.title} – scenario {plan.scenario}"
    props.subject = f"Plan van scenario {plan.scenario}, modelversie {plan.model_version}"
    props.author = "Stuurknop"
    props.language = "nl-NL"
    props.keywords = "WWZ, stuurknoppen, plan"
    stamp = dt.datetime(today.year, today.month, today.day)
    props.created = props.modified = stamp
    props.last_modified_by = "Stuurknop"
    props.revision = 1
    # Word fills in the table of contents and the page numbers when the file is opened.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    _insert_in_order(doc.settings.element, update, SETTINGS_AFTER_UPDATE_FIELDS)


def _insert_in_order(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    """Insert ``child`` before the first of ``successors``: Word checks the schema's order."""
    for element in parent:
        if element.tag in {qn(name) for name in successors}:
            element.addprevious(child)
            return
    parent.append(child)


def _language(rpr: Any, tag: str) -> None:
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


def _small(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = GREY


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC …) with the text shown until Word updates it."""
    _fld_char(paragraph.add_run(), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _fld_char(paragraph.add_run(), "separate")
    paragraph.add_run(placeholder)
    _fld_char(paragraph.add_run(), "end")


def _fld_char(run: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


# --- cover and contents ----------------------------------------------------------------------


def _cover(doc: Any, plan: Plan) -> None:
    kicker = doc.add_paragraph()
    kicker.paragraph_format.space_before = Pt(120)
    run = kicker.add_run("PLAN")
    run.font.color.rgb, run.font.size, run.bold = BLUE, Pt(12), True
    doc.add_paragraph(plan.project, style="Title")
    subtitle = doc.add_paragraph()
    subtitle.add_run(f"Scenario {plan.scenario}").font.size = Pt(15)
    _facts(doc, Facts(plan.cover))
    doc.add_page_break()


def _contents(doc: Any, plan: Plan) -> None:
    title = doc.add_paragraph()
    run = title.add_run("Inhoud")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(16), BLUE
    # One TOC field whose result, until Word updates it, lists the chapters without pages.
    entries = plan.sections
    first = doc.add_paragraph()
    _fld_char(first.add_run(), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    first.add_run()._r.append(instr)
    _fld_char(first.add_run(), "separate")
    paragraph = first
    for i, section in enumerate(entries):
        if i:
            paragraph = doc.add_paragraph()
        paragraph.add_run(section.title).bold = section.level == 1
        paragraph.paragraph_format.left_indent = Cm(0.6 * (section.level - 1))
        paragraph.paragraph_format.space_after = Pt(2)
    _fld_char(paragraph.add_run(), "end")
    note = doc.add_paragraph()
    note.add_run(
        "Paginanummers: Word werkt de inhoudsopgave bij bij het openen, of klik erop en druk op F9."
    ).italic = True
    _small(note)


# --- sections and blocks ---------------------------------------------------------------------


def _section(doc: Any, section: Section) -> None:
    heading = doc.add_heading(section.title, level=section.level)
    heading.paragraph_format.page_break_before = section.page_break
    heading.paragraph_format.keep_with_next = True
    for block in section.blocks:
        _block(doc, block)


def _block(doc: Any, block: Block) -> None:
    if isinstance(block, Paragraph):
        _paragraph(doc, block)
    elif isinstance(block, Facts):
        _facts(doc, block)
    elif isinstance(block, Bullets):
        for item in block.items:
            doc.add_paragraph(item, style="List Bullet")
    elif isinstance(block, PlanTable):
        _table(doc, block)
    else:
        _figure(doc, block)


def _paragraph(doc: Any, block: Paragraph) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(block.text)
    if block.tone == "lead":
        run.bold = True
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(2)
    elif block.tone == "note":
        run.font.size, run.font.color.rgb = Pt(9), GREY
    elif block.tone == "warning":
        # a fresh paragraph's pPr is empty, and the schema wants pBdr before shd
        properties = paragraph._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        for key, value in (("val", "single"), ("sz", "24"), ("space", "6")):
            left.set(qn(f"w:{key}"), value)
        left.set(qn("w:color"), WARNING_LINE)
        borders.append(left)
        properties.append(borders)
        _shade(properties, WARNING_FILL)


def _facts(doc: Any, facts: Facts) -> None:
    table = doc.add_table(rows=0, cols=2)
    for label, value in facts.items:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        _text(cells[1].paragraphs[0], value)
        cells[0].width, cells[1].width = Cm(5.5), Cm(11.5)
    doc.add_paragraph()


def _table(doc: Any, block: PlanTable) -> None:
    caption = doc.add_paragraph()
    caption.add_run(block.caption).bold = True
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(2)
    if not block.rows:
        note = doc.add_paragraph()
        note.add_run(block.empty).italic = True
        return
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = table.rows[0]
    _repeat_header(header)
    for i, (cell, name) in enumerate(zip(header.cells, block.columns, strict=True)):
        paragraph = cell.paragraphs[0]
        paragraph.add_run(name).bold = True
        _align(paragraph, block, i)
        _shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)
    last = len(block.rows) - 1
    for r, row in enumerate(block.rows):
        table_row = table.add_row()
        _keep_row(table_row)
        for i, (cell, value) in enumerate(zip(table_row.cells, row, strict=True)):
            paragraph = cell.paragraphs[0]
            _text(paragraph, value, bold=block.total and r == last)
            _align(paragraph, block, i)
    doc.add_paragraph()


def _text(paragraph: Any, text: str, *, bold: bool = False) -> None:
    """Text with its line breaks kept (a log entry, a pasted list), as one run."""
    first, *rest = text.split("\n")
    run = paragraph.add_run(first)
    run.bold = bold or None
    for line in rest:
        run.add_break()
        run.add_text(line)


def _align(paragraph: Any, block: PlanTable, column: int) -> None:
    if block.alignment(column) == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    _keep_row(row)


def _keep_row(row: Any) -> None:
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(cant_split)


def _shade(properties: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _figure(doc: Any, figure: Figure) -> None:
    title = doc.add_paragraph()
    title.add_run(figure.chart.title).bold = True
    title.paragraph_format.keep_with_next = True
    image = chart_png(figure.chart)
    if image is not None:
        shape = doc.add_picture(BytesIO(image), width=IMAGE_WIDTH)
        shape._inline.docPr.set("descr", figure.chart.description)
        shape._inline.docPr.set("title", figure.chart.title)
    if figure.describe or image is None:
        _paragraph(doc, Paragraph(figure.chart.description, "note"))
    if figure.table is not None:
        _table(doc, figure.table)


def chart_png(chart: Chart) -> bytes | None:
    """A chart as PNG, drawn by Typst from the same SVG the PDF and the page show (Word cannot
    show SVG): the same picture in every face, and no matplotlib run per chart."""
    return _svg_png(chart.svg)


def _svg_png(svg: str) -> bytes:
    from stuurknop.reports.typesetting import rasterise

    box = _VIEW_BOX.search(svg)
    width, height = (float(box.group(1)), float(box.group(2))) if box else (1040.0, 700.0)
    return rasterise(svg, width=width, height=height, alt="", ppi=CHART_DPI)
