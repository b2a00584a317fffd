"""A knob's cost items and funding lines, added, edited and deleted in place on its worksheet.

Each write answers an htmx request with the fresh money part of the page and any other request
with a redirect back to the page (or the page with the errors), so every form also works
without JavaScript. Edits and deletes carry the version the editor saw; a lost update shows
both versions in place of the row.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils.translation import gettext as _

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Knob
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects import services
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.knob_money import CostItemForm, DeleteForm, FundingLineForm
from stuurknop.web.projects.forms.knobs import add_document_errors
from stuurknop.web.projects.knob_sheet import (
    conflict_view,
    describe_cost_item,
    describe_funding_line,
    knob_sheet,
    last_change,
    parties_by_key,
    stored_cost_item,
    stored_funding_line,
)
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.project_file import cost_item_data, funding_line_data
from stuurknop.web.projects.views.knob_render import (
    MoneyState,
    cost_dom_id,
    cost_form,
    funding_dom_id,
    funding_form,
    knob_of,
    money_saved,
    render_knob_page,
    scenario_editor,
)


def _again(
    request: HttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    money: MoneyState,
    status: int = 400,
) -> HttpResponse:
    return render_knob_page(request, project, scenario, knob, money=money, status=status)


def _gone(what: str, version: int) -> Conflict:
    return Conflict(what=what, expected_version=version, current_version=0)


# --- cost items ------------------------------------------------------------------------------


@scenario_editor
def cost_item_create(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int
) -> HttpResponse:
    """Add a cost item to this knob."""
    the_knob = knob_of(project, knob)
    form = cost_form(project, knob_sheet(project, scenario, the_knob), request.POST)
    if form.is_valid():
        try:
            services.cost_item_create(
                scenario=scenario, by=request.user, knob=knob, **form.cost_item()
            )
        except DocumentInvalid as invalid:
            add_document_errors(form, invalid)
        else:
            return money_saved(request, project, scenario, the_knob, _("Kostenpost toegevoegd."))
    return _again(request, project, scenario, the_knob, MoneyState(new_cost=form))


@scenario_editor
def cost_item_update(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int, cost_item_id: int
) -> HttpResponse:
    """Save an edited cost item of this knob."""
    item = stored_cost_item(scenario, cost_item_id)
    the_knob = knob_of(project, item.knob if item else knob)
    sheet = knob_sheet(project, scenario, the_knob)
    dom_id = cost_dom_id(cost_item_id)
    form = cost_form(project, sheet, request.POST, pk=cost_item_id)
    if not form.is_valid():
        return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
    version = form.cleaned_data["version"]
    try:
        if item is None:
            raise _gone(_("Deze kostenpost"), version)
        services.cost_item_update(
            cost_item=item,
            by=request.user,
            expected_version=version,
            knob=item.knob,
            **form.cost_item(),
        )
    except Conflict as conflict:
        return _cost_conflict(request, project, scenario, the_knob, conflict, cost_item_id, form)
    except DocumentInvalid as invalid:
        add_document_errors(form, invalid)
        return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
    return money_saved(request, project, scenario, the_knob, _("Kostenpost opgeslagen."))


def _cost_conflict(
    request: HttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    conflict: Conflict,
    pk: int,
    form: CostItemForm | None,
) -> HttpResponse:
    """Both versions of the cost item; the form starts again from the stored one."""
    sheet = knob_sheet(project, scenario, knob)
    parties = parties_by_key(sheet.parties)
    stored = stored_cost_item(scenario, pk)
    stored_data = cost_item_data(stored) if stored else None
    yours = form.cost_item() if form else None
    view = conflict_view(
        conflict,
        describe_cost_item(yours, parties) if yours else None,
        describe_cost_item(stored_data, parties) if stored_data else None,
        last_change(project, scenario, conflict.what, renamed_to=stored.description)
        if stored
        else None,
    )
    dom_id = cost_dom_id(pk)
    if stored is None or stored_data is None:
        # Gone: offer what the editor typed as a new cost item, so nothing typed is lost.
        new = cost_form(project, sheet, initial=CostItemForm.initial_for(yours)) if yours else None
        money = MoneyState(new_cost=new, conflict=view)
    elif form is None:
        money = MoneyState(conflict=view, conflict_row=dom_id)
    else:
        initial = CostItemForm.initial_for(stored_data, stored.version)
        edit = cost_form(project, sheet, pk=pk, initial=initial)
        money = MoneyState(dom_id, edit, conflict=view, conflict_row=dom_id)
    return _again(request, project, scenario, knob, money, status=409)


@scenario_editor
def cost_item_delete(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int, cost_item_id: int
) -> HttpResponse:
    """Delete a cost item of this knob (not while funding lines still pay for it)."""
    item = stored_cost_item(scenario, cost_item_id)
    the_knob = knob_of(project, item.knob if item else knob)
    form = DeleteForm(request.POST)
    dom_id = cost_dom_id(cost_item_id)
    if not form.is_valid():
        return _again(
            request, project, scenario, the_knob, MoneyState(row_errors={dom_id: form.top_errors()})
        )
    if item is None:
        return money_saved(
            request, project, scenario, the_knob, _("Deze kostenpost was al verwijderd.")
        )
    try:
        services.cost_item_delete(
            cost_item=item, by=request.user, expected_version=form.cleaned_data["version"]
        )
    except Conflict as conflict:
        return _cost_conflict(request, project, scenario, the_knob, conflict, cost_item_id, None)
    except DocumentInvalid as invalid:
        errors = [_message(e.message) for e in invalid.errors]
        return _again(request, project, scenario, the_knob, MoneyState(row_errors={dom_id: errors}))
    return money_saved(
        request,
        project,
        scenario,
        the_knob,
        _("Kostenpost ‘%(name)s’ verwijderd.") % {"name": item.description},
    )


def _message(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- funding lines ---------------------------------------------------------------------------


@scenario_editor
def funding_line_create(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int
) -> HttpResponse:
    """Add a funding line towards one of this knob's cost items."""
    the_knob = knob_of(project, knob)
    form = funding_form(project, knob_sheet(project, scenario, the_knob), request.POST)
    if form.is_valid():
        try:
            services.funding_line_create(scenario=scenario, by=request.user, **form.funding_line())
        except DocumentInvalid as invalid:
            add_document_errors(form, invalid)
        else:
            return money_saved(
                request, project, scenario, the_knob, _("Financieringsregel toegevoegd.")
            )
    return _again(request, project, scenario, the_knob, MoneyState(new_funding=form))


@scenario_editor
def funding_line_update(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int, funding_line_id: int
) -> HttpResponse:
    """Save an edited funding line of this knob."""
    line = stored_funding_line(scenario, funding_line_id)
    the_knob = knob_of(project, line.cost_item.knob if line else knob)
    sheet = knob_sheet(project, scenario, the_knob)
    dom_id = funding_dom_id(funding_line_id)
    form = funding_form(project, sheet, request.POST, pk=funding_line_id)
    if not form.is_valid():
        return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
    version = form.cleaned_data["version"]
    try:
        if line is None:
            raise _gone(_("Deze financieringsregel"), version)
        services.funding_line_update(
            funding_line=line, by=request.user, expected_version=version, **form.funding_line()
        )
    except Conflict as conflict:
        return _funding_conflict(
            request, project, scenario, the_knob, conflict, funding_line_id, form
        )
    except DocumentInvalid as invalid:
        add_document_errors(form, invalid)
        return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
    return money_saved(request, project, scenario, the_knob, _("Financieringsregel opgeslagen."))


def _funding_conflict(
    request: HttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    conflict: Conflict,
    pk: int,
    form: FundingLineForm | None,
) -> HttpResponse:
    """Both versions of the funding line; the form starts again from the stored one."""
    sheet = knob_sheet(project, scenario, knob)
    model = load_model(project.model_version)
    parties = parties_by_key(sheet.parties)
    costs = {c.key: c for c in sheet.cost_items}
    stored = stored_funding_line(scenario, pk)
    stored_data = funding_line_data(stored) if stored else None
    yours: dict[str, Any] | None = form.funding_line() if form else None

    def describe(data: dict[str, Any] | None) -> list[tuple[str, str]] | None:
        return describe_funding_line(data, model, parties, costs) if data else None

    view = conflict_view(
        conflict,
        describe(yours),
        describe(stored_data),
        last_change(project, scenario, conflict.what) if stored else None,
    )
    dom_id = funding_dom_id(pk)
    if stored is None or stored_data is None:
        initial = FundingLineForm.initial_for(yours) if yours else None
        new = funding_form(project, sheet, initial=initial) if sheet.cost_items else None
        money = MoneyState(new_funding=new, conflict=view)
    elif form is None:
        money = MoneyState(conflict=view, conflict_row=dom_id)
    else:
        initial = FundingLineForm.initial_for(stored_data, stored.version)
        edit = funding_form(project, sheet, pk=pk, initial=initial)
        money = MoneyState(dom_id, edit, conflict=view, conflict_row=dom_id)
    return _again(request, project, scenario, knob, money, status=409)


@scenario_editor
def funding_line_delete(
    request: HttpRequest, project: Project, scenario: Scenario, knob: int, funding_line_id: int
) -> HttpResponse:
    """Delete a funding line of this knob."""
    line = stored_funding_line(scenario, funding_line_id)
    the_knob = knob_of(project, line.cost_item.knob if line else knob)
    form = DeleteForm(request.POST)
    dom_id = funding_dom_id(funding_line_id)
    if not form.is_valid():
        return _again(
            request, project, scenario, the_knob, MoneyState(row_errors={dom_id: form.top_errors()})
        )
    if line is None:
        return money_saved(
            request, project, scenario, the_knob, _("Deze financieringsregel was al verwijderd.")
        )
    try:
        services.funding_line_delete(
            funding_line=line, by=request.user, expected_version=form.cleaned_data["version"]
        )
    except Conflict as conflict:
        return _funding_conflict(
            request, project, scenario, the_knob, conflict, funding_line_id, None
        )
    except DocumentInvalid as invalid:
        errors = [_message(e.message) for e in invalid.errors]
        return _again(request, project, scenario, the_knob, MoneyState(row_errors={dom_id: errors}))
    return money_saved(request, project, scenario, the_knob, _("Financieringsregel verwijderd."))


_KNOB = "projecten/<int:project_id>/scenario/<int:scenario_id>/knop/<int:knob>/"

urlpatterns = [
    path(f"{_KNOB}kostenposten/nieuw/", cost_item_create, name="cost_item_create"),
    path(
        f"{_KNOB}kostenposten/<int:cost_item_id>/wijzigen/",
        cost_item_update,
        name="cost_item_update",
    ),
    path(
        f"{_KNOB}kostenposten/<int:cost_item_id>/verwijderen/",
        cost_item_delete,
        name="cost_item_delete",
    ),
    path(f"{_KNOB}financiering/nieuw/", funding_line_create, name="funding_line_create"),
    path(
        f"{_KNOB}financiering/<int:funding_line_id>/wijzigen/",
        funding_line_update,
        name="funding_line_update",
    ),
    path(
        f"{_KNOB}financiering/<int:funding_line_id>/verwijderen/",
        funding_line_delete,
        name="funding_line_delete",
    ),
]
