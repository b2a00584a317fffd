"""An organisation's side through the API: the organisations the caller works at, a
portfolio (the page's figures, with the page's filters) and its positions per knob and source
(read, and replaced with If-Match). For the organisation's own people (and staff) only, by
:func:`stuurknop.web.projects.permissions.organisation_for`; anyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from pydantic import ValidationError
from rest_framework.decorators import api_view
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from stuurknop.engine.result_data import to_data
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.errors import from_validation_error
from stuurknop.projectfile.positions import Positions
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.api.concurrency import conflict_response, expected_version, with_etag
from stuurknop.web.api.lookups import body_object, caller
from stuurknop.web.api.openapi import (
    ANY_OBJECT,
    IF_MATCH,
    READ_ERRORS,
    WRITE_ERRORS,
    body,
    document_schema,
    errors,
    list_of,
)
from stuurknop.web.portfolio.figures import portfolio_figures
from stuurknop.web.portfolio.forms import PortfolioFilterForm
from stuurknop.web.portfolio.selectors import filter_choices, portfolio, refresh_stale
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.permissions import organisation_for
from stuurknop.web.strategy.selectors import departure_counts, positions_of
from stuurknop.web.strategy.services import positions_save

TAGS = ["organisaties"]
SLUG = OpenApiParameter(
    "organisation_slug",
    {"type": "string", "pattern": r"^[-a-zA-Z0-9_]{1,50}$"},
    OpenApiParameter.PATH,
    description="De korte naam van de organisatie (zie de lijst van organisaties).",
)
ORGANISATION: dict[str, Any] = {
    "type": "object",
    "required": ["slug", "name", "party_type"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "party_type": {"type": "string", "description": "Het partijtype van het model."},
    },
}
POSITIONS = document_schema(Positions)
# The frame (which organisation, its party type) comes from the URL, not from the body.
NEW_POSITIONS = document_schema(
    Positions, without=("organisation", "party_type"), name="PositionsWijziging"
)
FILTERS = [
    OpenApiParameter("fase", str, description="Alleen projecten in deze fase."),
    OpenApiParameter("gemeente", str, description="Alleen projecten in deze gemeente."),
    OpenApiParameter("partner", int, description="Alleen projecten met deze organisatie."),
    OpenApiParameter("stuurknop", int, description="Alleen projecten met deze knop aan."),
    OpenApiParameter("bron", str, description="Alleen projecten waarin je uit deze bron betaalt."),
    OpenApiParameter("sorteer", str, description="Sorteren, zoals op de pagina."),
    OpenApiParameter("pagina", {"type": "integer", "minimum": 1, "maximum": 10000}),
]


@extend_schema(
    operation_id="organisation_list",
    tags=TAGS,
    summary="De organisaties waar je werkt",
    responses={200: list_of(ORGANISATION), **errors(401, 429)},
)
@api_view(["GET"])
def organisations(request: Request) -> Response:
    mine = Organisation.objects.filter(memberships__user=caller(request)).order_by("name")
    return Response([{"slug": o.slug, "name": o.name, "party_type": o.party_type} for o in mine])


@extend_schema(
    operation_id="portfolio_read",
    tags=TAGS,
    summary="De portefeuille",
    description=(
        "De projecten van de organisatie naast elkaar, met dezelfde cijfers en filters als de "
        "portefeuillepagina: knoppen, geld per jaar en bron, kliffen, belangen, lessen."
    ),
    parameters=[SLUG, *FILTERS],
    responses={200: ANY_OBJECT, **errors(400, *READ_ERRORS)},
)
@api_view(["GET"])
def portfolio_read(request: Request, organisation_slug: str) -> Response:
    organisation = organisation_for(request.user, organisation_slug)
    refresh_stale(organisation)
    municipalities, partners = filter_choices(organisation)
    form = PortfolioFilterForm(
        request.query_params, municipalities=municipalities, partners=partners
    )
    if not form.is_valid():
        raise ParseError({key: [str(e) for e in errs] for key, errs in form.errors.items()})
    data = portfolio(organisation, form.filters())
    departures = departure_counts(organisation, [entry.project_id for entry in data.page])
    figures = portfolio_figures(data, departures=departures)
    return Response({**to_data(figures), "pages": data.pages})


@extend_schema(
    operation_id="positions_read",
    methods=["GET"],
    tags=TAGS,
    summary="De posities: hoe ver gaan we per knop en per bron",
    parameters=[SLUG],
    responses={200: POSITIONS, **errors(*READ_ERRORS)},
)
@extend_schema(
    operation_id="positions_replace",
    methods=["PUT"],
    tags=TAGS,
    summary="De posities vervangen",
    description='Nog nooit opgeslagen: versie 0, If-Match "0".',
    parameters=[SLUG, IF_MATCH],
    request=body(NEW_POSITIONS),
    responses={200: POSITIONS, **errors(*WRITE_ERRORS)},
)
@api_view(["GET", "PUT"])
def positions(request: Request, organisation_slug: str) -> Response:
    organisation = organisation_for(request.user, organisation_slug)
    if request.method == "GET":
        found, version = positions_of(organisation)
        return with_etag(found.model_dump(mode="json"), version)
    given = body_object(request)
    version = expected_version(request)
    try:
        submitted = Positions.model_validate(
            {**given, "organisation": organisation.name, "party_type": organisation.party_type}
        )
    except ValidationError as exc:
        raise DocumentInvalid(from_validation_error(exc, given)) from None
    try:
        new_version = positions_save(
            organisation=organisation,
            by=caller(request),
            positions=submitted,
            expected_version=version,
        )
    except Conflict as conflict:
        current, _version = positions_of(organisation)
        return conflict_response(conflict, yours=given, current=current.model_dump(mode="json"))
    stored, _version = positions_of(organisation)
    return with_etag(stored.model_dump(mode="json"), new_version)


urlpatterns = [
    path("organisations/", organisations, name="organisation_list"),
    path("organisations/<slug:organisation_slug>/portfolio/", portfolio_read, name="portfolio"),
    path("organisations/<slug:organisation_slug>/positions/", positions, name="positions"),
]
