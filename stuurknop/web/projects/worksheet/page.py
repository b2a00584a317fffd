"""Building the worksheet page of a knob: the whole page, or its money part for htmx.

Every view of the worksheet ends here, with the state it wants to show (a form with errors, a
row being edited, a conflict), so that a page rendered after a failed save looks exactly like
the page the editor had, with the messages added.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stuurknop.gespreksmodel import load_model
from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.presentation.money import coverage_notes
from stuurknop.web.projects.lesson_sharing import fingerprint, shared_lessons
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.permissions import require_editable, scenario_role
from stuurknop.web.projects.project_file import cost_item_data, funding_line_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import scenario_analysis
from stuurknop.web.projects.views.common import project_context, render_project_page
from stuurknop.web.projects.worksheet.forms import KnobSettingForm, WorksheetForm
from stuurknop.web.projects.worksheet.money_forms import CostItemForm, FundingLineForm
from stuurknop.web.projects.worksheet.rows import (
    RowState,
    mechanism_rows,
    money_rows,
)

# Re-exported: views.knob_money (being reworked in parallel right now) imports the two from
# here; new code imports them from knob_rows.
from stuurknop.web.projects.worksheet.rows import cost_dom_id as cost_dom_id
from stuurknop.web.projects.worksheet.rows import funding_dom_id as funding_dom_id
from stuurknop.web.projects.worksheet.sheet import (
    ConflictView,
    KnobSheet,
    choice_label,
    describe_setting,
    knob_sheet,
    parties_by_key,
    source_text,
)
from stuurknop.web.vocabulary import KNOB_STATUSES

SEVERITIES = {
    "info": gettext_lazy("ter info"),
    "aandacht": gettext_lazy("aandacht"),
    "waarschuwing": gettext_lazy("waarschuwing"),
}


def knob_of(project: Project, number: int) -> Knob:
    """The model's knob ``number`` (1–10); any other number is a page that does not exist."""
    try:
        return load_model(project.model_version).knob(number)
    except KeyError:
        raise Http404() from None


def scenario_editor(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A write of the worksheet: POST only, by a bewerker or beheerder, not when archived."""

    @scenario_role(Role.BEWERKER)
    @functools.wraps(view)
    def wrapper(
        request: HttpRequest, project: Project, scenario: Scenario, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        require_editable(request.user, project)
        return view(request, project, scenario, *args, **kwargs)

    return require_POST(wrapper)


# --- forms, each with ids of its own (several are on one page) -------------------------------


def setting_form(
    model: Model, sheet: KnobSheet, data: Any = None, initial: dict[str, Any] | None = None
) -> KnobSettingForm:
    if initial is None:
        initial = KnobSettingForm.initial_for(sheet.setting, sheet.version)
    return KnobSettingForm(
        data, initial=initial, model=model, knob=sheet.knob, parties=sheet.parties
    )


def cost_form(
    project: Project,
    sheet: KnobSheet,
    data: Any = None,
    *,
    pk: int | None = None,
    initial: dict[str, Any] | None = None,
) -> CostItemForm:
    """The form to add a cost item, or (``pk``) to edit cost item ``pk``."""
    form = CostItemForm(
        data,
        initial=initial or {"kind": "jaarlijks", "first_year": project.first_year},
        project=project,
        parties=sheet.parties,
        versioned=pk is not None,
        auto_id=f"{cost_dom_id(pk)}_%s" if pk else "nieuwe_kostenpost_%s",
    )
    return form


def funding_form(
    project: Project,
    sheet: KnobSheet,
    data: Any = None,
    *,
    pk: int | None = None,
    initial: dict[str, Any] | None = None,
) -> FundingLineForm:
    """The form to add a funding line, or (``pk``) to edit funding line ``pk``."""
    form = FundingLineForm(
        data,
        initial=initial,
        project=project,
        model=load_model(project.model_version),
        parties=sheet.parties,
        cost_items=sheet.cost_items,
        versioned=pk is not None,
        auto_id=f"{funding_dom_id(pk)}_%s" if pk else "nieuwe_financiering_%s",
    )
    return form


# --- the page --------------------------------------------------------------------------------


@dataclass
class MoneyState:
    """What the cost and funding part shows besides the rows."""

    editing: str = ""  # dom id of the row shown as a form
    edit_form: WorksheetForm | None = None
    new_cost: CostItemForm | None = None
    new_funding: FundingLineForm | None = None
    conflict: ConflictView | None = None
    conflict_row: str = ""  # dom id of the row the conflict is about; "" above the lists
    row_errors: dict[str, list[str]] = field(default_factory=dict)
    notice: str = ""


def _money_context(
    project: Project, model: Model, sheet: KnobSheet, money: MoneyState, can_edit: bool
) -> dict[str, Any]:
    costs, funding = money_rows(model, sheet)
    conflict_on_row = False
    if not can_edit:
        money = MoneyState(notice=money.notice)
    elif money.editing and money.edit_form is None:
        money.edit_form = _edit_form_for(project, sheet, money.editing)

    def state(dom_id: str) -> RowState:
        nonlocal conflict_on_row
        conflict = money.conflict if money.conflict_row == dom_id else None
        conflict_on_row = conflict_on_row or conflict is not None
        return RowState(
            edit_form=money.edit_form if money.editing == dom_id else None,
            conflict=conflict,
            errors=tuple(money.row_errors.get(dom_id, ())),
        )

    costs = [replace(row, state=state(row.dom_id)) for row in costs]
    funding = [replace(row, state=state(row.dom_id)) for row in funding]
    new_cost = new_funding = None
    if can_edit:
        new_cost = money.new_cost or cost_form(project, sheet)
        if sheet.cost_items:
            new_funding = money.new_funding or funding_form(project, sheet)
    for form in (money.edit_form, money.new_cost, money.new_funding):
        if form is not None and (form.errors or form is money.edit_form):
            focus(form)
            break
    return {
        "money": money,
        "cost_rows": costs,
        "funding_rows": funding,
        # A conflict about a row that is not on this page (gone, or moved) is shown on top.
        "money_conflict": None if conflict_on_row else money.conflict,
        "new_cost": new_cost,
        "new_cost_open": bool(money.new_cost),
        "new_funding": new_funding,
        "new_funding_open": bool(money.new_funding),
        "sources": [source_text(model, s.numeral) for s in model.sources],
    }


def focus(form: WorksheetForm) -> None:
    """Put the cursor in the first field with an error, else in the first field.

    htmx focuses an ``autofocus`` element it swaps in, so a keyboard user lands in the form.
    """
    fields = list(form.visible_fields())
    for bound in fields:
        bound.field.widget.attrs.pop("autofocus", None)
    target = next((f for f in fields if f.errors), fields[0] if fields else None)
    if target is not None:
        target.field.widget.attrs["autofocus"] = True


def _edit_form_for(project: Project, sheet: KnobSheet, dom_id: str) -> WorksheetForm | None:
    """The edit form of the row ``?wijzig=<dom id>`` asks for (the no-JS way to edit a row)."""
    for item in sheet.cost_items:
        if cost_dom_id(item.pk) == dom_id:
            initial = CostItemForm.initial_for(cost_item_data(item), item.version)
            return cost_form(project, sheet, pk=item.pk, initial=initial)
    for line in sheet.funding_lines:
        if funding_dom_id(line.pk) == dom_id:
            initial = FundingLineForm.initial_for(funding_line_data(line), line.version)
            return funding_form(project, sheet, pk=line.pk, initial=initial)
    return None


def render_knob_page(
    request: HttpRequest,
    project: Project,
    scenario: Scenario,
    knob: Knob,
    *,
    setting: KnobSettingForm | None = None,
    setting_conflict: ConflictView | None = None,
    money: MoneyState | None = None,
    status: int = 200,
) -> HttpResponse:
    """The worksheet page; for an htmx request only its cost and funding part, with the
    parts that depend on it (the status text, the knob's checks) swapped out of band.

    htmx swaps only successful responses, so a fragment with errors is sent with 200; the
    same errors on a full page (no JavaScript) get 400 or 409.
    """
    model = load_model(project.model_version)
    context = project_context(request, project, scenario, tab="knob", knob=knob)

    def money_part() -> dict[str, Any]:
        """What a write of a cost item or funding line changes: the money part itself and
        every part of the page that depends on it (the knob's checks)."""
        sheet = knob_sheet(project, scenario, knob)
        analysis = scenario_analysis(project, scenario)
        return {
            "sheet": sheet,
            **_money_context(project, model, sheet, money or MoneyState(), context["can_edit"]),
            "coverage_notes": coverage_notes(analysis.money, knob.number),
            "checks": [
                (SEVERITIES.get(c.severity.value, c.severity.value), c)
                for c in analysis.checks
                if knob.number in c.knobs
            ],
        }

    if getattr(request, "htmx", False):
        return render(request, "projects/knobs/money_fragment.html", {**context, **money_part()})
    if setting is not None:
        focus(setting)
    # Lessons other projects of the organisations at this table share about this knob: they
    # change without this project changing, so they are part of the cache key.
    shared = shared_lessons(project, knob.number)

    def build() -> dict[str, Any]:
        part = money_part()
        sheet = part["sheet"]
        numbers = [k.number for k in model.knobs]
        here = numbers.index(knob.number)
        return {
            **part,
            "status_label": choice_label(KNOB_STATUSES, sheet.setting["status"]),
            "setting_rows": describe_setting(
                sheet.setting, model, knob, parties_by_key(sheet.parties)
            ),
            "setting_form": (setting or setting_form(model, sheet))
            if context["can_edit"]
            else None,
            "setting_conflict": setting_conflict,
            "mechanisms": mechanism_rows(model, knob, sheet.setting["routes"]),
            "lessons": model.lessons_for_knob(knob.number),
            "shared_lessons": shared,
            "lessons_count": len(model.lessons_for_knob(knob.number)) + len(shared),
            "previous_knob": model.knobs[here - 1] if here > 0 else None,
            "next_knob": model.knobs[here + 1] if here + 1 < len(numbers) else None,
        }

    return render_project_page(
        request,
        "projects/knobs/knob_page.html",
        context,
        cache_as=f"knob:{knob.number}:{fingerprint(shared)}",
        build=build,
        status=status,
    )


def page_url(project: Project, scenario: Scenario, knob: Knob, anchor: str = "") -> str:
    url = reverse("knob_page", args=[project.pk, scenario.pk, knob.number])
    return f"{url}#{anchor}" if anchor else url


def money_saved(
    request: HttpRequest, project: Project, scenario: Scenario, knob: Knob, notice: str
) -> HttpResponse:
    """After a successful write: the fresh money part (htmx), or back to the page (no JS)."""
    if getattr(request, "htmx", False):
        return render_knob_page(request, project, scenario, knob, money=MoneyState(notice=notice))
    messages.success(request, notice)
    return redirect(page_url(project, scenario, knob, "kosten"))
