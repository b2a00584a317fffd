"""The plan as PDF, read back with pypdfium2: its figures, its pages, odd input, no network."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from stuurknop.engine import analyse
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile import parse_document
from stuurknop.reports import render

from .plan_projects import (
    MEASUREMENTS,
    OPTIONS,
    PARTY_NAME,
    empty_project,
    example,
    hard_project,
)
from .printed import is_paper, outside_references, page_sizes, pages_text

PREVIEWS = Path(__file__).resolve().parents[2] / "var" / "documents"


def normal(text: str) -> str:
    """Non-breaking spaces (kept between € and the amount) read as spaces."""
    return text.replace("\u00a0", " ")


@pytest.fixture(scope="module")
def thuisflat():
    return example("thuisflat")


@pytest.fixture(scope="module")
def thuisflat_pdf(model, thuisflat):
    return render("pdf", model, thuisflat, options=OPTIONS)


@pytest.fixture(scope="module")
def pages(thuisflat_pdf) -> list[str]:
    return [normal(page) for page in pages_text(thuisflat_pdf.content)]


@pytest.fixture(scope="module")
def hard_pages(model, document_data, make_scenario) -> list[str]:
    document = hard_project(document_data, make_scenario)
    return [normal(p) for p in pages_text(render("pdf", model, document, options=OPTIONS).content)]


def test_the_pdf_is_a_named_pdf_file(thuisflat_pdf):
    assert thuisflat_pdf.filename == "plan-thuisflat-parkzicht-thuisflat-aanpak.pdf"
    assert thuisflat_pdf.content_type == "application/pdf"
    assert thuisflat_pdf.content.startswith(b"%PDF-")


def test_the_pdf_holds_the_engines_totals_and_gap(model, thuisflat, pages):
    money = analyse(model, thuisflat).money
    summary = next(p for p in pages if "Samenvatting" in p and "Belangrijkste open punten" in p)

    assert f"Kosten 2026–2034 {euro(money.total_costs)}" in summary
    assert f"Tekort (kosten zonder dekking) {euro(money.total_uncovered)}" in summary
    assert f"Totaal {euro(money.total_costs)} {euro(money.total_funding)}" in summary


def test_the_pdf_names_every_party_and_every_knob_that_is_on(thuisflat, pages):
    text = " ".join(pages)

    for party in thuisflat.parties:
        assert party.name in text
    assert "Stuurknop 7: Organisatie zorg" in text
    assert "Stuurknop 10: Gemeentelijk beleid" in text


def test_every_page_but_the_cover_has_the_project_and_its_page_number(pages):
    total = len(pages)

    assert "pagina" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert "Thuisflat Parkzicht" in page
        assert f"pagina {number} van {total}" in page


def test_the_table_of_contents_gives_the_page_each_chapter_starts_on(pages):
    contents = pages[1]
    start = next(i for i, p in enumerate(pages) if "Geld over de jaren Per jaar wat nodig" in p)

    entry = re.search(r"Geld over de jaren[ .]*?(\d+)", contents)
    assert entry and int(entry.group(1)) == start + 1


def test_the_summary_fits_on_one_page(pages):
    summary = [p for p in pages if "Kosten 2026–2034" in p]

    assert len(summary) == 1
    assert "Samenvatting" in summary[0]
    # its first figures and its last open point are on that one page
    assert "Waarde Werkplezier heeft nog geen bewijs vooraf en geen monitoring" in summary[0]


def test_a_long_table_runs_over_pages_with_its_header_on_each(hard_pages):
    header = "Indicator Datum Waarde Opmerking"
    spanned = [p for p in hard_pages if "Tevredenheid bewoners" in p and "meting " in p]

    assert len(spanned) >= 2
    assert all(header in page for page in spanned)
    assert f"meting {MEASUREMENTS - 1}" in " ".join(spanned)


def test_quotes_accents_euro_emoji_and_markup_print_as_written(hard_pages):
    text = " ".join(hard_pages)

    assert 'Hof "De Eik" – Zoë & René' in text
    assert "<b>vet</b>" in text  # escaped, so printed rather than made bold
    assert PARTY_NAME in text
    assert "Coördinator “wijk” & <buurt>" in text
    assert "met ë, é, € en “aanhalingstekens”" in text
    assert "Eerste regel met een belletje." in text


def test_a_word_longer_than_a_line_is_broken_rather_than_cut_off(hard_pages):
    text = "".join(p.replace(" ", "") for p in hard_pages)

    assert "x" * 400 in text


def test_an_empty_project_renders_and_says_what_is_missing(model, document_data):
    result = render("pdf", model, empty_project(document_data), options=OPTIONS)
    text = normal(" ".join(pages_text(result.content)))

    assert "Stuurknoppen die aan staan: nog geen." in text
    assert "Er zijn nog geen besluiten vastgelegd." in text
    assert "Er zijn nog geen partijen ingevuld." in text


MARKUP = "#set page(width: 1cm) #pagebreak() ] [ *vet* _schuin_ $x^2$ @ref <label> \\ `code`"


def test_typst_markup_in_names_prints_literally_and_leaves_the_layout_alone(model, document_data):
    def plan_of(name: str) -> bytes:
        data = document_data()
        data["project"]["name"] = name
        data["parties"][0]["name"] = name
        data["scenarios"][0]["name"] = name[:100]
        return render("pdf", model, parse_document(data), options=OPTIONS).content

    marked, plain = plan_of(MARKUP), plan_of("x" * len(MARKUP))
    text = normal(" ".join(pages_text(marked)))

    assert MARKUP in text
    assert MARKUP[:100] in text
    assert len(page_sizes(marked)) == len(page_sizes(plain))
    assert all(is_paper(size, "A4") for size in page_sizes(marked))


def test_the_pdf_refers_to_nothing_outside_itself(thuisflat_pdf):
    uris, fonts = outside_references(thuisflat_pdf.content)

    assert uris == []
    assert fonts and all("DejaVu" in font for font in fonts), fonts


def test_the_first_pages_render_to_images_for_a_look(thuisflat_pdf):
    """Writes var/documents/plan-p1.png … p4.png (git-ignored) to look at by eye."""
    PREVIEWS.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(thuisflat_pdf.content)
    try:
        for index in range(4):
            image = pdf[index].render(scale=1.2).to_pil()
            image.save(PREVIEWS / f"plan-p{index + 1}.png")
            # something is printed: not a blank page
            assert image.convert("L").getextrema()[0] < 100
    finally:
        pdf.close()
