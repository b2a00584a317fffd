"""A knob's cost items and funding lines, added, edited and deleted in place on its worksheet.

Both kinds of row are edited the same way, so one row editor serves both: each kind declares
once (:class:`RowKind`) its form, its services, how it is described in a conflict and what the
editor is told; the views below are written once. Each write answers an htmx request with the
fresh money part of the page and any other request with a redirect back to the page (or the
page with the errors), so every form also works without JavaScript. Edits and deletes carry the
version the editor saw; a lost update shows both versions in place of the row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpResponse
from django.urls import URLPattern, path
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Knob
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects import services
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.project_file import cost_item_data, funding_line_data
from stuurknop.web.projects.worksheet.forms import WorksheetForm, add_document_errors
from stuurknop.web.projects.worksheet.money_forms import CostItemForm, DeleteForm, FundingLineForm
from stuurknop.web.projects.worksheet.page import (
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
from stuurknop.web.projects.worksheet.sheet import (
    KnobSheet,
    conflict_view,
    describe_cost_item,
    describe_funding_line,
    knob_sheet,
    last_change,
    parties_by_key,
    stored_cost_item,
    stored_funding_line,
)

Row = Any  # a CostItem or a FundingLine
Values = dict[str, Any]  # what the form holds, in the service's keywords


@dataclass(frozen=True)
class RowKind:
    """One kind of money row on a knob's worksheet, declared once for the row editor."""

    name: str  # "cost_item": the URL names are <name>_create, <name>_update, <name>_delete
    url_part: str  # "kostenposten": the URL's Dutch part
    this_one: Promise  # "Deze kostenpost": a row that is gone
    added: Promise
    saved: Promise
    already_gone: Promise
    stored: Callable[[Scenario, int], Row | None]
    knob_of_row: Callable[[Row], int]
    form: Callable[..., WorksheetForm]  # (project, sheet, data, *, pk, initial)
    form_class: type[CostItemForm] | type[FundingLineForm]
    values: Callable[[Any], Values]  # the valid form's values for the service
    create: Callable[[Scenario, User, int, Values], object]
    update: Callable[[Row, User, int, Values], object]
    delete: Callable[[Row, User, int], object]
    deleted: Callable[[Row], str]  # what the editor is told after a delete
    data: Callable[[Row], Values]  # the row as the project file has it
    describe: Callable[[Project, KnobSheet, Values], list[tuple[str, str]]]
    dom_id: Callable[[int], str]
    with_new_form: Callable[..., MoneyState]  # (form, **state): the "add" form in its place
    renamed_to: Callable[[Row], str | None]  # the row's name now, for its last change
    can_add: Callable[[KnobSheet], bool]


def _describe_funding(project: Project, sheet: KnobSheet, data: Values) -> list[tuple[str, str]]:
    costs = {c.key: c for c in sheet.cost_items}
    model = load_model(project.model_version)
    return describe_funding_line(data, model, parties_by_key(sheet.parties), costs)


COST_ITEM = RowKind(
    name="cost_item",
    url_part="kostenposten",
    this_one=_("Deze kostenpost"),
    added=_("Kostenpost toegevoegd."),
    saved=_("Kostenpost opgeslagen."),
    already_gone=_("Deze kostenpost was al verwijderd."),
    stored=stored_cost_item,
    knob_of_row=lambda item: int(item.knob),
    form=cost_form,
    form_class=CostItemForm,
    values=lambda form: form.cost_item(),
    create=lambda scenario, by, knob, values: services.cost_item_create(
        scenario=scenario, by=by, knob=knob, **values
    ),
    update=lambda item, by, version, values: services.cost_item_update(
        cost_item=item, by=by, expected_version=version, knob=item.knob, **values
    ),
    delete=lambda item, by, version: services.cost_item_delete(
        cost_item=item, by=by, expected_version=version
    ),
    deleted=lambda item: str(_("Kostenpost ‘%(name)s’ verwijderd.") % {"name": item.description}),
    data=cost_item_data,
    describe=lambda project, sheet, data: describe_cost_item(data, parties_by_key(sheet.parties)),
    dom_id=cost_dom_id,
    with_new_form=lambda form, **state: MoneyState(new_cost=form, **state),
    renamed_to=lambda item: str(item.description),
    can_add=lambda sheet: True,
)

FUNDING_LINE = RowKind(
    name="funding_line",
    url_part="financiering",
    this_one=_("Deze financieringsregel"),
    added=_("Financieringsregel toegevoegd."),
    saved=_("Financieringsregel opgeslagen."),
    already_gone=_("Deze financieringsregel was al verwijderd."),
    stored=stored_funding_line,
    knob_of_row=lambda line: int(line.cost_item.knob),
    form=funding_form,
    form_class=FundingLineForm,
    values=lambda form: form.funding_line(),
    # A funding line belongs to its cost item's knob; the form names the cost item.
    create=lambda scenario, by, knob, values: services.funding_line_create(
        scenario=scenario, by=by, **values
    ),
    update=lambda line, by, version, values: services.funding_line_update(
        funding_line=line, by=by, expected_version=version, **values
    ),
    delete=lambda line, by, version: services.funding_line_delete(
        funding_line=line, by=by, expected_version=version
    ),
    deleted=lambda line: str(_("Financieringsregel verwijderd.")),
    data=funding_line_data,
    describe=_describe_funding,
    dom_id=funding_dom_id,
    with_new_form=lambda form, **state: MoneyState(new_funding=form, **state),
    renamed_to=lambda line: None,
    can_add=lambda sheet: bool(sheet.cost_items),
)

KINDS = (COST_ITEM, FUNDING_LINE)


def _again(
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    money: MoneyState,
    status: int = 400,
) -> HttpResponse:
    return render_knob_page(request, project, scenario, knob, money=money, status=status)


def _message(text: str) -> str:
    return text[:1].upper() + text[1:]


def _create(kind: RowKind) -> Callable[..., HttpResponse]:
    @scenario_editor
    def create(
        request: AuthenticatedHttpRequest, project: Project, scenario: Scenario, knob: int
    ) -> HttpResponse:
        the_knob = knob_of(project, knob)
        form = kind.form(project, knob_sheet(project, scenario, the_knob), request.POST)
        if form.is_valid():
            try:
                kind.create(scenario, request.user, knob, kind.values(form))
            except DocumentInvalid as invalid:
                add_document_errors(form, invalid)
            else:
                return money_saved(request, project, scenario, the_knob, str(kind.added))
        money = kind.with_new_form(form)
        return _again(request, project, scenario, the_knob, money)

    create.__doc__ = f"Add a {kind.name.replace('_', ' ')} on this knob's worksheet."
    return create


def _the_row(
    kind: RowKind, project: Project, scenario: Scenario, knob: int, row_id: dict[str, int]
) -> tuple[int, Row | None, Knob, str]:
    """The row the URL names (None when it is gone), its knob (the URL's when it is gone) and
    the id of its place on the page."""
    pk = row_id[f"{kind.name}_id"]
    row = kind.stored(scenario, pk)
    return pk, row, knob_of(project, kind.knob_of_row(row) if row else knob), kind.dom_id(pk)


def _update(kind: RowKind) -> Callable[..., HttpResponse]:
    @scenario_editor
    def update(
        request: AuthenticatedHttpRequest,
        project: Project,
        scenario: Scenario,
        knob: int,
        **row_id: int,
    ) -> HttpResponse:
        pk, row, the_knob, dom_id = _the_row(kind, project, scenario, knob, row_id)
        sheet = knob_sheet(project, scenario, the_knob)
        form = kind.form(project, sheet, request.POST, pk=pk)
        if not form.is_valid():
            return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
        version = form.cleaned_data["version"]
        try:
            if row is None:
                raise Conflict(what=str(kind.this_one), expected_version=version, current_version=0)
            kind.update(row, request.user, version, kind.values(form))
        except Conflict as conflict:
            return _conflict(kind, request, project, scenario, the_knob, conflict, pk, form)
        except DocumentInvalid as invalid:
            add_document_errors(form, invalid)
            return _again(request, project, scenario, the_knob, MoneyState(dom_id, form))
        return money_saved(request, project, scenario, the_knob, str(kind.saved))

    update.__doc__ = f"Save an edited {kind.name.replace('_', ' ')} of this knob."
    return update


def _delete(kind: RowKind) -> Callable[..., HttpResponse]:
    @scenario_editor
    def delete(
        request: AuthenticatedHttpRequest,
        project: Project,
        scenario: Scenario,
        knob: int,
        **row_id: int,
    ) -> HttpResponse:
        pk, row, the_knob, dom_id = _the_row(kind, project, scenario, knob, row_id)
        form = DeleteForm(request.POST)
        if not form.is_valid():
            errors = {dom_id: form.top_errors()}
            return _again(request, project, scenario, the_knob, MoneyState(row_errors=errors))
        if row is None:
            return money_saved(request, project, scenario, the_knob, str(kind.already_gone))
        try:
            kind.delete(row, request.user, form.cleaned_data["version"])
        except Conflict as conflict:
            return _conflict(kind, request, project, scenario, the_knob, conflict, pk, None)
        except DocumentInvalid as invalid:
            errors = {dom_id: [_message(e.message) for e in invalid.errors]}
            return _again(request, project, scenario, the_knob, MoneyState(row_errors=errors))
        return money_saved(request, project, scenario, the_knob, kind.deleted(row))

    delete.__doc__ = f"Delete a {kind.name.replace('_', ' ')} of this knob."
    return delete


def _conflict(
    kind: RowKind,
    request: AuthenticatedHttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    conflict: Conflict,
    pk: int,
    form: WorksheetForm | None,
) -> HttpResponse:
    """Both versions of the row; the form starts again from the stored one."""
    sheet = knob_sheet(project, scenario, knob)
    stored = kind.stored(scenario, pk)
    stored_data = kind.data(stored) if stored else None
    yours = kind.values(form) if form else None
    renamed_to = kind.renamed_to(stored) if stored else None
    view = conflict_view(
        conflict,
        kind.describe(project, sheet, yours) if yours else None,
        kind.describe(project, sheet, stored_data) if stored_data else None,
        last_change(project, scenario, conflict.what, renamed_to=renamed_to) if stored else None,
    )
    dom_id = kind.dom_id(pk)
    if stored is None or stored_data is None:
        # Gone: offer what the editor typed as a new row, so nothing typed is lost.
        initial = kind.form_class.initial_for(yours) if yours else None
        new = kind.form(project, sheet, initial=initial) if yours and kind.can_add(sheet) else None
        money = kind.with_new_form(new, conflict=view)
    elif form is None:
        money = MoneyState(conflict=view, conflict_row=dom_id)
    else:
        initial = kind.form_class.initial_for(stored_data, stored.version)
        edit = kind.form(project, sheet, pk=pk, initial=initial)
        money = MoneyState(dom_id, edit, conflict=view, conflict_row=dom_id)
    return _again(request, project, scenario, knob, money, status=409)


def _routes(kind: RowKind) -> list[URLPattern]:
    base = f"projecten/<int:project_id>/scenario/<int:scenario_id>/knop/<int:knob>/{kind.url_part}/"
    row = f"<int:{kind.name}_id>"
    return [
        path(f"{base}nieuw/", _create(kind), name=f"{kind.name}_create"),
        path(f"{base}{row}/wijzigen/", _update(kind), name=f"{kind.name}_update"),
        path(f"{base}{row}/verwijderen/", _delete(kind), name=f"{kind.name}_delete"),
    ]


urlpatterns = [route for kind in KINDS for route in _routes(kind)]
