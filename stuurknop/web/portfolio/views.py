"""An organisation's portfolio: the page, and the same figures as a workbook and a PDF."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.text import slugify

from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.portfolio import PortfolioFigures, portfolio_tables, summary_sentences
from stuurknop.reports.portfolio import PDF, XLSX, portfolio_pdf, portfolio_xlsx
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.portfolio.figures import portfolio_figures
from stuurknop.web.portfolio.forms import PortfolioFilterForm
from stuurknop.web.portfolio.selectors import (
    Filters,
    filter_choices,
    portfolio,
    refresh_stale,
)
from stuurknop.web.projects.permissions import organisation_member
from stuurknop.web.strategy.selectors import departure_counts

DEPARTURES_IN_DOWNLOADS = 200


def _figures(
    request: AuthenticatedHttpRequest, organisation: Organisation, *, page_size: int | None
) -> tuple[PortfolioFilterForm, PortfolioFigures, int]:
    refresh_stale(organisation)
    municipalities, partners = filter_choices(organisation)
    form = PortfolioFilterForm(request.GET, municipalities=municipalities, partners=partners)
    filters = form.filters() if form.is_valid() else Filters()
    size = {} if page_size is None else {"page_size": page_size}
    data = portfolio(organisation, filters, **size)
    # Departures from its own positions (strategy): per project from its document on a cache
    # miss, so for the page's projects, and in a download only for a small portfolio.
    departures = None
    if page_size is None or data.total <= DEPARTURES_IN_DOWNLOADS:
        departures = departure_counts(organisation, [entry.project_id for entry in data.page])
    return form, portfolio_figures(data, departures=departures), data.pages


@organisation_member()
def portfolio_page(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """The organisation's projects side by side, filtered and sorted by a GET form."""
    form, figures, pages = _figures(request, organisation, page_size=None)
    model = load_model()
    tables = portfolio_tables(model, figures)
    query = request.GET.copy()
    query.pop("pagina", None)
    page = form.filters().page if form.is_valid() else 1
    return render(
        request,
        "portfolio/page.html",
        {
            "organisation": organisation,
            "form": form,
            "figures": figures,
            "sentences": summary_sentences(figures),
            "grid": tables[0],
            "tables": tables[1:],
            "page": min(page, pages),
            "pages": pages,
            "query": query.urlencode(),
        },
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The downloads hold every filtered project, not one page of them.
ALL = 100_000


@organisation_member()
def portfolio_excel(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """The portfolio as an Excel workbook, with the page's filters."""
    _form, figures, _pages = _figures(request, organisation, page_size=ALL)
    content = portfolio_xlsx(load_model(), figures)
    return _download(content, XLSX, f"portefeuille-{slugify(organisation.slug)}.xlsx")


@organisation_member()
def portfolio_pdf_view(
    request: AuthenticatedHttpRequest, organisation: Organisation
) -> HttpResponse:
    """The portfolio as a PDF, with the page's filters."""
    _form, figures, _pages = _figures(request, organisation, page_size=ALL)
    content = portfolio_pdf(
        load_model(), figures, summary_sentences(figures), today=dt.date.today()
    )
    return _download(content, PDF, f"portefeuille-{slugify(organisation.slug)}.pdf")


urlpatterns = [
    path(
        "organisaties/<slug:organisation_slug>/portefeuille/",
        portfolio_page,
        name="portfolio_page",
    ),
    path(
        "organisaties/<slug:organisation_slug>/portefeuille.xlsx",
        portfolio_excel,
        name="portfolio_excel",
    ),
    path(
        "organisaties/<slug:organisation_slug>/portefeuille.pdf",
        portfolio_pdf_view,
        name="portfolio_pdf",
    ),
]
