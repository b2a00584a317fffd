"""The portfolio's workbook and PDF hold the page's figures, with its filters."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.web.conftest import People
from tests.web.portfolio.conftest import Portfolio

pytestmark = pytest.mark.django_db


def _download(people: People, route: str, query: str = "") -> bytes:
    client = Client()
    client.force_login(people.anna)
    response = client.get(reverse(route, args=[people.woco.slug]) + query)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_the_workbook_lists_the_projects_and_the_money_per_year(
    people: People, portfolio_world: Portfolio
) -> None:
    book = load_workbook(io.BytesIO(_download(people, "portfolio_excel")))
    grid = book["Projecten"]
    names = [row[0] for row in grid.iter_rows(min_row=2, values_only=True)]
    assert names == ["De Beuk", "De Eik", "De Linde"]
    years = book["Geld per jaar"]
    rows = {row[0]: row[1:] for row in years.iter_rows(min_row=2, values_only=True)}
    # De Linde: € 5.000 a year committed (2025–2029); De Eik: € 10.000 open in 2025 and 2026.
    assert rows[2025] == (5000, 10000, 15000)
    assert rows[2029] == (5000, 0, 5000)


def test_the_workbook_counts_each_knobs_settings_across_projects(
    people: People, portfolio_world: Portfolio
) -> None:
    book = load_workbook(io.BytesIO(_download(people, "portfolio_excel")))
    rows = list(book["Stuurknoppen"].iter_rows(min_row=2, values_only=True))
    # Knob 4: not discussed in De Beuk, open 1 in De Linde, open 3 in De Eik.
    assert rows[3][1:] == (1, 0, 1, 0, 1)
    # Knob 1: open 1 in De Beuk only.
    assert rows[0][1:] == (2, 0, 1, 0, 0)


def test_the_workbook_takes_the_filters_of_the_page(
    people: People, portfolio_world: Portfolio
) -> None:
    book = load_workbook(io.BytesIO(_download(people, "portfolio_excel", "?fase=plan")))
    grid = book["Projecten"]
    assert [row[0] for row in grid.iter_rows(min_row=2, values_only=True)] == ["De Beuk"]


def test_a_project_name_is_text_in_the_workbook_never_a_formula(
    people: People, portfolio_world: Portfolio
) -> None:
    from stuurknop.web.projects.models import Project

    Project.objects.filter(pk=portfolio_world.beuk.pk).update(name="=HYPERLINK(1)")
    from stuurknop.web.portfolio.services import summary_refresh

    summary_refresh(project=Project.objects.get(pk=portfolio_world.beuk.pk))
    book = load_workbook(io.BytesIO(_download(people, "portfolio_excel")))
    cell = book["Projecten"]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_the_pdf_says_the_cliff_and_lists_the_projects(
    people: People, portfolio_world: Portfolio
) -> None:
    content = _download(people, "portfolio_pdf")
    assert content.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(content)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    text = " ".join(text.split())
    assert "In 2027 stopt € 30.000 tijdelijk geld in 2 projecten." in text
    for name in ("De Beuk", "De Eik", "De Linde"):
        assert name in text
