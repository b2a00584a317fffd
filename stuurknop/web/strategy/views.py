"""An organisation's strategy: its positions, their edit, history, comparison, export and import.

Every page is for the organisation's own people (and staff): ``organisation_member`` checks it,
in one place, and answers anyone else with a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.strategy_compare import compare_positions
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.strategy import (
    change_sentences,
    comparison_rows,
    knob_rows,
    required_partners,
    source_rows,
)
from stuurknop.projectfile.positions_io import (
    MAX_BYTES,
    PositionsInvalid,
    parse_positions,
    positions_json,
)
from stuurknop.web.accounts.models import Organisation
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.projects import posted
from stuurknop.web.projects.permissions import organisation_member
from stuurknop.web.strategy.forms import PositionsForm
from stuurknop.web.strategy.models import StrategyChange
from stuurknop.web.strategy.selectors import partner_organisations, positions_of
from stuurknop.web.strategy.services import positions_import, positions_save

HISTORY_LENGTH = 200  # the newest changes on the history page


def _page_context(organisation: Organisation, **extra: Any) -> dict[str, Any]:
    model = load_model()
    positions, version = positions_of(organisation)
    return {
        "organisation": organisation,
        "positions": positions,
        "version": version,
        "knob_rows": knob_rows(model, positions),
        "source_rows": source_rows(model, positions),
        "partners_required": required_partners(model, positions),
        "partners": list(partner_organisations(organisation)),
        **extra,
    }


@organisation_member()
def strategy_page(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """The positions: per knob how far and which role, per source whether and up to what."""
    return render(request, "strategy/page.html", _page_context(organisation))


@organisation_member()
def strategy_edit(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """Change the positions; a save over someone else's newer one overwrites nothing."""
    model = load_model()
    positions, version = positions_of(organisation)
    form = PositionsForm(
        posted(request),
        model=model,
        party_type=organisation.party_type,
        initial=PositionsForm.initial_from(positions, version),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.data_for(positions)
        try:
            positions_save(
                organisation=organisation,
                by=request.user,
                positions=parse_positions(data),
                expected_version=form.cleaned_data["version"],
            )
        except Conflict as exc:
            conflict = _conflict(exc, organisation)
            stored, stored_version = positions_of(organisation)
            form = PositionsForm(
                model=model,
                party_type=organisation.party_type,
                initial=PositionsForm.initial_from(stored, stored_version),
            )
        except PositionsInvalid as exc:
            form.add_errors(exc.errors, data)
        else:
            messages.success(request, _("De strategie is opgeslagen."))
            return redirect("strategy_page", organisation.slug)
    return render(
        request,
        "strategy/edit.html",
        {"organisation": organisation, "form": form, "conflict": conflict},
        status=409 if conflict else 400 if form.is_bound else 200,
    )


def _conflict(exc: Conflict, organisation: Organisation) -> dict[str, Any]:
    """The message and the changes saved since the editor's version, in words."""
    model = load_model()
    newer = StrategyChange.objects.filter(
        organisation=organisation, version__gt=exc.expected_version
    ).order_by("id")
    return {
        "message": str(exc),
        "changes": [(c, change_sentences(model, c.changes)) for c in newer],
    }


@organisation_member()
def strategy_history(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """Every saved change: who, when, and each field old → new, newest first."""
    model = load_model()
    changes = StrategyChange.objects.filter(organisation=organisation)[:HISTORY_LENGTH]
    return render(
        request,
        "strategy/history.html",
        {
            "organisation": organisation,
            "changes": [(c, change_sentences(model, c.changes)) for c in changes],
        },
    )


@organisation_member()
def strategy_compare(
    request: AuthenticatedHttpRequest, organisation: Organisation, other_slug: str
) -> HttpResponse:
    """Knob by knob beside an organisation it shares a project's table with: where they rub."""
    other = partner_organisations(organisation).filter(slug=other_slug).first()
    if other is None:  # not a partner (or unknown): nothing about it is told
        raise Http404()
    model = load_model()
    mine, _version = positions_of(organisation)
    theirs, _version = positions_of(other)
    rows = comparison_rows(model, compare_positions(model, mine, theirs))
    return render(
        request,
        "strategy/compare.html",
        {
            "organisation": organisation,
            "other": other,
            "rows": rows,
            "frictions": sum(len(r.frictions) for r in rows),
            "mine": mine,
            "theirs": theirs,
            "required": (required_partners(model, mine), required_partners(model, theirs)),
        },
    )


@organisation_member()
def strategy_export(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """The positions as a ``stuurknop-strategie`` JSON file."""
    positions, _version = positions_of(organisation)
    response = HttpResponse(
        positions_json(positions).encode(), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="strategie-{organisation.slug}.json"'
    return response


@organisation_member()
@require_POST
def strategy_import(request: AuthenticatedHttpRequest, organisation: Organisation) -> HttpResponse:
    """Replace the positions by an uploaded file's; a file with any problem stores nothing."""
    upload = request.FILES.get("bestand")
    errors: list[str] = []
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    if upload is None:
        errors.append(_("Kies een strategiebestand (.json)."))
    elif upload.size is None or upload.size > MAX_BYTES:  # not read into memory at all
        errors.append(_("Het bestand is groter dan %(kb)s kB.") % {"kb": MAX_BYTES // 1000})
    else:
        try:
            positions_import(
                organisation=organisation,
                by=request.user,
                raw=upload.read(),
                expected_version=version,
            )
        except PositionsInvalid as exc:
            errors += [str(e) for e in exc.errors]
        except Conflict as exc:
            errors.append(str(exc))
    if not errors:
        messages.success(request, _("De strategie is ingelezen."))
        return redirect("strategy_page", organisation.slug)
    return render(
        request,
        "strategy/page.html",
        _page_context(organisation, import_errors=errors),
        status=400,
    )


_BASE = "organisaties/<slug:organisation_slug>/strategie/"
urlpatterns = [
    path(_BASE, strategy_page, name="strategy_page"),
    path(f"{_BASE}wijzigen/", strategy_edit, name="strategy_edit"),
    path(f"{_BASE}geschiedenis/", strategy_history, name="strategy_history"),
    path(f"{_BASE}vergelijk/<slug:other_slug>/", strategy_compare, name="strategy_compare"),
    path(f"{_BASE}export.json", strategy_export, name="strategy_export"),
    path(f"{_BASE}inlezen/", strategy_import, name="strategy_import"),
]
